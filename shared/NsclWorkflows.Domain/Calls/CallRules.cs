using System.Globalization;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Calls;

/// <summary>
/// The rules of a call for applications. Opening validates the call (kinds of one funded item, a year of the plan, an
/// envelope, an open date from today, a close date that is a working day at least <see cref="CallPolicy.MinimumOpenWorkingDays"/>
/// working days after the open date counting both) and holds its envelope in the ledger (a reservation under the call's
/// id); a submission names an open call offering its kind (a non-rolling kind must); an application of a call is not
/// appraised before the close; approvals draw from the envelope (<see cref="BudgetMovementKind.Draw"/>); finalising,
/// after the close, releases what the envelope still holds. Pure: the caller applies the movements, then stores the call.
/// </summary>
public static partial class CallRules
{
    public const int MaxTitleLength = 300;
    public const long MaxEnvelopeVnd = 100_000_000_000;
    public const int MaxNoteLength = 1000;
    public const int MaxNotes = 50;
    public const int MaxKinds = 20;

    /// <summary>The ledger id of a call's envelope movement (one reservation per call).</summary>
    public static string EnvelopeMovementId(string callId) => $"{callId}:envelope";

    /// <summary>The ledger id of the release at finalisation (one per call).</summary>
    public static string ReleaseMovementId(string callId) => $"{callId}:release";

