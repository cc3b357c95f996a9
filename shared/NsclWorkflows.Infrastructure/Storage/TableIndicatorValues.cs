using System.Globalization;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// <see cref="IIndicatorValueStore"/> in Table storage (table <see cref="TableName"/>, created once per process through
/// <see cref="TableClientFactory"/>, tried again after a failure): one partition per target, one row per entry, the row
/// key being the entry's id (time of recording first, so a partition reads oldest first). Entries are only ever
/// inserted (<c>AddEntity</c>): a row is never replaced or deleted, so the log is the history.
/// </summary>
public sealed class TableIndicatorValues(TableClientFactory tables) : IIndicatorValueStore
{
    public const string TableName = "IndicatorValues";

    public async Task AppendAsync(IndicatorValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.AddEntityAsync(new TableEntity(value.TargetId, value.Id)
        {
            ["Value"] = value.Value.ToString(CultureInfo.InvariantCulture),
            ["PeriodFrom"] = Day(value.Period.From),
            ["PeriodTo"] = Day(value.Period.To),
            ["Source"] = value.Source,
            ["Note"] = value.Note,
            ["RecordedById"] = value.RecordedById,
            ["RecordedByName"] = value.RecordedByName,
            ["RecordedAtUtc"] = value.RecordedAtUtc,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<IndicatorValue>> ListAsync(string targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var values = new List<IndicatorValue>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == targetId, cancellationToken: cancellationToken))
        {
            values.Add(Read(e));
        }

        return values;
    }

    public async Task<IReadOnlyList<IndicatorValue>> AllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var values = new List<IndicatorValue>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            values.Add(Read(e));
        }

        return values;
    }

    static IndicatorValue Read(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        decimal.Parse(e.GetString("Value") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
        new IndicatorPeriod(ParseDay(e.GetString("PeriodFrom")), ParseDay(e.GetString("PeriodTo"))),
        e.GetString("Source") ?? string.Empty,
        e.GetString("Note"),
        e.GetString("RecordedById") ?? string.Empty,
        e.GetString("RecordedByName") ?? string.Empty,
        e.GetDateTimeOffset("RecordedAtUtc") ?? default);

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateOnly ParseDay(string? text) => DateOnly.ParseExact(text ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
