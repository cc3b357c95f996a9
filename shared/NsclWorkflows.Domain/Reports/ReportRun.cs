using System.Globalization;

namespace NsclWorkflows.Domain.Reports;

/// <summary>What a report run is for (Kế hoạch VI.1.e: periodic and on request). Stored by name: only add.</summary>
public enum ReportKind
{
    /// <summary>Báo cáo 6 tháng.</summary>
    SixMonthly,

    /// <summary>Báo cáo năm.</summary>
    Yearly,

    /// <summary>Báo cáo sơ kết giai đoạn 2022–2025 (mid-term review).</summary>
    MidTermReview,

    /// <summary>Báo cáo đột xuất theo yêu cầu.</summary>
    AdHoc,
}

/// <summary>Where a run stands. Stored by name: only add.</summary>
public enum ReportRunState
{
    /// <summary>Figures being gathered for the period (up to the data cut-off).</summary>
    Gathering,

    /// <summary>Lead units asked for their figures and narrative; waiting until each answered or its deadline passed.</summary>
    AwaitingLeadUnits,

    /// <summary>Officers write the narrative sections (saved drafts).</summary>
    Drafting,

    /// <summary>Submitted to a leader.</summary>
    AwaitingApproval,

    /// <summary>Approved; the Word report is being built.</summary>
    Building,

    /// <summary>The Word report is stored (its version in <see cref="ReportRun.ReportVersion"/>); a signed copy may be uploaded.</summary>
    Completed,

    /// <summary>Cancelled by a leader with a reason.</summary>
    Cancelled,
}

/// <summary>A lead unit's part: asked by e-mail, reminded, escalated; its figures and narrative once it answered.</summary>
public sealed record LeadUnitInput(string UnitId, string UnitName, string Email)
{
    /// <summary>SHA-256 (hex) of the secret link's token; the token itself is only ever in the e-mail.</summary>
    public string? TokenHash { get; init; }

    public DateTimeOffset? AskedAtUtc { get; init; }

    public DateTimeOffset? RemindedAtUtc { get; init; }

    /// <summary>Set when the deadline passed without an answer: the officers were told; the run went on without it.</summary>
    public DateTimeOffset? EscalatedAtUtc { get; init; }

    public DateTimeOffset? SubmittedAtUtc { get; init; }

    public string? SubmittedBy { get; init; }

    /// <summary>The unit's figures: (label, value, unit of measure) as it entered them.</summary>
    public IReadOnlyList<LeadUnitFigure> Figures { get; init; } = [];

    public string? Narrative { get; init; }

    /// <summary>When the workflow's e-mail asking for the unit's input was accepted by the provider (null: not sent, or failed).</summary>
    public DateTimeOffset? MailedAtUtc { get; init; }

    public bool HasAnswered => SubmittedAtUtc is not null;
}

/// <summary>One figure a lead unit reports ("Số doanh nghiệp được hỗ trợ truy xuất nguồn gốc", 12, "doanh nghiệp").</summary>
public sealed record LeadUnitFigure(string Label, decimal Value, string Unit);

/// <summary>
/// The narrative sections a report of the Department carries, as officers write them. <see cref="Revision"/> counts
/// saves: a save names the revision it edits, so two editors never overwrite each other (one editor at a time).
/// </summary>
public sealed record ReportNarrative(
    string GeneralAssessment,
    string Difficulties,
    string Recommendations,
    string Directions)
{
    public static ReportNarrative Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);

    public int Revision { get; init; }

    public string? SavedBy { get; init; }

    public DateTimeOffset? SavedAtUtc { get; init; }

    public bool IsComplete => GeneralAssessment.Length > 0 && Difficulties.Length > 0 && Recommendations.Length > 0 && Directions.Length > 0;
}

/// <summary>
/// A durable report run: what report, for whom, for which period, due when, at whose request, and each step's
/// outcome. Stored as a whole (JSON) with its state; fields are only ever added.
/// </summary>
public sealed record ReportRun
{
    public required string Id { get; init; }

    public required ReportKind Kind { get; init; }

    public required DateOnly PeriodFrom { get; init; }

    public required DateOnly PeriodTo { get; init; }

    /// <summary>"Ủy ban nhân dân thành phố Đà Nẵng", "Bộ Khoa học và Công nghệ", or typed.</summary>
    public required string Addressee { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>Figures are taken as they stood at the end of this day (Vietnam time).</summary>
    public required DateOnly DataCutOff { get; init; }

    /// <summary>The request's number/symbol and date (công văn yêu cầu báo cáo), when the report answers one.</summary>
    public string? RequestNumber { get; init; }

    public DateOnly? RequestDate { get; init; }

    /// <summary>True for the run the scheduler opens every year: the Department's default, not a date the plan sets.</summary>
    public bool IsDepartmentDefault { get; init; }

    public required ReportRunState State { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAtUtc { get; init; }

    /// <summary>The stored snapshot of the figures (document kind report-run-data, scope the run id).</summary>
    public int? FiguresVersion { get; init; }

    public IReadOnlyList<LeadUnitInput> LeadUnits { get; init; } = [];

    public ReportNarrative Narrative { get; init; } = ReportNarrative.Empty;

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAtUtc { get; init; }

    /// <summary>Why a leader sent the narrative back, the last time.</summary>
    public string? ReturnedReason { get; init; }

    public int? ReportVersion { get; init; }

    public int? SignedCopyVersion { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>What the run's workflow did and what failed (e-mails, figures, the Word report), oldest first.</summary>
    public IReadOnlyList<ReportRunNote> Journal { get; init; } = [];

    /// <summary>"Báo cáo 6 tháng đầu năm 2026", "Báo cáo năm 2026", "Báo cáo sơ kết giai đoạn 2022-2025", "Báo cáo đột xuất (01/03/2026 - 31/05/2026)".</summary>
    public string Title => ReportRunRules.Title(Kind, PeriodFrom, PeriodTo);

    public string PeriodText => string.Create(CultureInfo.InvariantCulture, $"từ ngày {PeriodFrom:dd/MM/yyyy} đến ngày {PeriodTo:dd/MM/yyyy}");
}

/// <summary>One entry of a run's journal: a step of its workflow done, or failed (and how the run went on).</summary>
public sealed record ReportRunNote(DateTimeOffset AtUtc, string Step, string Text, bool Failed);

/// <summary>
/// When a run's workflow acts by itself (see <see cref="ReportRunRules.Times"/>): remind the lead units, escalate
/// those that did not answer, remind the officers before the report is due, tell the leaders once it is overdue and
/// again every <see cref="RepeatEscalation"/>.
/// </summary>
public sealed record ReportRunTimes(
    DateTimeOffset LeadUnitReminderUtc,
    DateTimeOffset LeadUnitDeadlineUtc,
    DateTimeOffset DueReminderUtc,
    DateTimeOffset DueUtc,
    TimeSpan RepeatEscalation);
