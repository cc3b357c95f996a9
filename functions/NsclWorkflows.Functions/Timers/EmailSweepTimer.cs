using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api.Notifications;

namespace NsclWorkflows.Functions.Timers;

/// <summary>
/// Each minute, the parked e-mails are tried again (<see cref="EmailSweep"/>, the same sweep the standalone host runs).
/// Two instances sweeping at once send nothing twice (the notification service's record per recipient).
/// </summary>
public sealed class EmailSweepTimer(EmailSweep sweep)
{
    public const string Schedule = "0 * * * * *";

    [Function(nameof(EmailSweepTimer))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
