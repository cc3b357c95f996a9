using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Reports;

/// <summary>What an officer asks for when opening a run (all optional in the JSON: the rules say what is missing).</summary>
/// <param name="LeadUnits">The lead units asked for their figures (ids of the report's lead units), if any.</param>
public sealed record ReportRunRequest(
    string? Kind, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Addressee, DateOnly? DueDate, DateOnly? DataCutOff,
    string? RequestNumber, DateOnly? RequestDate, IReadOnlyList<string>? LeadUnits = null);

/// <summary>
/// The rules of report runs, pure: opening one (field errors in Vietnamese), the lead units' deadlines, the narrative's
/// one-editor-at-a-time saves, who may move a run on, and the secret link's token check.
/// </summary>
public static class ReportRunRules
{
    public const int MaxNarrativeLength = 20_000;
    public const int MaxFigures = 50;

    /// <summary>Lead units answer this many days before the report is due (then officers write and a leader approves).</summary>
    public const int LeadUnitDaysBeforeDue = 7;

    /// <summary>A reminder this many days before a lead unit's deadline.</summary>
    public const int ReminderDaysBefore = 2;

    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
    [
        ("sixMonthly", "Báo cáo 6 tháng"),
        ("yearly", "Báo cáo năm"),
        ("midTermReview", "Báo cáo sơ kết giai đoạn 2022-2025"),
        ("adHoc", "Báo cáo đột xuất"),
    ];

    public static ValidationResult<ReportRun> Open(ReportRunRequest request, string id, string createdBy, DateTimeOffset nowUtc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = FluentFieldErrors.Of(ReportRunBodyRules.Open(today).Validate(request));
        if (errors.Count > 0)
        {
            return ValidationResult<ReportRun>.Failed(errors);
        }

        var kind = ParseKind(request.Kind);
        var (from, to) = PeriodOf(request);
        var addressee = TextSafety.Clean(request.Addressee, multiLine: false).Trim();
        var number = TextSafety.Clean(request.RequestNumber, multiLine: false).Trim();
        return ValidationResult<ReportRun>.Ok(new ReportRun
        {
            Id = id,
            Kind = kind!.Value,
            PeriodFrom = from!.Value,
            PeriodTo = to!.Value,
            Addressee = addressee,
            DueDate = request.DueDate!.Value,
            DataCutOff = request.DataCutOff ?? to!.Value,
            RequestNumber = number.Length == 0 ? null : number,
            RequestDate = number.Length == 0 ? null : request.RequestDate,
            State = ReportRunState.Gathering,
            CreatedBy = createdBy,
            CreatedAtUtc = nowUtc,
        });
    }

    /// <summary>The period asked for; a mid-term review defaults to the plan's 2022–2025.</summary>
    public static (DateOnly? From, DateOnly? To) PeriodOf(ReportRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ParseKind(request.Kind) == ReportKind.MidTermReview
            ? (request.PeriodFrom ?? new DateOnly(2022, 1, 1), request.PeriodTo ?? new DateOnly(2025, 12, 31))
            : (request.PeriodFrom, request.PeriodTo);
    }

    public static ReportKind? ParseKind(string? value) => value switch
    {
        "sixMonthly" => ReportKind.SixMonthly,
        "yearly" => ReportKind.Yearly,
        "midTermReview" => ReportKind.MidTermReview,
        "adHoc" => ReportKind.AdHoc,
        _ => null,
    };

    public static string Title(ReportKind kind, DateOnly from, DateOnly to) => kind switch
    {
        ReportKind.SixMonthly => from.Month <= 6 && to.Month <= 6 && from.Year == to.Year
            ? "Báo cáo 6 tháng đầu năm " + to.Year.ToString(CultureInfo.InvariantCulture)
            : "Báo cáo 6 tháng cuối năm " + to.Year.ToString(CultureInfo.InvariantCulture),
        ReportKind.Yearly => "Báo cáo năm " + to.Year.ToString(CultureInfo.InvariantCulture),
        ReportKind.MidTermReview => string.Create(CultureInfo.InvariantCulture, $"Báo cáo sơ kết giai đoạn {from.Year}-{to.Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Báo cáo đột xuất ({from:dd/MM/yyyy} - {to:dd/MM/yyyy})"),
    };

    /// <summary>The day lead units must answer by: a week before the report is due, never before the run opened.</summary>
    public static DateOnly LeadUnitDeadline(ReportRun run, DateOnly opened)
    {
        ArgumentNullException.ThrowIfNull(run);
        var deadline = run.DueDate.AddDays(-LeadUnitDaysBeforeDue);
        return deadline < opened ? opened : deadline;
    }

