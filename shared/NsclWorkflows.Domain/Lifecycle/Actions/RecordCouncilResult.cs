using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// A council's result on the file (<see cref="ActionRequest.Council"/>): sent only when its secretary closes the session
/// (<see cref="Councils.CouncilRules.Close"/>), never over HTTP (the public action route refuses the actor
/// <see cref="Actor.Council"/>). Each counted member's sheet becomes one of the file's appraisals (replacing any officer's),
/// the council is kept on <see cref="LifecycleState.Council"/>, and the file concludes as the last appraiser's sheet
/// does (<see cref="AppraisalConclusion"/>): the rubric, the majority and the lowest amount recommended.
/// </summary>
public sealed class RecordCouncilResult() : ActionDefinition<RecordCouncilResult.Body, CouncilVerdict?>(LifecycleAction.RecordCouncilResult,
    "record-council-result", Actor.Council, (request, _, _) => request.Council)
{
    /// <summary>A council appraises: a call's file only after the call's close (409 <c>call_still_open</c>), as an appraiser's sheet.</summary>
    public override bool IsAppraisal => true;

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
            return [new FieldError("council", ErrorCodes.Required, "Thiếu kết quả của hội đồng (các phiếu đánh giá được tính).")];
        }

        var errors = new List<FieldError>();
        var rubric = RubricRules.RubricOf(application, catalogue, RubricUse.Appraisal);
        var cap = CapOf(application, catalogue);
        foreach (var sheet in payload.Sheets)
        {
            errors.AddRange(RubricRules.Errors(rubric, sheet.Scores));
            if (sheet.RecommendedAmountVnd < 0 || sheet.RecommendedAmountVnd > application.Submission.RequestedAmountVnd || (cap is { } max && sheet.RecommendedAmountVnd > max))
            {
                errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange,
                    $"Kinh phí đề xuất trong phiếu của thành viên {sheet.MemberId} vượt kinh phí đề nghị hoặc mức hỗ trợ tối đa."));
            }
        }

        return errors;
    }

    internal override Decision Decide(StepContext c, ActionRequest request, CouncilVerdict? payload)
    {
        var verdict = payload!;
        var state = c.State;
        var rubric = c.Catalogue.RubricFor(c.Kind, RubricUse.Appraisal);
        var members = verdict.Summary.Members.ToDictionary(m => m.MemberId, StringComparer.Ordinal);
        state.AppraisalsList.Clear();
        foreach (var sheet in verdict.Sheets)
        {
            var scores = RubricRules.Recorded(rubric, sheet.Scores);
            var name = members.TryGetValue(sheet.MemberId, out var seat) ? seat.FullName : sheet.MemberId;
            state.AppraisalsList.Add(new AppraisalRecord(name, scores, AppraisalConclusion.Total(rubric, scores), sheet.RecommendsSupport,
                sheet.RecommendsSupport ? sheet.RecommendedAmountVnd : 0, sheet.Comment, sheet.AtUtc)
            {
                AppraiserId = $"council:{verdict.Summary.CouncilId}:{sheet.MemberId}",
            });
        }

        state.Council = verdict.Summary;
        var recused = verdict.Summary.Members.Count(m => m.RecusalReason is not null);
        var lead = $"Hội đồng \"{verdict.Summary.Name}\" (Quyết định số {verdict.Summary.DecisionNumber}) kết luận với {verdict.Sheets.Count}/{verdict.Summary.Members.Count} phiếu"
            + (recused > 0 ? $", {recused} thành viên không tham gia do xung đột lợi ích" : string.Empty) + ". ";
        return AppraisalConclusion.Conclude(c, request, rubric, lead);
    }
}