    /// <summary>Opens a call: validated, run by the item's lead unit, its envelope reserved under its id.</summary>
    public static CallOutcome Open(string id, CallOpenRequest request, CallOfficer officer, ProgrammeCatalogue catalogue, ApplicationForm form,
        IWorkingDayCalendar calendar, DateTimeOffset nowUtc, TimeSpan? compressedDay = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new List<FieldError>();
        var title = Text(request.Title, "title", "Tên đợt tuyển chọn", MaxTitleLength, errors, required: true);
        var plan = BudgetPlan.From(catalogue.Programme);

        var kinds = new List<SupportKind>();
        var kindIds = (request.SupportKindIds ?? []).Select(k => k?.Trim() ?? string.Empty).ToList();
        if (kindIds.Count == 0)
        {
            errors.Add(new("supportKindIds", ErrorCodes.Required, "Vui lòng chọn ít nhất một nội dung hỗ trợ của đợt tuyển chọn."));
        }
        else if (kindIds.Count > MaxKinds || kindIds.Distinct(StringComparer.Ordinal).Count() != kindIds.Count)
        {
            errors.Add(new("supportKindIds", ErrorCodes.OutOfRange, $"Danh sách nội dung hỗ trợ không được trùng và không quá {MaxKinds} nội dung."));
        }
        else
        {
            for (var i = 0; i < kindIds.Count; i++)
            {
                if (catalogue.FindKind(kindIds[i]) is { } kind)
                {
                    kinds.Add(kind);
                }
                else
                {
                    errors.Add(new($"supportKindIds[{i}]", ErrorCodes.UnknownSupportKind, "Nội dung hỗ trợ không có trong danh mục."));
                }
            }
        }

        string? lineId = null;
        if (kinds.Count > 0 && kinds.Count == kindIds.Count)
        {
            var lines = kinds.Select(k => k.BudgetLineId).Distinct(StringComparer.Ordinal).ToList();
            if (lines.Count > 1)
            {
                errors.Add(new("supportKindIds", CallErrorCodes.KindsOnDifferentLines,
                    $"Các nội dung hỗ trợ của một đợt phải cùng một mục chi (đang chọn các mục {string.Join(", ", lines)})."));
            }
            else if (!plan.IsFundedItem(lines[0]))
            {
                errors.Add(new("supportKindIds", CallErrorCodes.NotFundedHere,
                    $"Mục {lines[0]} được bố trí kinh phí từ nguồn khác (lồng ghép); đợt tuyển chọn có kinh phí chỉ mở cho nội dung thuộc mục có kinh phí của Kế hoạch."));
            }
            else
            {
                lineId = lines[0];
            }
        }

        var (firstYear, lastYear) = (catalogue.Programme.Years.Min(), plan.LastYear);
        if (request.Year is not { } year)
        {
            errors.Add(new("year", ErrorCodes.Required, "Vui lòng nhập năm ngân sách của đợt tuyển chọn."));
        }
        else if (year < firstYear || year > lastYear)
        {
            errors.Add(new("year", ErrorCodes.OutOfRange, $"Năm ngân sách phải từ {firstYear} đến {lastYear}."));
        }

        if (request.EnvelopeVnd is not { } envelope)
        {
            errors.Add(new("envelopeVnd", ErrorCodes.Required, "Vui lòng nhập tổng kinh phí dự kiến của đợt (đồng)."));
        }
        else if (envelope is <= 0 or > MaxEnvelopeVnd)
        {
            errors.Add(new("envelopeVnd", ErrorCodes.OutOfRange, $"Tổng kinh phí của đợt phải lớn hơn 0 và không quá {Dong(MaxEnvelopeVnd)}."));
        }

        var today = Today(nowUtc);
        if (request.OpensOn is not { } opensOn)
        {
            errors.Add(new("opensOn", ErrorCodes.Required, "Vui lòng nhập ngày bắt đầu nhận hồ sơ."));
        }
        else if (opensOn < today)
        {
            errors.Add(new("opensOn", ErrorCodes.OutOfRange, $"Ngày bắt đầu nhận hồ sơ không được trước hôm nay ({Date(today)})."));
        }

        var policy = catalogue.CallPolicy;
        if (request.ClosesOn is not { } closesOn)
        {
            errors.Add(new("closesOn", ErrorCodes.Required, "Vui lòng nhập ngày hết hạn nhận hồ sơ."));
        }
        else if (!calendar.IsWorkingDay(closesOn))
        {
            errors.Add(new("closesOn", CallErrorCodes.NotWorkingDay, $"Ngày hết hạn nhận hồ sơ ({Date(closesOn)}) phải là ngày làm việc."));
        }
        else if (request.OpensOn is { } from && OpenWorkingDays(from, closesOn, calendar) < policy.MinimumOpenWorkingDays)
        {
            errors.Add(new("closesOn", CallErrorCodes.PeriodTooShort,
                $"Thời gian nhận hồ sơ phải ít nhất {policy.MinimumOpenWorkingDays} ngày làm việc tính cả ngày bắt đầu và ngày hết hạn " +
                $"(từ {Date(from)} đến {Date(closesOn)} có {OpenWorkingDays(from, closesOn, calendar)} ngày làm việc)."));
        }

        // The documents: by default every document the kinds require; else a choice among them.
        var offered = kinds.SelectMany(k => form.RequiredDocumentsFor(k.Id)).DistinctBy(d => d.Id, StringComparer.Ordinal).ToList();
        var documents = offered.Select(d => new CallDocument(d.Id, d.Name)).ToList();
        if (request.RequiredDocuments is { } chosen)
        {
            documents = [];
            for (var i = 0; i < chosen.Count; i++)
            {
                var match = offered.FirstOrDefault(d => string.Equals(d.Id, chosen[i], StringComparison.Ordinal));
                if (match is null)
                {
                    errors.Add(new($"requiredDocuments[{i}]", ErrorCodes.NotInList,
                        $"Tài liệu không có trong danh mục tài liệu của các nội dung đã chọn; các tài liệu: {string.Join(", ", offered.Select(d => d.Id))}."));
                }
                else if (documents.All(d => d.Id != match.Id))
                {
                    documents.Add(new CallDocument(match.Id, match.Name));
                }
            }
        }

        var rubricId = request.RubricId?.Trim();
        if (string.IsNullOrEmpty(rubricId))
        {
            rubricId = kinds.Select(k => k.AppraisalRubricId).FirstOrDefault(r => r is not null);
        }
        else if (catalogue.Rubrics.All(r => r.Id != rubricId))
        {
            errors.Add(new("rubricId", ErrorCodes.NotInList, $"Phiếu chấm không có trong danh mục; các phiếu: {string.Join(", ", catalogue.Rubrics.Select(r => r.Id))}."));
        }

        if (string.IsNullOrWhiteSpace(officer.Id) || string.IsNullOrWhiteSpace(officer.Name))
        {
            errors.Add(new("officer", ErrorCodes.Required, "Cần có lãnh đạo mở đợt tuyển chọn."));
        }

        if (errors.Count > 0)
        {
            return new CallOutcome(null, [], errors);
        }

        var times = Times(request.OpensOn!.Value, request.ClosesOn!.Value, policy, calendar, nowUtc, compressedDay);
        var call = new Call
        {
            Id = id,
            Unit = Units.ForLine(catalogue.Programme, lineId!),
            Title = title!,
            SupportKindIds = [.. kindIds],
            LineId = lineId!,
            Year = request.Year!.Value,
            EnvelopeVnd = request.EnvelopeVnd!.Value,
            OpensOn = request.OpensOn.Value,
            ClosesOn = request.ClosesOn.Value,
            OpensAtUtc = times.OpensAtUtc,
            ClosesAtUtc = times.ClosesAtUtc,
            FinaliseDueUtc = times.FinaliseDueUtc,
            EscalateAtUtc = times.EscalateAtUtc,
            RequiredDocuments = documents,
            RubricId = rubricId,
            OpenedBy = officer,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            EnvelopeReserved = true,
        };
        return new CallOutcome(call, [Envelope(call, officer.Id, nowUtc)], []);
    }

