namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// Deadlines and cadences of one support kind's workflow. Durations in working days unless named otherwise.
/// Fields are only ever added: running workflows carry copies of them.
/// </summary>
public sealed record WorkflowPolicy(
    int CompletenessReviewWorkingDays,
    int SupplementationWorkingDays,
    int AppraisalWorkingDays,
    int ApprovalWorkingDays,
    int CheckInCount,
    int CheckInIntervalMonths,
    IReadOnlyList<int> ReminderOffsetDays,
    int EscalationDelayWorkingDays,
    int FinalEvaluationWorkingDays)
{
    /// <summary>Appraisals (appraisers or council members) needed before approval. Default 1.</summary>
    public int AppraisersRequired { get; init; } = 1;

    /// <summary>Working days for a leader to record the signed approval decision after approving (then escalated). Default 5.</summary>
    public int DecisionSigningWorkingDays { get; init; } = 5;

    /// <summary>Working days for the accountant to pay a payable tranche (its due-by date; reminded before, then escalated). Default 10.</summary>
    public int PaymentWorkingDays { get; init; } = 10;
}
