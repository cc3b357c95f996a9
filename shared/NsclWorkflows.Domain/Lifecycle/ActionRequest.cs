namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// A human step, checked by the HTTP layer and raised to the application's workflow as the external event
/// <see cref="EventName"/>. One shape for every action; each action reads the fields it needs. Stored in workflow
/// history: only ever add fields.
/// </summary>
public sealed record ActionRequest(
    LifecycleAction Action,
    string ActorName,
    string ActorRole)
{
    public const string EventName = "LifecycleAction";

    /// <summary>Free text: a decision note, reasons, a report, a comment.</summary>
    public string? Note { get; init; }

    /// <summary>Supplementation: the documents or facts still missing.</summary>
    public IReadOnlyList<string>? MissingItems { get; init; }

    /// <summary>Supplementation: working days the enterprise is given (the policy's value when absent).</summary>
    public int? WorkingDays { get; init; }

    /// <summary>Appraisal or evaluation: scores per criterion.</summary>
    public IReadOnlyList<CriterionScore>? Scores { get; init; }

    /// <summary>Appraisal: recommended amount; approval: approved amount; check-in: money spent; evaluation: final amount.</summary>
    public long? AmountVnd { get; init; }

    /// <summary>Approval: the budget year the amount is reserved in.</summary>
    public int? BudgetYear { get; init; }

    /// <summary>Appraisal: recommends support; check-in review: accepted (false: revise); extension: granted; evaluation: passed.</summary>
    public bool? Positive { get; init; }

    /// <summary>Check-in: percent of the work done (0–100).</summary>
    public int? PercentDone { get; init; }

    /// <summary>Names of attachments stored with the report.</summary>
    public IReadOnlyList<string>? Attachments { get; init; }

    /// <summary>
    /// The actor's stable identity (an officer's subject id from the identity provider; absent for the enterprise and
    /// for actions recorded before it existed). <see cref="ActorName"/> is only shown.
    /// </summary>
    public string? ActorId { get; init; }

    /// <summary>Extension request: the new due date asked for (Vietnam local date).</summary>
    public DateOnly? NewDueDate { get; init; }
}

/// <summary>A score against one criterion of the kind's appraisal or evaluation.</summary>
public sealed record CriterionScore(string Criterion, decimal Score, decimal MaxScore);
