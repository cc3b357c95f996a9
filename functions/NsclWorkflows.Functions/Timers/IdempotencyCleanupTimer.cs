using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api.Applications;

namespace NsclWorkflows.Functions.Timers;

/// <summary>
/// Hourly (minute 17, UTC or the app's zone: it does not matter) deletion of expired idempotency records, the same
/// cleaner the standalone host runs (<see cref="IdempotencyCleanup"/>). A missed run leaves the rows for the next one;
/// submissions ignore expired records anyway.
/// </summary>
public sealed class IdempotencyCleanupTimer(IdempotencyCleanup cleanup)
{
    public const string Schedule = "0 17 * * * *";

    [Function(nameof(IdempotencyCleanupTimer))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) => cleanup.RunAsync(cancellationToken);
}
