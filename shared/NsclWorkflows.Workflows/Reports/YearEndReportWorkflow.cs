using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// One run of the year-end programme report: gather (a stored data snapshot) → build and store the Word report (a new
/// immutable version) → tell the leaders by e-mail. Started under <see cref="YearEndReportRequest.InstanceId"/> by
/// <see cref="YearEndReportStarter"/>, so one (year, occurrence) makes one report. A failed e-mail does not undo the
/// report: it is logged and reported in the outcome. A report that cannot be gathered or built fails the run (its
/// product is the report): a defect at once, without minutes of retries; the operator sees it in
/// <c>GET /api/operations/workflows</c> with the reason, and a new run is a new occurrence.
/// </summary>
public sealed class YearEndReportWorkflow : TaskOrchestrator<YearEndReportRequest, YearEndReportOutcome>
{
    /// <summary>The notification activity, registered with the notifications; called by name.</summary>
    public const string SendNotificationActivityName = "SendNotificationActivity";

    /// <summary>The unit whose leaders receive the report (resolved to addresses by the notification service).</summary>
    public const string ReportingUnit = "SKHCN";

    public override async Task<YearEndReportOutcome> RunAsync(TaskOrchestrationContext context, YearEndReportRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<YearEndReportWorkflow>();
        var run = new YearEndReportRun(input.Year, input.AsOf, context.InstanceId, input.RequestedBy, context.CurrentUtcDateTime);

        var snapshot = await context.CallActivityAsync<YearEndSnapshot>(nameof(GatherYearEndReportActivity), run, RetryPolicies.Storage);
        var report = await context.CallActivityAsync<YearEndReportStored>(
            nameof(BuildYearEndReportActivity), run with { SnapshotVersion = snapshot.Version }, RetryPolicies.Projections);
        Log.ReportStored(log, input.Year, report.Version, context.InstanceId);

        var notified = false;
        try
        {
            var outcome = await context.CallActivityAsync<NotificationOutcome>(
                SendNotificationActivityName, Notification(input, context.InstanceId, snapshot), RetryPolicies.Email);
            notified = outcome.Failures.Count == 0;
            if (!notified)
            {
                Log.NotificationFailed(log, input.Year, string.Join("; ", outcome.Failures));
            }
        }
        catch (TaskFailedException ex)
        {
            Log.NotificationFailed(log, input.Year, ex.Message);
        }

        return new YearEndReportOutcome(input.Year, report.Version, snapshot.Version, notified);
    }

    static NotificationRequest Notification(YearEndReportRequest input, string instanceId, YearEndSnapshot snapshot)
    {
        var year = input.Year.ToString(CultureInfo.InvariantCulture);
        return new NotificationRequest(
            "year-end-" + year,
            NotificationEvent.YearEndReportReady,
            instanceId,
            NotificationAudience.Leaders,
            ReportingUnit,
            new Dictionary<string, string>
            {
                // The facts of the event's contract (NotificationFacts.For), raw: the e-mail formats them.
                [NotificationFacts.Year] = year,
                [NotificationFacts.ReportUrl] = "/can-bo/tong-quan.html?year=" + year, // the dashboard: sign-in, then the download
                [NotificationFacts.AsOfDate] = input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [NotificationFacts.EnterpriseCount] = snapshot.Enterprises.ToString(CultureInfo.InvariantCulture),
                [NotificationFacts.ApprovedMillionVnd] = (snapshot.ApprovedVnd / 1_000_000m).ToString(CultureInfo.InvariantCulture),
                [NotificationFacts.DisbursedMillionVnd] = (snapshot.DisbursedVnd / 1_000_000m).ToString(CultureInfo.InvariantCulture),
            });
    }
}
