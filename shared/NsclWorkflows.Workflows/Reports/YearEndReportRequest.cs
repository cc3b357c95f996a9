using System.Globalization;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Asks for the year-end report of <see cref="Year"/> for one occurrence: a scheduled cron occurrence, or the minute an
/// officer asked. (Year, occurrence) names the orchestration, so a retried or doubled trigger makes one report.
/// <see cref="AsOf"/> is the occurrence's date in the report's time zone (the "số liệu đến ngày" of the report).
/// Stored in workflow history: only add fields.
/// </summary>
public sealed record YearEndReportRequest(int Year, DateTimeOffset OccurrenceUtc, DateOnly AsOf, string Trigger, string RequestedBy)
{
    public const string Scheduled = "schedule";
    public const string OnDemand = "on-demand";

    /// <summary>"year-end-2025-202512141800": the year and the occurrence in UTC, to the minute.</summary>
    public string InstanceId => InstanceIdFor(Year, OccurrenceUtc);

    public static string InstanceIdFor(int year, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"year-end-{year}-{occurrence.UtcDateTime:yyyyMMddHHmm}");
}

/// <summary>What a run produced: the report version (and the data snapshot it was built from), and whether leaders were told.</summary>
public sealed record YearEndReportOutcome(int Year, int ReportVersion, int SnapshotVersion, bool LeadersNotified);

/// <summary>Input of both activities: the run and, for the build, the snapshot version gathered first.</summary>
public sealed record YearEndReportRun(int Year, DateOnly AsOf, string InstanceId, string RequestedBy, DateTimeOffset RequestedAtUtc, int SnapshotVersion = 0);

/// <summary>The gathered data, stored as a JSON document; the totals travel in history for the notification.</summary>
public sealed record YearEndSnapshot(int Version, int Enterprises, long ApprovedVnd, long DisbursedVnd);

/// <summary>The stored report version.</summary>
public sealed record YearEndReportStored(int Version, string FileName, long Length, string Sha256);
