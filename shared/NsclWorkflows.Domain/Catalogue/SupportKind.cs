namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Something an enterprise (or a nominated person) can apply for, with the rules its workflow follows.</summary>
public sealed record SupportKind(
    string Id,
    string Name,
    string Description,
    string BudgetLineId,
    long? MaxAmountVnd,
    WorkflowPolicy Policy);

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
    int FinalEvaluationWorkingDays);
