using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// The decision register (sổ văn bản) in Table storage: each issuing unit keeps its own (a decision of Sở Công Thương is
/// numbered in its register, "1/QĐ-SCT", not in the Department's): one partition per unit and year (the Department's
/// partition is the year alone, as it always was; another unit's "{unit}-{year}") holding a counter row, one row per number
/// (<c>n-000015</c>, the register's line) and one index row per (kind, application) naming its number. A new number is
/// taken in one entity-group transaction: the counter replaced under the ETag it was read with (added if there was
/// none), the index row and the number's row added. Whoever took a number in between makes the transaction fail (412,
/// or 409 for a row created meanwhile) and the registration reads again, with a jittered back-off. So numbers run
/// 1, 2, 3 … without a gap (a number exists only with its line) and without a duplicate (one counter value per
/// transaction), however many leaders record at once; and an application's decision keeps the one number it got.
/// </summary>
public sealed partial class TableDecisionRegister(TableClientFactory tables, ILogger<TableDecisionRegister> logger) : IDecisionRegister
{
    public const string TableName = "DecisionRegister";

    /// <summary>Attempts of one registration before it gives up (nothing written).</summary>
    public const int MaxAttempts = 100;

    const string CounterRow = "counter";
    const string NumberPrefix = "n-";

    public async Task<RegisteredDecision> RegisterAsync(DecisionRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = Partition(registration.Unit, registration.Year);
        var indexKey = IndexRow(registration.Kind, registration.ApplicationId);
        for (var attempt = 1; ; attempt++)
        {
            var counterTask = FindAsync(table, partition, CounterRow, cancellationToken);
            var indexTask = FindAsync(table, partition, indexKey, cancellationToken);
            var (counter, index) = (await counterTask, await indexTask);
            try
            {
                if (index is not null)
                {
                    return await KeepNumberAsync(table, partition, index.GetInt32("Number") ?? 0, registration, cancellationToken);
                }

                var number = (counter?.GetInt32("Count") ?? 0) + 1;
                var entry = Entry(partition, number, registration);
                var taken = new TableEntity(partition, CounterRow) { ["Count"] = number };
                TableTransactionAction[] batch =
                [
                    counter is null ? new(TableTransactionActionType.Add, taken) : new(TableTransactionActionType.UpdateReplace, taken, counter.ETag),
                    new(TableTransactionActionType.Add, new TableEntity(partition, indexKey) { ["Number"] = number }),
                    new(TableTransactionActionType.Add, entry),
                ];
                await table.SubmitTransactionAsync(batch, cancellationToken);
                LogRegistered(logger, registration.Year, number, registration.ApplicationId, attempt);
                return Read(entry);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412) // a transaction's (TableTransactionFailedException) or the line's update
            {
                LogLostRace(logger, registration.Year, registration.ApplicationId, attempt);
                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException(
                        $"The decision register of {registration.Year} stayed contended for {MaxAttempts} attempts; no number was taken for {registration.ApplicationId}.", ex);
                }

                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>The year's decisions of every unit's register: the Department's first, then each other unit's, each in number order.</summary>
    public async Task<IReadOnlyList<RegisteredDecision>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var registers = await Task.WhenAll(Units.All.Select(async unit =>
        {
            var partition = Partition(unit, year);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {NumberPrefix} and RowKey lt {NumberPrefix + "~"}");
            var entries = new List<RegisteredDecision>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                entries.Add(Read(row));
            }

            return entries.OrderBy(e => e.Number);
        }));
        return [.. registers.SelectMany(r => r)];
    }

    /// <summary>The register of <paramref name="unit"/> for <paramref name="year"/>: the Department's is the year alone.</summary>
    static string Partition(string unit, int year)
    {
        var yearKey = year.ToString("D4", CultureInfo.InvariantCulture);
        return DocumentIssuer.For(unit).UnitId == Units.ScienceAndTechnology ? yearKey : $"{unit}-{yearKey}";
    }

    /// <summary>
    /// The application's decision has its number already (a step run again, or recorded again after it could not be
    /// decided): the same number, its line brought to the latest date and signer (replaced under its ETag).
    /// </summary>
    static async Task<RegisteredDecision> KeepNumberAsync(TableClient table, string partition, int number, DecisionRegistration registration, CancellationToken cancellationToken)
    {
        var line = await FindAsync(table, partition, NumberRow(number), cancellationToken)
            ?? throw new InvalidOperationException($"The decision register of {partition} names number {number} for {registration.ApplicationId} without its line.");
        var kept = Read(line);
        if (kept.SignedOn == registration.SignedOn && kept.SignerName == registration.SignerName && kept.SignerTitle == registration.SignerTitle)
        {
            return kept;
        }

        var updated = Entry(partition, number, registration);
        await table.UpdateEntityAsync(updated, line.ETag, TableUpdateMode.Replace, cancellationToken);
        return Read(updated);
    }

    static TableEntity Entry(string partition, int number, DecisionRegistration r) => new(partition, NumberRow(number))
    {
        ["Number"] = number,
        ["Symbol"] = r.Symbol,
        ["ApplicationId"] = r.ApplicationId,
        ["TrackingCode"] = r.TrackingCode,
        ["Unit"] = r.Unit,
        ["Kind"] = r.Kind,
        ["SignedOn"] = r.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["SignerName"] = r.SignerName,
        ["SignerTitle"] = r.SignerTitle,
        ["RecordedBy"] = r.RecordedBy,
        ["RecordedAtUtc"] = r.AtUtc,
    };

    static RegisteredDecision Read(TableEntity row) => new(
        int.Parse(row.PartitionKey.AsSpan(row.PartitionKey.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture), // "2026" or "sct-2026"
        row.GetInt32("Number") ?? 0,
        row.GetString("Symbol") ?? string.Empty,
        row.GetString("ApplicationId") ?? string.Empty,
        row.GetString("TrackingCode") ?? string.Empty,
        row.GetString("Unit") ?? string.Empty,
        row.GetString("Kind") ?? string.Empty,
        DateOnly.ParseExact(row.GetString("SignedOn") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetString("SignerName") ?? string.Empty,
        row.GetString("SignerTitle") ?? string.Empty,
        row.GetString("RecordedBy") ?? string.Empty,
        row.GetDateTimeOffset("RecordedAtUtc") ?? DateTimeOffset.MinValue);

    static string NumberRow(int number) => NumberPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    static string IndexRow(string kind, string applicationId) => $"app-{kind}-{applicationId}";

    static async Task<TableEntity?> FindAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Full jitter: a random delay up to an exponentially growing cap, so racing registrations spread out.</summary>
    static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, Math.Min(250, 4 << Math.Min(attempt, 10)) + 1));

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Decision register {Year}: number {Number} taken for application {ApplicationId} after {Attempt} attempt(s)")]
    static partial void LogRegistered(ILogger logger, int year, int number, string applicationId, int attempt);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Debug, Message = "Decision register {Year}: registration for {ApplicationId} lost a write race, attempt {Attempt}; re-reading")]
    static partial void LogLostRace(ILogger logger, int year, string applicationId, int attempt);
}
