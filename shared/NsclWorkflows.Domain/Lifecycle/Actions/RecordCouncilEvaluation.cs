using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// An evaluation council's verdict on the file (hội đồng đánh giá, nghiệm thu; <see cref="ActionRequest.Council"/>): sent
/// only when its secretary closes the session, never over HTTP (the public action route refuses the actor
/// <see cref="Actor.Council"/>). The counted sheets are scored against the kind's evaluation rubric; the rubric's outcome
/// (average per criterion, total) decides pass or fail (without a rubric: the majority of the sheets), and the final
/// amount recommended is the lowest a passing sheet recommends, at most the approved amount. The verdict is kept on
/// <see cref="LifecycleState.CouncilEvaluation"/> (officers only) and the file stays awaiting the leader's
/// <c>evaluate</c>: the council advises, the Department decides, and <see cref="Evaluate"/> may not contradict it.
/// </summary>
public sealed class RecordCouncilEvaluation() : ActionDefinition<RecordCouncilEvaluation.Body, CouncilVerdict?>(LifecycleAction.RecordCouncilEvaluation,
    "record-council-evaluation", Actor.Council, (request, _, _) => request.Council)
{
    /// <summary>No body is taken over HTTP: the council's close path builds the envelope itself.</summary>
    public sealed record Body : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope;
    }

    protected override void Rules(InlineValidator<Body> body)
    {
    }

    protected override IReadOnlyList<FieldError> Validate(CouncilVerdict? payload, Application application, ProgrammeCatalogue catalogue)
    {
        if (payload is null || payload.Sheets.Count == 0)
        {
            return [new FieldError("council", ErrorCodes.Required, "Thiếu kết quả của hội đồng nghiệm thu (các phiếu đánh giá được tính).")];
        }

        var errors = new List<FieldError>();
        var rubric = RubricRules.RubricOf(application, catalogue, RubricUse.Evaluation);
        var approved = application.Lifecycle.Approval?.AmountVnd ?? 0;
        foreach (var sheet in payload.Sheets)
        {
            errors.AddRange(RubricRules.Errors(rubric, sheet.Scores));
            if (sheet.RecommendedAmountVnd < 0 || sheet.RecommendedAmountVnd > approved)
            {
                errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange,
                    $"Kinh phí đề nghị nghiệm thu trong phiếu của thành viên {sheet.MemberId} vượt kinh phí đã phê duyệt ({Money(approved)})."));
            }
        }

        return errors;
    }

    /// <summary>The verdict of the counted sheets: the rubric's outcome, pass or fail, and the final amount recommended (≤ <paramref name="approvedVnd"/>).</summary>
    public static (RubricOutcome? Outcome, bool Passed, long RecommendedVnd) Verdict(Rubric? rubric, IReadOnlyList<CouncilSeatSheet> sheets, long approvedVnd)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var outcome = RubricRules.Outcome(rubric, sheets.Select(s => s.Scores));
        var supporters = sheets.Where(s => s.RecommendsSupport).ToList();
        var passed = outcome?.Passed ?? supporters.Count * 2 > sheets.Count;
        var recommended = !passed ? 0 : Math.Min(approvedVnd, supporters.Count > 0 ? supporters.Min(s => s.RecommendedAmountVnd) : approvedVnd);
        return (outcome, passed, recommended);
    }

    internal override Decision Decide(StepContext c, ActionRequest request, CouncilVerdict? payload)
    {
        var verdict = payload!;
        var state = c.State;
        var rubric = c.Catalogue.RubricFor(c.Kind, RubricUse.Evaluation);
        var sheets = verdict.Sheets.Select(s => s with { Scores = RubricRules.Recorded(rubric, s.Scores) }).ToList();
        var (outcome, passed, recommended) = Verdict(rubric, sheets, state.Approval?.AmountVnd ?? 0);
        state.CouncilEvaluation = new CouncilEvaluationRecord(verdict.Summary, sheets, outcome, passed, recommended, c.At);
        var recused = verdict.Summary.Members.Count(m => m.RecusalReason is not null);
        var detail = $"Hội đồng \"{verdict.Summary.Name}\" (Quyết định số {verdict.Summary.DecisionNumber}) kết luận nghiệm thu với {sheets.Count}/{verdict.Summary.Members.Count} phiếu"
            + (recused > 0 ? $", {recused} thành viên không tham gia do xung đột lợi ích" : string.Empty)
            + $": {(passed ? "đạt" : "không đạt")}" + (outcome is null ? string.Empty : $" ({outcome.Describe()})")
            + (passed ? $"; đề nghị kinh phí nghiệm thu {Money(recommended)}" : string.Empty) + ". Chờ Lãnh đạo Sở đánh giá, nghiệm thu theo kết luận của hội đồng.";
        return c.Decision(c.Audit(request, AuditKinds.CouncilEvaluated, detail));
    }
}
