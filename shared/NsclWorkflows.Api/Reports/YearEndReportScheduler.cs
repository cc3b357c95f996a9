using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Api.Reports;

/// <summary>
/// The standalone host's timer for the year-end report: waits (on the injected <see cref="TimeProvider"/>) until the
/// next cron occurrence, then starts that occurrence's run. After start-up it first runs an occurrence missed within
/// <see cref="YearEndReportOptions.CatchUpWindow"/>. Each occurrence is started once: the next wait is computed from
/// the occurrence just handled, and the run's instance id is (year, occurrence), so a restart cannot double it.
/// (The Functions app uses a TimerTrigger instead.)
/// </summary>
public sealed partial class YearEndReportScheduler(
    YearEndSchedule schedule, IYearEndReportLauncher launcher, TimeProvider time, ILogger<YearEndReportScheduler> logger,
    Runs.DefaultYearlyRunOpener? defaultRun = null, Microsoft.DurableTask.Client.DurableTaskClient? durable = null) : BackgroundService
{
    public const string Actor = "scheduler";
    static readonly TimeSpan MaxStep = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var last = schedule.CatchUpWindow > TimeSpan.Zero ? schedule.Latest(now, schedule.CatchUpWindow) : null;
        if (last is { } missed)
        {
            await LaunchAsync(missed, stoppingToken).ConfigureAwait(false);
        }

        var from = last ?? now;
        while (!stoppingToken.IsCancellationRequested && schedule.Next(from) is { } next)
        {
            LogWaiting(logger, next, schedule.Expression);
            // In steps of at most a day: Task.Delay takes at most ~49 days, and the clock is re-read after each step.
            for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
            {
                try
                {
                    await Task.Delay(wait < MaxStep ? wait : MaxStep, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            await LaunchAsync(next, stoppingToken).ConfigureAwait(false);
            from = next;
        }
    }

    async Task LaunchAsync(DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        var date = schedule.LocalDate(occurrence);
        var request = new YearEndReportRequest(date.Year, occurrence, date, YearEndReportRequest.Scheduled, Actor);
        try
        {
            var (instanceId, started) = await launcher.LaunchAsync(request, stoppingToken).ConfigureAwait(false);
            LogLaunched(logger, occurrence, instanceId, started);
        }
#pragma warning disable CA1031 // A failed start must not stop the scheduler: the next occurrence still runs; the error is logged.
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogLaunchFailed(logger, ex, occurrence);
        }

        if (defaultRun is null)
        {
            return;
        }

        try
        {
            // The Department's default yearly report run (issue 16), beside the year-end report.
            var opened = await defaultRun.OpenAsync(date.Year, Actor, durable, stoppingToken).ConfigureAwait(false);
            LogDefaultRun(logger, date.Year, opened);
        }
#pragma warning disable CA1031 // As above: the next occurrence still runs; the error is logged.
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogLaunchFailed(logger, ex, occurrence);
        }
    }

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Default yearly report run for {Year}: newly opened: {Opened}")]
    static partial void LogDefaultRun(ILogger logger, int year, bool opened);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Year-end report: next run at {Next} (cron {Cron})")]
    static partial void LogWaiting(ILogger logger, DateTimeOffset next, string cron);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Year-end report for {Occurrence}: instance {InstanceId}, newly started: {Started}")]
    static partial void LogLaunched(ILogger logger, DateTimeOffset occurrence, string instanceId, bool started);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Year-end report for {Occurrence}: could not start")]
    static partial void LogLaunchFailed(ILogger logger, Exception exception, DateTimeOffset occurrence);
}
