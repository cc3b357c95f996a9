using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>One open officer task as the inbox lists it.</summary>
public sealed record InboxItem(
    string ApplicationId,
    string Unit,
    string Role,
    string Step,
    DateTimeOffset? DueUtc,
    string TrackingCode,
    string EnterpriseName,
    string Title,
    string Status,
    string SupportKindId,
    string BudgetLineId,
    int? BudgetYear,
    DateTimeOffset UpdatedAtUtc)
{
    /// <summary>E-mails of the application that could not be delivered (shown so an officer can follow up by phone).</summary>
    public int NotificationFailures { get; init; }

    /// <summary>Documents of the application that could not be issued (retried with its next step).</summary>
    public int DocumentFailures { get; init; }
}

/// <summary>
/// The officers' inbox: open tasks by (unit, role), kept in step with each application's <see cref="LifecycleState.OpenTasks"/>.
/// Listing reads only the open tasks of the asked units and roles, never all applications.
/// </summary>
public interface IInbox
{
    /// <summary>Makes the inbox hold exactly the application's open tasks. Idempotent.</summary>
    Task SyncAsync(Application application, CancellationToken cancellationToken);

    Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}
