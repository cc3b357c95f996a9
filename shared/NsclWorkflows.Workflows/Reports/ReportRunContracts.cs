using System.Globalization;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Input of <see cref="ReportRunWorkflow"/>: the run and the instants its workflow acts at by itself
/// (<see cref="ReportRunRules.Times"/>, computed when it starts, so replays agree). Stored in workflow history: only add fields.
/// </summary>
public sealed record ReportRunWorkflowInput(
    string RunId,
    DateTimeOffset LeadUnitReminderUtc,
    DateTimeOffset LeadUnitDeadlineUtc,
    DateTimeOffset DueReminderUtc,
    DateTimeOffset DueUtc,
    TimeSpan RepeatEscalation)
{
    /// <summary>How many times the leaders are told the report is overdue before the workflow stops following it.</summary>
    public int MaxEscalations { get; init; } = 3;

    /// <summary>"report-run-{run id}": one workflow per run.</summary>
    public string InstanceId => InstanceIdOf(RunId);

    public static string InstanceIdOf(string runId) => "report-run-" + runId;

    public static ReportRunWorkflowInput For(ReportRun run, DateTimeOffset nowUtc, TimeSpan? compressedDay)
    {
        ArgumentNullException.ThrowIfNull(run);
        var t = ReportRunRules.Times(run, nowUtc, compressedDay);
        return new(run.Id, t.LeadUnitReminderUtc, t.LeadUnitDeadlineUtc, t.DueReminderUtc, t.DueUtc, t.RepeatEscalation);
    }
}

/// <summary>What <see cref="ReportRunStepActivity"/> is asked. Stored by name in workflow history: only add.</summary>
public enum ReportRunStepKind
{
    /// <summary>Only read where the run stands.</summary>
    Check,

    /// <summary>Store the figures of the period (cut at the data cut-off) and record it.</summary>
    Gather,

    /// <summary>Mark the lead units that have not answered as reminded.</summary>
    RemindLeadUnits,

    /// <summary>The lead units' deadline passed: those that did not answer are escalated; the run goes to drafting.</summary>
    EscalateLeadUnits,

    /// <summary>An approved run whose Word report is not stored (the API's build failed or was cut short): build it.</summary>
    Build,

    /// <summary>Record <see cref="ReportRunStepCommand.Detail"/> in the run's journal.</summary>
    Note,
}

/// <summary>One step of <see cref="ReportRunWorkflow"/>. Only ever add fields.</summary>
public sealed record ReportRunStepCommand(string RunId, ReportRunStepKind Kind, DateTimeOffset AtUtc, string? Detail = null, bool Failed = false);

/// <summary>
/// Where a run stands after a step: its state, its lead units, and those the step concerns (the units a reminder or an
/// escalation is for: every unit in that situation, so a re-executed step still names them). Only ever add fields.
/// </summary>
public sealed record ReportRunStatus(bool Missing, ReportRunState State, IReadOnlyList<ReportRunUnitStatus> Units, IReadOnlyList<string> Concerned)
{
    /// <summary>Whether people still have something to do before the report is built.</summary>
    public bool IsOpen => !Missing && State is ReportRunState.Gathering or ReportRunState.AwaitingLeadUnits or ReportRunState.Drafting or ReportRunState.AwaitingApproval;

    public static ReportRunStatus Of(ReportRun? run, IReadOnlyList<string>? concerned = null) => run is null
        ? new(true, ReportRunState.Cancelled, [], [])
        : new(false, run.State, run.LeadUnits.Select(u => new ReportRunUnitStatus(u.UnitId, u.HasAnswered, u.MailedAtUtc is not null)).ToList(), concerned ?? []);
}

public sealed record ReportRunUnitStatus(string UnitId, bool Answered, bool Mailed);

/// <summary>An e-mail of a run: the event, the lead unit it is about (if any), and the occurrence that makes it once. Only ever add fields.</summary>
public sealed record ReportRunNotice(string RunId, NotificationEvent Event, string? UnitId, string Occurrence, DateTimeOffset AtUtc);

static class ReportRunText
{
    public static string Step(ReportRunState state) => state switch
    {
        ReportRunState.Gathering => "tổng hợp số liệu",
        ReportRunState.AwaitingLeadUnits => "chờ số liệu của các đơn vị chủ trì",
        ReportRunState.Drafting => "soạn nội dung báo cáo",
        ReportRunState.AwaitingApproval => "chờ lãnh đạo duyệt",
        ReportRunState.Building => "lập văn bản báo cáo",
        ReportRunState.Completed => "đã hoàn thành",
        _ => "đã hủy",
    };

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
