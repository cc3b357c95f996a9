using System.Globalization;
using System.Text;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// The rules for recording an indicator value, and which entry is a target's current value.
/// <list type="bullet">
/// <item>The target must be in the catalogue.</item>
/// <item>The value is in the target's unit: a percentage ("%", e.g. the TFP share of growth) lies between −100 and 100
/// with at most two decimals; any other unit counts things (experts, tasks, enterprises): a whole number from 0 to
/// 1.000.000.</item>
/// <item>The period is a year or a date range (from ≤ to) inside the programme's years: from its first budget year to
/// the later of its last budget year and its last target year (2022–2030 for Kế hoạch 37/KH-UBND), and it must have
/// begun by the day it is recorded (a figure measures what happened).</item>
/// <item>The source document is required (5–500 characters, one line); the note is optional (up to 2.000 characters)
/// but required for a correction, i.e. when the target already has a value for the same period.</item>
/// <item>Every text passes <see cref="TextSafety"/>; texts are trimmed and normalised to NFC.</item>
/// </list>
/// </summary>
public static class IndicatorValueRules
{
    public const int MinSourceLength = 5;
    public const int MaxSourceLength = 500;
    public const int MaxNoteLength = 2000;
    public const decimal MaxCount = 1_000_000m;
    public const string PercentUnit = "%";
    public const string UnknownTarget = "unknown_target";

    /// <summary>The Vietnamese label of a field of the request body.</summary>
    public static string Label(string field) => field switch
    {
        "targetId" => "Chỉ tiêu",
        "value" => "Giá trị",
        "year" => "Năm",
        "from" => "Từ ngày",
        "to" => "Đến ngày",
        "source" => "Nguồn số liệu",
        "note" => "Ghi chú",
        _ => field,
    };

    /// <summary>The years a value may measure: (first budget year, later of last budget year and last target year).</summary>
    public static (int First, int Last) ProgrammeYears(ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var programme = catalogue.Programme;
        var last = programme.Targets.Select(t => t.ByYear).Append(programme.Years.Max()).Max();
        return (programme.Years.Min(), last);
    }

    /// <summary>
    /// Checks an entry for <paramref name="targetId"/>; <paramref name="existing"/> are the target's entries so far (a
    /// second value for the same period is a correction and needs a note). The officer's name is cleaned, not refused:
    /// it comes from the identity provider, not from the request body.
    /// </summary>
    public static ValidationResult<IndicatorValue> Validate(
        ProgrammeCatalogue catalogue,
        string targetId,
        IndicatorValueInput input,
        IReadOnlyList<IndicatorValue> existing,
        string officerId,
        string officerName,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<FieldError>();
        var target = catalogue.Programme.Targets.FirstOrDefault(t => string.Equals(t.Id, targetId, StringComparison.Ordinal));
        if (TextSafety.Check(targetId, "targetId", Label("targetId")) is { } unsafeId)
        {
            errors.Add(unsafeId);
        }
        else if (target is null)
        {
            errors.Add(new FieldError("targetId", UnknownTarget, "Chỉ tiêu không có trong danh mục của Chương trình."));
        }

        if (target is not null)
        {
            CheckValue(target, input.Value, errors);
        }

        var period = ReadPeriod(catalogue, input, DateOnly.FromDateTime(now.ToOffset(DeadlinePlanner.VietnamOffset).DateTime), errors);
        var source = Text(input.Source, "source", MaxSourceLength, multiLine: false, errors);
        if (source is null && !errors.Any(e => e.Field == "source"))
        {
            errors.Add(new FieldError("source", ErrorCodes.Required,
                "Vui lòng ghi nguồn số liệu: cơ quan ban hành, số và ngày của văn bản (ví dụ: Cục Thống kê thành phố Đà Nẵng, Báo cáo số 123/BC-CTK ngày 15/01/2026)."));
        }
        else if (source is not null && source.Length < MinSourceLength)
        {
            errors.Add(new FieldError("source", ErrorCodes.TooShort,
                $"Nguồn số liệu phải có ít nhất {MinSourceLength} ký tự: cơ quan ban hành, số và ngày của văn bản."));
        }

        var note = Text(input.Note, "note", MaxNoteLength, multiLine: true, errors);
        if (period is not null && note is null && !errors.Any(e => e.Field == "note")
            && existing.Any(e => string.Equals(e.TargetId, targetId, StringComparison.Ordinal) && e.Period == period))
        {
            errors.Add(new FieldError("note", ErrorCodes.Required,
                $"Chỉ tiêu đã có số liệu {period.Label}; khi nhập số liệu thay thế, vui lòng ghi rõ lý do điều chỉnh trong Ghi chú."));
        }

        if (errors.Count > 0)
        {
            return ValidationResult<IndicatorValue>.Failed(errors);
        }

        var name = TextSafety.Clean(officerName, multiLine: false).Trim();
        return ValidationResult<IndicatorValue>.Ok(new IndicatorValue(
            NewId(now), target!.Id, input.Value!.Value, period!, source!, note,
            TextSafety.Clean(officerId, multiLine: false), name.Length > 0 ? name : "cán bộ", now));
    }