    /// <summary>The token's stored form: SHA-256, hex.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>True when <paramref name="token"/> opens <paramref name="unit"/>'s input (constant-time comparison).</summary>
    public static bool TokenOpens(LeadUnitInput unit, string? token)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.TokenHash is null || string.IsNullOrEmpty(token))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashToken(token)), Encoding.ASCII.GetBytes(unit.TokenHash));
    }

    /// <summary>A lead unit's answer; refused once the run no longer waits for lead units or after it answered.</summary>
    public static ValidationResult<ReportRun> SubmitLeadUnit(
        ReportRun run, string unitId, IReadOnlyList<LeadUnitFigure> figures, string? narrative, string submittedBy, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(figures);
        var errors = new List<FieldError>();
        if (run.State != ReportRunState.AwaitingLeadUnits)
        {
            return ValidationResult<ReportRun>.Failed([new("state", "run_not_waiting", "Báo cáo không còn chờ số liệu của đơn vị.")]);
        }

        var unit = run.LeadUnits.FirstOrDefault(u => u.UnitId == unitId);
        if (unit is null)
        {
            return ValidationResult<ReportRun>.Failed([new("unit", "unknown_unit", "Đơn vị không được đề nghị gửi số liệu cho báo cáo này.")]);
        }

        if (unit.HasAnswered)
        {
            return ValidationResult<ReportRun>.Failed([new("unit", "already_submitted", "Đơn vị đã gửi số liệu cho báo cáo này.")]);
        }

        if (figures.Count == 0 && string.IsNullOrWhiteSpace(narrative))
        {
            errors.Add(new("figures", ErrorCodes.Required, "Nhập ít nhất một số liệu hoặc phần đánh giá của đơn vị."));
        }

        if (figures.Count > MaxFigures)
        {
            errors.Add(new("figures", "too_many", $"Tối đa {MaxFigures} số liệu."));
        }

        for (var i = 0; i < figures.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(figures[i].Label))
            {
                errors.Add(new($"figures[{i}].label", ErrorCodes.Required, "Nhập tên chỉ tiêu."));
            }
        }

        if ((narrative?.Length ?? 0) > MaxNarrativeLength)
        {
            errors.Add(new("narrative", ErrorCodes.TooLong, $"Phần đánh giá tối đa {MaxNarrativeLength} ký tự."));
        }

        if (errors.Count > 0)
        {
            return ValidationResult<ReportRun>.Failed(errors);
        }

        var answered = unit with
        {
            SubmittedAtUtc = nowUtc,
            SubmittedBy = TextSafety.Clean(submittedBy, multiLine: false),
            Figures = figures.Select(f => f with { Label = TextSafety.Clean(f.Label, false).Trim(), Unit = TextSafety.Clean(f.Unit, false).Trim() }).ToList(),
            Narrative = TextSafety.Clean(narrative, multiLine: true).Trim(),
        };
        return ValidationResult<ReportRun>.Ok(run with { LeadUnits = run.LeadUnits.Select(u => u.UnitId == unitId ? answered : u).ToList() });
    }

    /// <summary>The journal keeps this many entries (the newest); older ones are dropped.</summary>
    public const int MaxJournal = 200;

    /// <summary>
    /// Stops waiting for lead units (an officer closed the input, or the workflow's deadline passed): those that did not
    /// answer are recorded as escalated, and the run goes to drafting. Refused once the run no longer waits for them.
    /// </summary>
    public static ValidationResult<ReportRun> EscalateLeadUnits(ReportRun run, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.State != ReportRunState.AwaitingLeadUnits
            ? ValidationResult<ReportRun>.Failed([new("state", "run_not_waiting", "Báo cáo không còn chờ số liệu của đơn vị.")])
            : ValidationResult<ReportRun>.Ok(run with
            {
                State = ReportRunState.Drafting,
                LeadUnits = run.LeadUnits.Select(u => u.HasAnswered ? u : u with { EscalatedAtUtc = u.EscalatedAtUtc ?? nowUtc }).ToList(),
            });
    }

    /// <summary>Marks the units that have not answered as reminded (once); the run unchanged when it no longer waits for them.</summary>
    public static ReportRun RemindLeadUnits(ReportRun run, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.State != ReportRunState.AwaitingLeadUnits
            ? run
            : run with { LeadUnits = run.LeadUnits.Select(u => u.HasAnswered ? u : u with { RemindedAtUtc = u.RemindedAtUtc ?? nowUtc }).ToList() };
    }

    /// <summary>Adds an entry to the run's journal (keeping the newest <see cref="MaxJournal"/>).</summary>
    public static ReportRun Note(ReportRun run, ReportRunNote note)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(note);
        var journal = run.Journal.Append(note with { Text = TextSafety.Clean(note.Text, multiLine: false) }).ToList();
        return run with { Journal = journal.Count > MaxJournal ? journal[^MaxJournal..] : journal };
    }

    /// <summary>
    /// When the run's workflow acts if nobody does: a reminder to the lead units that have not answered
    /// <see cref="ReminderDaysBefore"/> days before their deadline (08:00 in Đà Nẵng), the escalation at the end of their
    /// deadline day, a reminder to the officers (or the leader) <see cref="ReminderDaysBefore"/> days before the report is
    /// due, and the escalation to the leaders at the end of the due day, repeated every week. With
    /// <paramref name="compressedDay"/> (tests, demonstrations) a calendar day lasts that long from <paramref name="nowUtc"/>.
    /// </summary>
    public static ReportRunTimes Times(ReportRun run, DateTimeOffset nowUtc, TimeSpan? compressedDay)
    {
        ArgumentNullException.ThrowIfNull(run);
        var vietnam = TimeSpan.FromHours(7);
        var today = DateOnly.FromDateTime(nowUtc.ToOffset(vietnam).DateTime);
        var leadDeadline = LeadUnitDeadline(run, today);
        DateTimeOffset EndOf(DateOnly day) => compressedDay is { } c
            ? nowUtc + (c * (Math.Max(0, day.DayNumber - today.DayNumber) + 1))
            : new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), vietnam).ToUniversalTime();
        DateTimeOffset MorningOf(DateOnly day) => compressedDay is { } c
            ? nowUtc + (c * Math.Max(0, day.DayNumber - today.DayNumber)) + (c / 3)
            : Max(nowUtc, new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), vietnam).ToUniversalTime());
        return new ReportRunTimes(
            MorningOf(leadDeadline.AddDays(-ReminderDaysBefore)),
            EndOf(leadDeadline),
            MorningOf(run.DueDate.AddDays(-ReminderDaysBefore)),
            EndOf(run.DueDate),
            compressedDay is { } day ? day * 7 : TimeSpan.FromDays(7));
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Saves a draft of the narrative if <paramref name="expectedRevision"/> is the current one (409 otherwise: someone saved in between).</summary>
    public static ValidationResult<ReportRun> SaveNarrative(ReportRun run, ReportNarrative draft, int expectedRevision, string officer, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(draft);
        if (run.State != ReportRunState.Drafting)
        {
            return ValidationResult<ReportRun>.Failed([new("state", "run_not_drafting", "Báo cáo không ở bước soạn nội dung.")]);
        }

        if (expectedRevision != run.Narrative.Revision)
        {
            return ValidationResult<ReportRun>.Failed([new("revision", "edited_by_someone_else",
                $"{run.Narrative.SavedBy ?? "Cán bộ khác"} đã lưu nội dung lúc đang sửa; tải lại bản mới nhất trước khi lưu.")]);
        }

        var sections = new[] { ("generalAssessment", draft.GeneralAssessment), ("difficulties", draft.Difficulties), ("recommendations", draft.Recommendations), ("directions", draft.Directions) };
        var errors = sections.Where(s => (s.Item2?.Length ?? 0) > MaxNarrativeLength)
            .Select(s => new FieldError(s.Item1, ErrorCodes.TooLong, $"Mỗi phần tối đa {MaxNarrativeLength} ký tự.")).ToList();
        if (errors.Count > 0)
        {
            return ValidationResult<ReportRun>.Failed(errors);
        }

        static string Clean(string? text) => TextSafety.Clean(text, multiLine: true).Trim();
        return ValidationResult<ReportRun>.Ok(run with
        {
            Narrative = new ReportNarrative(Clean(draft.GeneralAssessment), Clean(draft.Difficulties), Clean(draft.Recommendations), Clean(draft.Directions))
            {
                Revision = run.Narrative.Revision + 1,
                SavedBy = officer,
                SavedAtUtc = nowUtc,
            },
        });
    }

    /// <summary>Drafting → awaiting approval, once every section has text.</summary>
    public static ValidationResult<ReportRun> SubmitForApproval(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State != ReportRunState.Drafting)
        {
            return ValidationResult<ReportRun>.Failed([new("state", "run_not_drafting", "Báo cáo không ở bước soạn nội dung.")]);
        }

        return run.Narrative.IsComplete
            ? ValidationResult<ReportRun>.Ok(run with { State = ReportRunState.AwaitingApproval })
            : ValidationResult<ReportRun>.Failed([new("narrative", "narrative_incomplete",
                "Soạn đủ các phần: đánh giá chung, khó khăn vướng mắc, kiến nghị, phương hướng trước khi trình lãnh đạo.")]);
    }

    /// <summary>A leader approves (→ building) or sends it back with a reason (→ drafting).</summary>
    public static ValidationResult<ReportRun> Decide(ReportRun run, bool approve, string? reason, string leader, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State != ReportRunState.AwaitingApproval)
        {
            return ValidationResult<ReportRun>.Failed([new("state", "run_not_awaiting_approval", "Báo cáo không ở bước chờ lãnh đạo duyệt.")]);
        }

        if (approve)
        {
            return ValidationResult<ReportRun>.Ok(run with { State = ReportRunState.Building, ApprovedBy = leader, ApprovedAtUtc = nowUtc });
        }

        var why = TextSafety.Clean(reason, multiLine: true).Trim();
        return why.Length == 0
            ? ValidationResult<ReportRun>.Failed([new("reason", ErrorCodes.Required, "Nhập lý do trả lại để cán bộ chỉnh sửa.")])
            : ValidationResult<ReportRun>.Ok(run with { State = ReportRunState.Drafting, ReturnedReason = why });
    }
}