    /// <summary>The reservation of the call's envelope (the same movement whenever asked: one id per call).</summary>
    public static BudgetMovementRequest Envelope(Call call, string actor, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(EnvelopeMovementId(call.Id), KeyOf(call), call.Id, BudgetMovementKind.Reserve, call.EnvelopeVnd, actor,
            $"Tạm giữ kinh phí của đợt tuyển chọn \"{call.Title}\"", atUtc);
    }

    /// <summary>Working days from <paramref name="opensOn"/> to <paramref name="closesOn"/>, both counted.</summary>
    public static int OpenWorkingDays(DateOnly opensOn, DateOnly closesOn, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return closesOn < opensOn ? 0 : (calendar.IsWorkingDay(opensOn) ? 1 : 0) + calendar.WorkingDaysBetween(opensOn, closesOn);
    }

    /// <summary>
    /// When the call opens (00:00 of the open date in Đà Nẵng), closes (the end of the close date), is due to be finalised
    /// (the end of the working day <see cref="CallPolicy.FinalisationWorkingDays"/> after the close date) and is escalated
    /// (<see cref="CallPolicy.EscalationWorkingDays"/> further). Compressed (tests, demonstrations): one working day lasts
    /// <paramref name="compressedDay"/>, from now.
    /// </summary>
    public static CallTimes Times(DateOnly opensOn, DateOnly closesOn, CallPolicy policy, IWorkingDayCalendar calendar, DateTimeOffset nowUtc, TimeSpan? compressedDay)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (compressedDay is { } day)
        {
            var today = Today(nowUtc);
            var opens = nowUtc + (day * (opensOn <= today ? 0 : calendar.WorkingDaysBetween(today, opensOn)));
            var closes = opens + (day * OpenWorkingDays(opensOn, closesOn, calendar));
            var due = closes + (day * policy.FinalisationWorkingDays);
            return new CallTimes(opens, closes, due, due + (day * policy.EscalationWorkingDays));
        }

