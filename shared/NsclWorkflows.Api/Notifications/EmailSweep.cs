using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Api.Notifications;

/// <summary>
/// The one sweep of parked e-mails (<see cref="NotificationDispatch.SweepAsync"/>), run by both hosts: on the Functions app
/// by a timer trigger each minute, on the standalone host by <see cref="EmailSweepService"/> every
/// <see cref="EmailRetryOptions.SweepInterval"/>. A failed sweep is logged; the next one tries again.
/// </summary>
public sealed partial class EmailSweep(NotificationDispatch dispatch, ILogger<EmailSweep> logger)
{
    public async Task<NotificationDispatch.SweepOutcome?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dispatch.SweepAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed sweep must not stop its timer: the parked e-mails stay for the next one.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) // a storage timeout is a failure too (TaskCanceledException), only the host's stop ends the run
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "The sweep of parked e-mails failed; the next one tries again")]
    static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Standalone host: runs <see cref="EmailSweep"/> every <see cref="EmailRetryOptions.SweepInterval"/>.</summary>
public sealed class EmailSweepService(EmailSweep sweep, EmailRetryOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class EmailSweepRegistration
{
    /// <summary>Standalone host: the periodic sweep of parked e-mails.</summary>
    public static IServiceCollection AddEmailSweepService(this IServiceCollection services)
    {
        services.AddHostedService<EmailSweepService>();
        return services;
    }
}
