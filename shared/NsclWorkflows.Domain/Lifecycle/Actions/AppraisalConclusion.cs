using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// How an appraisal concludes, whoever scored (the unit's appraisers through <see cref="SubmitAppraisal"/>, or a council
/// through <see cref="RecordCouncilResult"/>): the rubric decides whether the file passes; a majority of the sheets
/// decides whether to recommend support, at the lowest amount recommended; a file below the rubric's threshold is
/// recommended nothing. The file then goes to approval with its appraisal record.
/// </summary>
internal static class AppraisalConclusion
{
    /// <summary>The result of the sheets that count: the rubric's outcome (null without a rubric) and the recommended amount.</summary>
    public static (RubricOutcome? Outcome, long RecommendedVnd) Result(Rubric? rubric,
        IReadOnlyList<(IReadOnlyList<CriterionScore> Scores, bool Recommends, long AmountVnd)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var outcome = RubricRules.Outcome(rubric, sheets.Select(s => s.Scores));
        var supporters = sheets.Where(s => s.Recommends).ToList();
        var recommended = supporters.Count * 2 > sheets.Count && outcome?.Passed != false ? supporters.Min(s => s.AmountVnd) : 0;
        return (outcome, recommended);
    }

    /// <summary>A sheet's weighted total (the rubric's weights; 1 for a criterion it does not know).</summary>
    public static decimal Total(Rubric? rubric, IReadOnlyList<CriterionScore> scores) =>
        scores.Sum(s => s.Score * (rubric?.Find(s.CriterionId)?.Weight ?? 1));

    /// <summary>Concludes on the state's appraisals: records the result, moves to approval, asks the leaders, issues the appraisal record.</summary>
    public static Decision Conclude(StepContext c, ActionRequest request, Rubric? rubric, string lead = "")
    {
        var state = c.State;
        var (outcome, recommended) = Result(rubric, [.. state.Appraisals.Select(x => (x.Scores, x.RecommendsSupport, x.RecommendedAmountVnd))]);
        state.AppraisalOutcome = outcome;
        state.RecommendedAmountVnd = recommended;
        c.MoveTo(ApplicationStatus.AwaitingApproval);
        c.StartStep(c.WorkingDays(c.Policy.ApprovalWorkingDays));
        c.Notify(NotificationEvent.ApprovalRequested, "approval", NotificationAudience.Leaders,
            (NotificationFacts.ProposedAmountVnd, Raw(recommended)), (NotificationFacts.DueDate, Iso(state.StepDueUtc!.Value)));
        var result = outcome is null ? string.Empty : $"kết quả {outcome.Describe()}; ";
        return c.Decision(c.Audit(request, AuditKinds.AppraisalSubmitted, $"{lead}Thẩm định xong: {result}đề xuất {Money(recommended)}; chuyển phê duyệt."))
            with { Documents = [Documents.DocumentKinds.AppraisalRecord] };
    }
}
