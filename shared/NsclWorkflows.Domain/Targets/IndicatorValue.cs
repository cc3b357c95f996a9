using System.Globalization;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// The period an indicator value measures: a whole year (<see cref="OfYear"/>) or a date range. Its <see cref="Year"/> is
/// the year it ends in: the year the value counts for against a target "by year N".
/// </summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To)
{
    public static IndicatorPeriod OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public int Year => To.Year;

    public bool IsWholeYear => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);

    /// <summary>"năm 2025", or "từ 01/01/2025 đến 30/06/2025".</summary>
    public string Label => IsWholeYear
        ? "năm " + From.Year.ToString(CultureInfo.InvariantCulture)
        : $"từ {VietnameseFormat.Date(From)} đến {VietnameseFormat.Date(To)}";
}

/// <summary>
/// One value of a programme target recorded by an officer from a source outside the system (the TFP share of growth
/// published by the statistics office or the city's socio-economic research institute, or any target's official
/// figure): the value in the target's unit, the period it measures, the document it is taken from, an optional note,
/// who recorded it and when. Entries are never changed: a correction is a new entry (with a note saying why), and
/// the current value of a target is chosen by <see cref="IndicatorValueRules.Current"/>. Stored: only add fields.
/// </summary>
public sealed record IndicatorValue(
    string Id,
    string TargetId,
    decimal Value,
    IndicatorPeriod Period,
    string Source,
    string? Note,
    string RecordedById,
    string RecordedByName,
    DateTimeOffset RecordedAtUtc);

/// <summary>What an officer sends to record a value: a year, or a date range (from, to), not both.</summary>
public sealed record IndicatorValueInput(decimal? Value, int? Year, DateOnly? From, DateOnly? To, string? Source, string? Note);

/// <summary>Where indicator values are kept: an append-only log per target.</summary>
public interface IIndicatorValueStore
{
    /// <summary>Adds an entry; never replaces one (an entry with the same id is a conflict).</summary>
    Task AppendAsync(IndicatorValue value, CancellationToken cancellationToken);

    /// <summary>Every entry of one target, oldest recorded first.</summary>
    Task<IReadOnlyList<IndicatorValue>> ListAsync(string targetId, CancellationToken cancellationToken);

    /// <summary>Every entry of every target, oldest recorded first within a target.</summary>
    Task<IReadOnlyList<IndicatorValue>> AllAsync(CancellationToken cancellationToken);
}
