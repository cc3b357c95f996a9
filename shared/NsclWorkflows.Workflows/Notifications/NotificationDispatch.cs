using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Workflows.Notifications;

/// <summary>
/// Sends a step's or a reminder's e-mails in line, from the activity that asks for them, and hands to a
/// <see cref="NotificationWorkflow"/> only what did not go:
/// <list type="bullet">
/// <item>sent (or sent before: the notification service's record of each recipient makes a second send a no-op): done,
/// no orchestration;</item>
/// <item>refused for good (the provider's 4xx, no recipient, a missing fact): the failure is recorded on the application here,
/// under the key the e-mail's orchestration would use (<see cref="NotificationWorkflow.InstanceIdFor"/>), so the two paths
/// never record it twice; if even that write fails, the orchestration is started and records it with its rounds;</item>
/// <item>anything else (the provider's 429/5xx, a timeout, a storage error): the orchestration is started and retries with
/// the e-mail policy, exactly as before.</item>
/// </list>
/// Before, every e-mail was its own orchestration (a start, an episode, the send activity, a completion episode), about as
/// costly on the backend as the step itself (docs/benchmarks.md, "Lifecycle throughput"). Exactly-once per recipient is
/// unchanged: it was and stays the notification service's record. The e-mails go in parallel; a start that fails throws, so
/// the caller falls back to starting them all (a second dispatch sends nothing twice).
/// While the provider is failing (a transient failure in this process less than <see cref="PauseAfterTransientFailure"/>
/// ago) nothing is tried in line: each e-mail goes straight to its orchestration, so a provider that hangs until the
/// client's timeout (30 s) delays one step, not every step of the outage.
/// </summary>
public sealed partial class NotificationDispatch(
    INotificationService notifications, IApplicationRepository applications, IInbox inbox, TimeProvider clock, ILogger<NotificationDispatch> logger)
{
    /// <summary>How long after a transient failure e-mails are handed over without trying them in line.</summary>
    public static readonly TimeSpan PauseAfterTransientFailure = TimeSpan.FromMinutes(1);

    long lastTransientTicks;

    /// <summary>What became of the e-mails of one dispatch.</summary>
    public sealed record Outcome(int Sent, int FailureRecorded, int HandedToWorkflow);

    public async Task<Outcome> DispatchAsync(DurableTaskClient client, IReadOnlyList<NotificationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return new Outcome(0, 0, 0);
        }

        var paused = clock.GetUtcNow().UtcTicks - Interlocked.Read(ref lastTransientTicks) < PauseAfterTransientFailure.Ticks;
        var tried = paused
            ? [.. requests.Select(r => (Request: r, Failure: (string?)"provider failing: not tried in line", Handover: true))]
            : await Task.WhenAll(requests.Select(TryAsync));
        var sent = tried.Count(t => t.Failure is null && !t.Handover);
        var handover = tried.Where(t => t.Handover).Select(t => t.Request).ToList();

        // Refused for good: recorded one after another (each writes the same application), each idempotent by its key.
        var recorded = 0;
        foreach (var (request, failure, _) in tried.Where(t => t.Failure is not null && !t.Handover))
        {
            var record = new NotificationFailureRecord(request.ApplicationId, NotificationWorkflow.InstanceIdFor(request),
                NotificationWorkflow.FailureDetail(request, failure!));
            try
            {
                await RecordNotificationFailureActivity.RecordAsync(applications, inbox, clock, logger, record);
                recorded++;
            }
#pragma warning disable CA1031 // Any failure: the e-mail's orchestration records it with its rounds.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailureNotRecorded(logger, ex, request.ApplicationId, request.Event);
                handover.Add(request);
            }
        }

        if (handover.Count > 0)
        {
            await StartNotificationsActivity.StartAllAsync(client, handover);
        }

        return new Outcome(sent, recorded, handover.Count);
    }

    async Task<(NotificationRequest Request, string? Failure, bool Handover)> TryAsync(NotificationRequest request)
    {
        try
        {
            var outcome = await notifications.SendAsync(request, CancellationToken.None);
            return (request, outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures), false);
        }
#pragma warning disable CA1031 // Transient or unknown: the e-mail's orchestration retries it with the e-mail policy.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Exchange(ref lastTransientTicks, clock.GetUtcNow().UtcTicks);
            LogHandedOver(logger, request.ApplicationId, request.Event, request.Occurrence, ex.Message);
            return (request, ex.Message, true);
        }
    }

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Application {ApplicationId}: e-mail {Event} ({Occurrence}) not sent in line ({Reason}); its own workflow retries it")]
    static partial void LogHandedOver(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string reason);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "Application {ApplicationId}: the refused e-mail {Event} not recorded in line; its own workflow records it")]
    static partial void LogFailureNotRecorded(ILogger logger, Exception exception, string applicationId, NotificationEvent @event);
}
