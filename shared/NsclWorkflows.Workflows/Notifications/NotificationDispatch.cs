using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Workflows.Notifications;

/// <summary>How e-mails that could not go are kept and retried (configuration section <see cref="Section"/>).</summary>
public sealed record EmailRetryOptions
{
    public const string Section = "Nscl:EmailRetry";

    /// <summary>After a transient failure, how long nothing is tried in line (e-mails are parked at once).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often parked e-mails are tried again (the standalone host's timer; the Functions app's runs each minute).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a parked e-mail is tried before its failure is recorded on the application.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The most parked e-mails one sweep reads.</summary>
    public int MaxPerSweep { get; init; } = 200;
}

/// <summary>
/// Sends a step's or a reminder's e-mails in line, from the activity that asks for them:
/// <list type="bullet">
/// <item>sent (or sent before: the notification service's record of each recipient makes a second send a no-op): done;</item>
/// <item>refused for good (the provider's 4xx, no recipient, a missing fact): the failure is recorded on the application here,
/// under the key the e-mail's orchestration would use (<see cref="NotificationWorkflow.InstanceIdFor"/>), so no path records
/// it twice;</item>
/// <item>not sent for now (the provider's 429/5xx, a timeout, a network error): parked (<see cref="IParkedEmails"/>) and tried
/// again by <see cref="SweepAsync"/> every <see cref="EmailRetryOptions.SweepInterval"/> until it goes or
/// <see cref="EmailRetryOptions.GiveUpAfter"/> has passed (then its failure is recorded).</item>
/// </list>
/// Only what cannot even be parked or recorded goes to its own <see cref="NotificationWorkflow"/> (retried with the e-mail
/// policy, recorded with rounds). So an e-mail outage costs the backend one sweep a minute, not an orchestration with its
/// retries per e-mail, and steps keep their pace (docs/reliability.md). After a transient failure nothing is tried in line
/// for <see cref="EmailRetryOptions.Pause"/>: a provider that hangs until the client's timeout delays one step, not each.
/// The e-mails of one dispatch go in parallel; a failure to hand one over throws, so the caller hands them all over again
/// (nothing is sent twice).
/// </summary>
public sealed partial class NotificationDispatch(
    INotificationService notifications, IParkedEmails parked, IApplicationRepository applications, IInbox inbox, TimeProvider clock,
    EmailRetryOptions options, ILogger<NotificationDispatch> logger)
{
    long lastTransientTicks;

    /// <summary>What became of the e-mails of one dispatch.</summary>
    public sealed record Outcome(int Sent, int FailureRecorded, int Parked, int HandedToWorkflow);

    /// <summary>What one sweep did with the parked e-mails it read.</summary>
    public sealed record SweepOutcome(int Read, int Sent, int FailureRecorded, int Kept);

    /// <summary>Whether the provider failed in this process less than <see cref="EmailRetryOptions.Pause"/> ago.</summary>
    public bool Paused => clock.GetUtcNow().UtcTicks - Interlocked.Read(ref lastTransientTicks) < options.Pause.Ticks;

    public async Task<Outcome> DispatchAsync(DurableTaskClient client, IReadOnlyList<NotificationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return new Outcome(0, 0, 0, 0);
        }

        var paused = Paused;
        var tried = paused
            ? [.. requests.Select(r => new Tried(r, "nhà cung cấp dịch vụ thư đang lỗi, chưa gửi lại", Transient: true))]
            : await Task.WhenAll(requests.Select(TryAsync));
        var sent = tried.Count(t => t.Failure is null);
        var handover = new List<NotificationRequest>();

        // Not sent for now: parked for the sweep.
        var parkedCount = 0;
        var now = clock.GetUtcNow();
        foreach (var t in tried.Where(t => t.Failure is not null && t.Transient))
        {
            try
            {
                await parked.ParkAsync(t.Request, t.Failure!, now, CancellationToken.None);
                parkedCount++;
            }
#pragma warning disable CA1031 // Any failure: the e-mail's own orchestration retries it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogNotParked(logger, ex, t.Request.ApplicationId, t.Request.Event);
                handover.Add(t.Request);
            }
        }

        // Refused for good: recorded one after another (each writes the same application), each idempotent by its key.
        var recorded = 0;
        foreach (var t in tried.Where(t => t.Failure is not null && !t.Transient))
        {
            if (await TryRecordAsync(t.Request, t.Failure!))
            {
                recorded++;
            }
            else
            {
                handover.Add(t.Request);
            }
        }

        if (handover.Count > 0)
        {
            await StartNotificationsActivity.StartAllAsync(client, handover);
        }

        return new Outcome(sent, recorded, parkedCount, handover.Count);
    }

    /// <summary>
    /// Tries the parked e-mails again, the oldest first, one after another: a sent one leaves; a refused one, or one parked
    /// longer than <see cref="EmailRetryOptions.GiveUpAfter"/>, has its failure recorded and leaves; the first transient
    /// failure pauses the rest (only the overdue ones are given up). Safe beside another sweep: a send is once per recipient
    /// by the notification service's record, a failure once by its key, a removal of a removed row is nothing.
    /// </summary>
    public async Task<SweepOutcome> SweepAsync(CancellationToken cancellationToken)
    {
        var waiting = await parked.ListAsync(options.MaxPerSweep, cancellationToken);
        int sent = 0, recorded = 0, kept = 0;
        foreach (var email in waiting)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var overdue = clock.GetUtcNow() - email.ParkedAtUtc >= options.GiveUpAfter;
            string failure;
            if (Paused)
            {
                if (!overdue)
                {
                    kept++;
                    continue;
                }

                failure = email.Reason;
            }
            else
            {
                var t = await TryAsync(email.Request);
                if (t.Failure is null)
                {
                    await parked.RemoveAsync(email.Request, cancellationToken);
                    sent++;
                    continue;
                }

                if (t.Transient && !overdue)
                {
                    kept++;
                    continue;
                }

                failure = t.Failure;
            }

            if (overdue)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"{failure} (đã thử gửi lại trong {options.GiveUpAfter.TotalHours:0.#} giờ)");
            }

            if (await TryRecordAsync(email.Request, failure))
            {
                await parked.RemoveAsync(email.Request, cancellationToken);
                recorded++;
            }
            else
            {
                kept++;
            }
        }

        if (waiting.Count > 0)
        {
            LogSwept(logger, waiting.Count, sent, recorded, kept);
        }

        return new SweepOutcome(waiting.Count, sent, recorded, kept);
    }

    async Task<Tried> TryAsync(NotificationRequest request)
    {
        try
        {
            var outcome = await notifications.SendAsync(request, CancellationToken.None);
            return new Tried(request, outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures), Transient: false);
        }
