using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Functions.Timers;

/// <summary>
/// The year-end report on the cron of the setting <c>Nscl:Reports:YearEndCron</c> (app setting
/// <c>Nscl__Reports__YearEndCron</c>; 5 fields, or NCRONTAB's 6 with seconds). The Functions host evaluates it in the
/// app's time zone: <c>WEBSITE_TIME_ZONE</c> ("SE Asia Standard Time" on Windows, "Asia/Ho_Chi_Minh" on Linux
/// Premium/Dedicated plans); where that setting is not supported (Linux Consumption, Flex) it runs in UTC, so set the
/// UTC equivalent there ("0 18 14 12 *" for 01:00 on 15 December in Đà Nẵng). The firing is mapped to the cron
/// occurrence it stands for (in <c>Nscl:Reports:TimeZone</c>), so a retried or doubled firing starts the same run.
/// </summary>
public sealed class YearEndReportTimer(YearEndSchedule schedule, TimeProvider time, NsclWorkflows.Api.Reports.Runs.DefaultYearlyRunOpener defaultRun)
{
    public const string ScheduleExpression = "%" + YearEndReportOptions.Section + ":YearEndCron%";

    [Function(nameof(YearEndReportTimer))]
    public async Task Run(
        [TimerTrigger(ScheduleExpression)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The occurrence this firing is for; if the host's clock zone and the configured zone disagree, the minute it fired.
        var occurrence = schedule.Latest(now.AddMinutes(1), TimeSpan.FromDays(1))
            ?? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var date = schedule.LocalDate(occurrence);
        await new DurableYearEndReportLauncher(client).LaunchAsync(
            new YearEndReportRequest(date.Year, occurrence, date, YearEndReportRequest.Scheduled, nameof(YearEndReportTimer)), cancellationToken);
        // The Department's default yearly report run (once per year, whatever the number of firings).
        await defaultRun.OpenAsync(date.Year, nameof(YearEndReportTimer), client, cancellationToken);
    }
}
