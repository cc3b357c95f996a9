using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Notifications;

/// <summary>
/// Sends one notification of an application's lifecycle off the lifecycle's path: started (if absent) by
/// <see cref="StartNotificationsActivity"/> under an id made from the notification's identity
/// (<see cref="InstanceIdFor"/>), it sends with the e-mail retry policy, and when the send finally fails (the retries
/// spent, or the provider refused it) it records the failure on the application itself
/// (<see cref="RecordNotificationFailureActivity"/>: the audit entry and the officers' inbox flag, idempotent). The
/// application's workflow never waits for it. Exactly-once per recipient stays the notification service's job, so a
/// second run of the same instance sends nothing twice.
/// </summary>
public sealed class NotificationWorkflow(WorkflowTiming? timing = null) : TaskOrchestrator<NotificationRequest, string>
{
    readonly WorkflowTiming timing = timing ?? WorkflowTiming.Default;

    public const string Sent = "Sent";
    public const string Failed = "Failed";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, NotificationRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string? failure;
        try
        {
            var outcome = await context.CallActivityAsync<NotificationOutcome>(nameof(SendNotificationActivity), input, RetryPolicies.Email);
            failure = outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures);
        }
        catch (TaskFailedException ex)
        {
            failure = ex.FailureDetails.ErrorMessage;
        }

        if (failure is null)
        {
            return Sent;
        }

        // Recorded whatever storage does meanwhile: rounds of the storage policy, a minute apart and then longer
        // (WorkflowTiming), for as long as it takes, so an outage of any length delays the record but never loses it and
        // never fails this orchestration (idempotent: a round that wrote before failing finds its key the next time).
        var record = new NotificationFailureRecord(input.ApplicationId, context.InstanceId, FailureDetail(input, failure));
        await context.CallUntilDoneAsync<bool>(timing, nameof(RecordNotificationFailureActivity), record, RetryPolicies.Writes,
            $"record the failed {input.Event} e-mail of {input.ApplicationId}");
        return Failed;
    }

    /// <summary>The audit text of a failed notification (the same the lifecycle's own failure step writes).</summary>
    public static string FailureDetail(NotificationRequest request, string failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"Không gửi được thư {NotificationText.Event(request.Event)} tới {NotificationText.Audience(request.Audience)}: {failure}";
    }

    /// <summary>
    /// The instance id of a notification: <c>notification-{application}-{hash of event, occurrence, audience}</c>. The same
    /// request always gives the same id, so starting it twice starts it once.
    /// </summary>
    public static string InstanceIdFor(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"notification-{request.ApplicationId}-{NotificationIdentity.Hash(request)}";
    }
}

/// <summary>A notification that finally failed, to record on its application; <see cref="Key"/> makes the record idempotent.</summary>
public sealed record NotificationFailureRecord(string ApplicationId, string Key, string Detail);

/// <summary>
/// Records a failed notification on its application (<see cref="LifecycleUpkeep.NotificationFailed"/>: the failure, its
/// audit entry) and brings the officers' inbox flag in line. Safe to run twice: the second finds the key and writes
/// nothing. Returns whether this run recorded it.
/// </summary>
public sealed partial class RecordNotificationFailureActivity(IApplicationRepository applications, IInbox inbox, TimeProvider clock,
    ILogger<RecordNotificationFailureActivity> logger)
    : TaskActivity<NotificationFailureRecord, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, NotificationFailureRecord input) =>
        RecordAsync(applications, inbox, clock, logger, input);

    /// <summary>The record itself, also written in line by <see cref="NotificationDispatch"/> (the same key, so once).</summary>
    public static async Task<bool> RecordAsync(IApplicationRepository applications, IInbox inbox, TimeProvider clock, ILogger logger,
        NotificationFailureRecord input)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(input);
        var recorded = false;
        var updated = await applications.UpdateAsync(input.ApplicationId, a =>
        {
            var entry = LifecycleUpkeep.NotificationFailed(a, input.Key, input.Detail, clock.GetUtcNow());
            recorded = entry is not null;
            return entry;
        }, CancellationToken.None);
        if (updated is null)
        {
            LogNoApplication(logger, input.ApplicationId, input.Key);
            return false;
        }

        // Also when already recorded: a first run may have written the failure and then failed on the inbox.
        await inbox.SyncAsync(updated, CancellationToken.None);
        return recorded;
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Notification {Key} failed but application {ApplicationId} does not exist: nothing recorded")]
    static partial void LogNoApplication(ILogger logger, string applicationId, string key);
}

/// <summary>
/// A reminder's or an escalation's e-mails (and a step's, when its activity could not hand them over): sent in line by
/// <see cref="NotificationDispatch"/>, only what did not go handed to its own <see cref="NotificationWorkflow"/> (started if
/// absent). The activity keeps its name and types, so running workflows replay unchanged. Returns how many were handed to
/// an orchestration.
/// </summary>
public sealed class StartNotificationsActivity(DurableTaskClient client, NotificationDispatch dispatch) : TaskActivity<IReadOnlyList<NotificationRequest>, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<NotificationRequest> input) =>
        (await dispatch.DispatchAsync(client, input)).HandedToWorkflow;

    /// <summary>
    /// Starts a <see cref="NotificationWorkflow"/> for each notification, unless its instance exists already (any state).
    /// Returns how many this call started.
    /// </summary>
    public static async Task<int> StartAllAsync(DurableTaskClient client, IReadOnlyList<NotificationRequest> notifications)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(notifications);
        var outcomes = await Task.WhenAll(notifications.Select(n => DurableStart.StartIfAbsentAsync(
            client, nameof(NotificationWorkflow), NotificationWorkflow.InstanceIdFor(n), n, CancellationToken.None)));
        return outcomes.Count(o => o == DurableStartOutcome.Started);
    }
}