#pragma warning disable CA1031 // Transient or unknown: parked and tried again by the sweep.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Exchange(ref lastTransientTicks, clock.GetUtcNow().UtcTicks);
            LogNotSent(logger, request.ApplicationId, request.Event, request.Occurrence, ex.Message);
            return new Tried(request, ex.Message, Transient: true);
        }
    }

    /// <summary>Records a failed e-mail on its application (idempotent by the key); false when that write failed.</summary>
    async Task<bool> TryRecordAsync(NotificationRequest request, string failure)
    {
        var record = new NotificationFailureRecord(request.ApplicationId, NotificationWorkflow.InstanceIdFor(request),
            NotificationWorkflow.FailureDetail(request, failure));
        try
        {
            await RecordNotificationFailureActivity.RecordAsync(applications, inbox, clock, logger, record);
            return true;
        }
#pragma warning disable CA1031 // Any failure: the next sweep, or the e-mail's orchestration, records it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailureNotRecorded(logger, ex, request.ApplicationId, request.Event);
            return false;
        }
    }

    sealed record Tried(NotificationRequest Request, string? Failure, bool Transient);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Application {ApplicationId}: e-mail {Event} ({Occurrence}) not sent ({Reason}); parked for the sweep")]
    static partial void LogNotSent(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string reason);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "Application {ApplicationId}: the failed e-mail {Event} not recorded; tried again later")]
    static partial void LogFailureNotRecorded(ILogger logger, Exception exception, string applicationId, NotificationEvent @event);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Warning, Message = "Application {ApplicationId}: e-mail {Event} could not be parked; its own workflow retries it")]
    static partial void LogNotParked(ILogger logger, Exception exception, string applicationId, NotificationEvent @event);

    [LoggerMessage(EventId = 1415, Level = LogLevel.Information, Message = "Parked e-mails: {Read} read, {Sent} sent, {Recorded} given up and recorded, {Kept} kept")]
    static partial void LogSwept(ILogger logger, int read, int sent, int recorded, int kept);
}
