namespace NsclWorkflows.Domain.Applications;

/// <summary>Where an application stands. Values are stored by name: add new ones, never rename.</summary>
public enum ApplicationStatus
{
    /// <summary>Stored; the workflow has not yet acknowledged it.</summary>
    Submitted,

    /// <summary>Receipt acknowledged; waiting for an officer's completeness review (with a deadline).</summary>
    AwaitingCompletenessReview,

    /// <summary>The officer found the file complete; appraisal comes next.</summary>
    CompletenessAccepted,

    /// <summary>The completeness review deadline passed with no decision.</summary>
    Expired,
}
