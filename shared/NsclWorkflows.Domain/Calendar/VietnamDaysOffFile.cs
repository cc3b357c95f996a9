using System.Text.Json;
using System.Text.Json.Serialization;

namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Reads the yearly days-off file (Calendar/vietnam-days-off.json, embedded; or an amended copy on disk).
/// </summary>
public static class VietnamDaysOffFile
{
    const string ResourceName = "NsclWorkflows.Domain.Calendar.vietnam-days-off.json";

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The file shipped with the code.</summary>
    public static IReadOnlyList<YearlyDaysOff> Load()
    {
        using var stream = typeof(VietnamDaysOffFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Thiếu tệp ngày nghỉ nhúng sẵn (vietnam-days-off.json) trong thư viện Domain.");
        return Parse(stream);
    }

    /// <summary>An amended file an officer maintains on disk.</summary>
    public static IReadOnlyList<YearlyDaysOff> LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    public static IReadOnlyList<YearlyDaysOff> Parse(Stream json)
    {
        FileModel? file;
        try
        {
            file = JsonSerializer.Deserialize<FileModel>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Tệp ngày nghỉ không đúng định dạng: {ex.Message}", ex);
        }

        var years = (file?.Years ?? []).Select(ToYear).ToArray();
        var duplicate = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Tệp ngày nghỉ có năm {duplicate.Key} lặp lại.");
        }

        return years.OrderBy(y => y.Year).ToArray();
    }

    static YearlyDaysOff ToYear(YearModel y)
    {
        var off = (y.ExtraDaysOff ?? []).Select(a => ToAdjustment(y.Year, a)).ToArray();
        var worked = (y.WorkingDays ?? []).Select(a => ToAdjustment(y.Year, a)).ToArray();
        var clash = off.Select(a => a.Date).Intersect(worked.Select(a => a.Date)).ToArray();
        if (clash.Length > 0)
        {
            throw new InvalidDataException($"Năm {y.Year}: ngày {clash[0]:dd/MM/yyyy} vừa là ngày nghỉ vừa là ngày làm việc.");
        }

        var adjacent = y.NationalDayAdjacentDay is null ? null : ToAdjustment(y.Year, y.NationalDayAdjacentDay);
        if (adjacent is not null && adjacent.Date != new DateOnly(y.Year, 9, 1) && adjacent.Date != new DateOnly(y.Year, 9, 3))
        {
            throw new InvalidDataException($"Năm {y.Year}: ngày nghỉ liền kề Quốc khánh phải là 1/9 hoặc 3/9.");
        }

        return new YearlyDaysOff(y.Year, off, worked, adjacent, y.Note);
    }

    static DayAdjustment ToAdjustment(int year, AdjustmentModel a)
    {
        if (a.Date is not { } date)
        {
            throw new InvalidDataException($"Năm {year}: có mục thiếu ngày (date).");
        }

        if (string.IsNullOrWhiteSpace(a.Note) || string.IsNullOrWhiteSpace(a.Source))
        {
            throw new InvalidDataException($"Năm {year}: mục ngày {date:dd/MM/yyyy} phải có ghi chú (note) và nguồn (source).");
        }

        return new DayAdjustment(date, a.Note.Trim(), a.Source.Trim());
    }

    sealed record FileModel(List<YearModel>? Years);

    sealed record YearModel(int Year, string? Note, List<AdjustmentModel>? ExtraDaysOff, List<AdjustmentModel>? WorkingDays, AdjustmentModel? NationalDayAdjacentDay);

    sealed record AdjustmentModel(DateOnly? Date, string? Note, string? Source);
}
