using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// What target progress needs to know of one application, whatever stores it: its support kind, where it stands, the
/// programme year it belongs to (its budget year) and, for expert training, how many persons it nominates.
/// </summary>
public sealed record TargetRecord(string ApplicationId, string EnterpriseCode, string KindId, ApplicationStatus Status, int Year, int Persons = 1)
{
    /// <summary>The persons an application counts for a target counted in persons: its nominees (an application without a list, one).</summary>
    public static int PersonsOf(ApplicationSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return submission.Nominees is { Count: > 0 } nominees ? nominees.Count : 1;
    }

    /// <summary>A stored application as target progress counts it: in its budget year once approved, else the year it was submitted.</summary>
    public static TargetRecord Of(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application.Id, application.Submission.EnterpriseCode, application.Submission.SupportKindId, application.Status,
            application.Lifecycle.Approval?.BudgetYear ?? application.SubmittedAtUtc.ToOffset(Calendar.DeadlinePlanner.VietnamOffset).Year,
            PersonsOf(application.Submission));
    }
}