        var finaliseBy = calendar.AddWorkingDays(closesOn, policy.FinalisationWorkingDays);
        return new CallTimes(
            new DateTimeOffset(opensOn.ToDateTime(TimeOnly.MinValue), DeadlinePlanner.VietnamOffset).ToUniversalTime(),
            new DateTimeOffset(closesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), DeadlinePlanner.VietnamOffset).ToUniversalTime(),
            DeadlinePlanner.EndOfLocalDay(finaliseBy),
            DeadlinePlanner.EndOfLocalDay(calendar.AddWorkingDays(finaliseBy, policy.EscalationWorkingDays)));
    }

    /// <summary>
    /// Whether an application of <paramref name="kind"/> may be submitted naming <paramref name="callId"/> (null: none),
    /// <paramref name="call"/> being the call found for it (null: none). Null when it may; else the field error (422).
    /// </summary>
    public static FieldError? CheckSubmission(SupportKind kind, string? callId, Call? call, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (string.IsNullOrEmpty(callId))
        {
            return kind.Rolling
                ? null
                : new FieldError("callId", CallErrorCodes.CallRequired,
                    $"Nội dung \"{kind.Name}\" chỉ nhận hồ sơ theo đợt tuyển chọn, xét chọn; vui lòng chọn đợt đang nhận hồ sơ.");
        }

        if (call is null)
        {
            return new FieldError("callId", CallErrorCodes.CallNotFound, "Không có đợt tuyển chọn này.");
        }

        var state = call.StateAt(nowUtc);
        if (state != CallState.Open)
        {
            return new FieldError("callId", CallErrorCodes.CallNotOpen, state == CallState.Scheduled
                ? $"Đợt \"{call.Title}\" bắt đầu nhận hồ sơ từ ngày {Date(call.OpensOn)}; chưa nhận hồ sơ."
                : $"Đợt \"{call.Title}\" đã hết hạn nhận hồ sơ ngày {Date(call.ClosesOn)}; không nhận thêm hồ sơ.");
        }

        return call.Offers(kind.Id)
            ? null
            : new FieldError("supportKindId", CallErrorCodes.KindNotInCall, $"Đợt \"{call.Title}\" không nhận hồ sơ nội dung \"{kind.Name}\".");
    }

    /// <summary>
    /// Why an application may not be appraised yet (its call still receives applications: they are appraised together
    /// after the close); null when it may. The machine and the API ask the same.
    /// </summary>
    public static string? AppraisalRefusal(LifecycleState state, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.CallClosesAtUtc is { } closes && atUtc < closes
            ? $"Hồ sơ thuộc đợt tuyển chọn đang nhận hồ sơ đến hết ngày {Date(closes.AddSeconds(-1))}; các hồ sơ của đợt được thẩm định cùng nhau sau khi hết hạn nhận hồ sơ."
            : null;
    }

    /// <summary>Finalises a closed call: what the envelope still holds (<paramref name="heldVnd"/>, the ledger's answer) is released.</summary>
    public static CallOutcome Finalise(Call call, string? note, CallOfficer officer, long heldVnd, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(officer);
        var state = call.StateAt(nowUtc);
        if (state != CallState.Closed)
        {
            return CallOutcome.Refused(new FieldError("state", CallErrorCodes.WrongState, state == CallState.Finalised
                ? $"Đợt \"{call.Title}\" đã được kết thúc ngày {Date(call.FinalisedAtUtc!.Value)}."
                : $"Đợt \"{call.Title}\" còn nhận hồ sơ đến hết ngày {Date(call.ClosesOn)}; chỉ kết thúc đợt sau khi hết hạn nhận hồ sơ."));
        }

        var errors = new List<FieldError>();
        var cleanNote = Text(note, "note", "Ghi chú", MaxNoteLength, errors, required: false, multiLine: true);
        if (errors.Count > 0)
        {
            return new CallOutcome(null, [], errors);
        }

        var movements = heldVnd > 0
            ? new[]
            {
                new BudgetMovementRequest(ReleaseMovementId(call.Id), KeyOf(call), call.Id, BudgetMovementKind.Release, heldVnd, officer.Id,
                    $"Hủy tạm giữ phần kinh phí còn lại khi kết thúc đợt tuyển chọn \"{call.Title}\"", nowUtc),
            }
            : [];
        var updated = call with
        {
            FinalisedAtUtc = nowUtc,
            FinalisedBy = officer,
            ReleasedVnd = Math.Max(heldVnd, 0),
            FinalisingNote = cleanNote,
            UpdatedAtUtc = nowUtc,
        };
        return new CallOutcome(updated, movements, []);
    }

    /// <summary>Records that the officers were told the call closed with <paramref name="applications"/> files; null when already recorded.</summary>
    public static Call? MarkClosed(Call call, int applications, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ClosedWithApplications is not null ? null : call with { ClosedWithApplications = applications, UpdatedAtUtc = atUtc };
    }

    /// <summary>Adds a system note (at most <see cref="MaxNotes"/> kept); null when the same note is already there (a re-executed step).</summary>
    public static Call? AddNote(Call call, string text, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        var note = new CallNote(atUtc, TextSafety.Clean(text, multiLine: false));
        return call.Notes.Contains(note) ? null : call with { Notes = [.. call.Notes.TakeLast(MaxNotes - 1), note] };
    }

    /// <summary>The ledger key of the call (its item and year).</summary>
    public static BudgetKey KeyOf(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.LineId, call.Year);
    }

    static DateOnly Today(DateTimeOffset nowUtc) => DateOnly.FromDateTime(nowUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);

    static string? Text(string? value, string field, string label, int max, List<FieldError> errors, bool required, bool multiLine = false)
    {
        if (TextSafety.Check(value, field, label) is { } bad)
        {
            errors.Add(bad);
            return null;
        }

        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(new(field, ErrorCodes.Required, $"Vui lòng nhập {label.ToLowerInvariant()}."));
            }

            return null;
        }

        if (!multiLine && (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)))
        {
            errors.Add(new(field, ErrorCodes.InvalidFormat, $"{label} phải nằm trên một dòng."));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new(field, ErrorCodes.TooLong, $"{label} không được dài quá {max.ToString(CultureInfo.InvariantCulture)} ký tự."));
            return null;
        }

        return text;
    }
}