    /// <summary>
    /// The value that stands for a target as of <paramref name="asOfYear"/> (null: the target's own year): among the
    /// entries whose period ends by then (and by the target's year), the one of the latest period; of several for that
    /// period, the latest recorded (a correction supersedes what it corrects). Null when there is none.
    /// </summary>
    public static IndicatorValue? Current(IEnumerable<IndicatorValue> values, ProgrammeTarget target, int? asOfYear = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(target);
        var lastYear = Math.Min(target.ByYear, asOfYear ?? target.ByYear);
        return values
            .Where(v => string.Equals(v.TargetId, target.Id, StringComparison.Ordinal) && v.Period.Year <= lastYear)
            .OrderBy(v => v.Period.To).ThenBy(v => v.Period.From).ThenBy(v => v.RecordedAtUtc).ThenBy(v => v.Id, StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>Whether a value reaches the target.</summary>
    public static bool Reaches(ProgrammeTarget target, decimal value)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Comparison == TargetComparison.GreaterThan ? value > target.Value : value >= target.Value;
    }

    /// <summary>"46,2 % (năm 2025), nguồn: …; nhập ngày 15/01/2026 (Nguyễn Văn A)": one line for the dashboard and the report.</summary>
    public static string Describe(ProgrammeTarget target, IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(value);
        return $"{ValueText(target, value.Value)} ({value.Period.Label}); nguồn: {value.Source}; nhập ngày {VietnameseFormat.Date(value.RecordedAtUtc)} ({value.RecordedByName})";
    }

    /// <summary>"46,2%" or "16 lượt chuyên gia".</summary>
    public static string ValueText(ProgrammeTarget target, decimal value)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsPercent(target) ? VietnameseFormat.Number(value) + "%" : $"{VietnameseFormat.Number(value)} {target.Unit}";
    }

    static bool IsPercent(ProgrammeTarget target) => string.Equals(target.Unit.Trim(), PercentUnit, StringComparison.Ordinal);

    static void CheckValue(ProgrammeTarget target, decimal? value, List<FieldError> errors)
    {
        if (value is not { } v)
        {
            errors.Add(new FieldError("value", ErrorCodes.Required, $"Vui lòng nhập giá trị của chỉ tiêu (đơn vị: {target.Unit})."));
            return;
        }

        if (IsPercent(target))
        {
            if (v < -100 || v > 100)
            {
                errors.Add(new FieldError("value", ErrorCodes.OutOfRange, "Giá trị là tỷ lệ phần trăm, phải từ -100 đến 100."));
            }
            else if (decimal.Round(v, 2) != v)
            {
                errors.Add(new FieldError("value", ErrorCodes.InvalidFormat, "Tỷ lệ phần trăm ghi tối đa 2 chữ số thập phân."));
            }

            return;
        }

        if (v < 0 || v > MaxCount)
        {
            errors.Add(new FieldError("value", ErrorCodes.OutOfRange, $"Giá trị ({target.Unit}) phải từ 0 đến {VietnameseFormat.Number(MaxCount)}."));
        }
        else if (decimal.Truncate(v) != v)
        {
            errors.Add(new FieldError("value", ErrorCodes.InvalidFormat, $"Giá trị ({target.Unit}) phải là số nguyên."));
        }
    }

    static IndicatorPeriod? ReadPeriod(ProgrammeCatalogue catalogue, IndicatorValueInput input, DateOnly today, List<FieldError> errors)
    {
        var (first, last) = ProgrammeYears(catalogue);
        var range = $"từ năm {first.ToString(CultureInfo.InvariantCulture)} đến năm {last.ToString(CultureInfo.InvariantCulture)}";
        IndicatorPeriod? period = null;
        if (input.Year is { } year)
        {
            if (input.From is not null || input.To is not null)
            {
                errors.Add(new FieldError("year", ErrorCodes.InvalidFormat, "Kỳ số liệu là một năm hoặc một khoảng thời gian (từ ngày, đến ngày), không ghi cả hai."));
                return null;
            }

            if (year < first || year > last)
            {
                errors.Add(new FieldError("year", ErrorCodes.OutOfRange, $"Năm phải thuộc thời gian của Chương trình ({range})."));
                return null;
            }

            period = IndicatorPeriod.OfYear(year);
        }
        else if (input.From is { } from && input.To is { } to)
        {
            if (from > to)
            {
                errors.Add(new FieldError("to", ErrorCodes.OutOfRange, "Đến ngày phải sau hoặc trùng Từ ngày."));
                return null;
            }

            if (from.Year < first || to.Year > last)
            {
                errors.Add(new FieldError(from.Year < first ? "from" : "to", ErrorCodes.OutOfRange, $"Kỳ số liệu phải thuộc thời gian của Chương trình ({range})."));
                return null;
            }

            period = new IndicatorPeriod(from, to);
        }
        else
        {
            var missing = input.From is null && input.To is null ? "year" : input.From is null ? "from" : "to";
            errors.Add(new FieldError(missing, ErrorCodes.Required, "Vui lòng ghi kỳ của số liệu: năm, hoặc từ ngày và đến ngày."));
            return null;
        }

        if (period.From > today)
        {
            errors.Add(new FieldError(input.Year is not null ? "year" : "from", ErrorCodes.OutOfRange,
                $"Kỳ số liệu chưa bắt đầu (hôm nay là {VietnameseFormat.Date(today)}); chỉ nhập số liệu của kỳ đã diễn ra."));
            return null;
        }

        return period;
    }

    static string? Text(string? value, string field, int max, bool multiLine, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (TextSafety.Check(value, field, Label(field)) is { } error)
        {
            errors.Add(error);
            return null;
        }

        var text = TextSafety.Clean(value, multiLine).Trim().Normalize(NormalizationForm.FormC);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new FieldError(field, ErrorCodes.TooLong, $"{Label(field)} không được dài quá {VietnameseFormat.Number(max)} ký tự."));
            return null;
        }

        return text;
    }

    /// <summary>Sorts by time of recording, then at random: "20260115093012345678-3f2a…".</summary>
    static string NewId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
}
