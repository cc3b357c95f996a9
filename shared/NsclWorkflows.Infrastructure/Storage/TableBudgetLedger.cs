using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Budget;
using static NsclWorkflows.Infrastructure.Storage.BudgetLedgerEntityMapper;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// The budget ledger in Table storage (see <see cref="BudgetLedgerEntityMapper"/> for the rows). A movement reads the
/// line's balance, the application's holding and the movement's entry row, decides with <see cref="LedgerRules"/>, and
/// writes all three in one entity-group transaction guarded by the ETags it read. Whoever wrote the partition in
/// between makes the transaction fail (412, or 409 for a row created meanwhile): the movement re-reads and decides
/// again, with a jittered back-off, at most <see cref="MaxAttempts"/> times. So the remaining amount cannot go
/// negative under any number of concurrent movements, and entries always add up to the balance.
/// A movement whose id is already in the partition is a replay: nothing moves. Allocation entries
/// (<see cref="IBudgetAllocations"/>) are written the same way, with the balance row whose ceiling they change, so a
/// revision racing approvals is decided against the same state they are.
/// </summary>
public sealed class TableBudgetLedger(TableClientFactory tables, BudgetPlan plan, ILogger<TableBudgetLedger> logger) : IBudgetLedger, IBudgetAllocations
{
    /// <summary>Attempts of one movement before <see cref="BudgetLedgerContentionException"/>.</summary>
    public const int MaxAttempts = 100;

    const int BaseBackoffMs = 4;
    const int MaxBackoffMs = 250;

    long transactions;
    long conflicts;

    /// <summary>Counters since this instance was created, for tests and diagnostics.</summary>
    public LedgerStatistics Statistics => new(Interlocked.Read(ref transactions), Interlocked.Read(ref conflicts));

    public async Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(request);
        var key = request.Key;
        var partition = PartitionKey(key);
        if (LedgerRules.CheckLine(plan, key) is { } unknown)
        {
            BudgetLedgerLog.Refused(logger, partition, request.MovementId, unknown.Code);
            return new LedgerResult(false, false, unknown.Code, unknown.Message, new LedgerBalance(key, 0, 0, 0, 0));
        }

        var planVnd = plan.PlanVnd(key);
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (balanceRow, holdingRow, entryRow) = await ReadAsync(table, partition, request, cancellationToken);
            var balance = ToBalance(key, planVnd, balanceRow);
            if (entryRow is not null)
            {
                BudgetLedgerLog.Replayed(logger, partition, request.MovementId);
                return LedgerRules.Replay(request, ToEntry(entryRow), balance);
            }

            // A draw also reads the holding it draws from (a call's envelope) and writes it in the same transaction.
            var sourceRow = request.FromHolderId is { } from ? await Find(table, partition, HoldingRowKey(from), cancellationToken) : null;
            var source = request.FromHolderId is { } fromId ? ToHolding(key, fromId, sourceRow) : null;
            var decision = LedgerRules.Decide(request, balance, ToHolding(key, request.ApplicationId, holdingRow), source);
            if (decision.Refusal is { } refusal)
            {
                BudgetLedgerLog.Refused(logger, partition, request.MovementId, refusal.Code);
                return decision.ToResult();
            }

            var sequence = EntryCount(balanceRow) + 1;
            await IndexKeyAsync(table, balanceRow, partition, cancellationToken);
            TableTransactionAction[] batch =
            [
                Write(ToBalanceEntity(decision.Balance, sequence, AllocationCount(balanceRow), request.AtUtc), balanceRow),
                Write(ToHoldingEntity(decision.Holding, request.AtUtc), holdingRow),
                new(TableTransactionActionType.Add, ToEntryEntity(LedgerRules.EntryOf(request), sequence)),
                .. decision.Source is { } drawn ? [Write(ToHoldingEntity(drawn, request.AtUtc), sourceRow)] : Array.Empty<TableTransactionAction>(),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                Interlocked.Increment(ref transactions);
                BudgetLedgerLog.Applied(logger, partition, request.Kind, request.AmountVnd, request.ApplicationId, request.MovementId, attempt);
                return decision.ToResult();
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                await AfterLostRaceAsync(ex, partition, "movement", request.MovementId, attempt, cancellationToken);
            }
        }
    }

    public async Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), BalanceRowKey, cancellationToken: cancellationToken);
        return ToBalance(key, plan.PlanVnd(key), row.HasValue ? row.Value : null);
    }

    /// <summary>
    /// Every balance: point reads of the plan's items and years and of the keys in the key index (<see cref="KeysPartition"/>,
    /// one row per item and year ever written), never a scan of the ledger's holdings and entries.
    /// </summary>
    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken) => ReadBalancesAsync(null, cancellationToken);

    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(int year, CancellationToken cancellationToken) => ReadBalancesAsync(year, cancellationToken);

    /// <summary>Every key's balance, or one year's (its partitions start with the year: only those are read).</summary>
    async Task<IReadOnlyList<LedgerBalance>> ReadBalancesAsync(int? year, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var inYear = year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y:D4}-") : string.Empty;
        var planned = plan.Keys.Where(k => year is null || k.Year == year).Select(PartitionKey).ToHashSet(StringComparer.Ordinal);

        // The planned keys' balances and the key index at the same time; then the balances of keys only the index names
        // (a line the catalogue no longer plans). One round trip, not two, when nothing is off the plan.
        using var gate = new SemaphoreSlim(16);
        async Task<TableEntity?[]> BalancesOf(IEnumerable<string> partitions) => await Task.WhenAll(partitions.Select(async p =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await Find(table, p, BalanceRowKey, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        var plannedRows = BalancesOf(planned);
        var indexed = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {KeysPartition}"), select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            indexed.Add(row.RowKey);
        }

        var rows = (await plannedRows).Concat(await BalancesOf(indexed
            .Where(p => !planned.Contains(p) && p.StartsWith(inYear, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)));
        var stored = new Dictionary<BudgetKey, TableEntity>();
        foreach (var row in rows.OfType<TableEntity>())
        {
            stored[KeyOf(row)] = row;
        }

        // Every planned line and year, plus any stored line the catalogue no longer plans (money held there stays visible).
        return plan.Keys.Union(stored.Keys)
            .Where(k => year is null || k.Year == year)
            .OrderBy(k => k.LineId, StringComparer.Ordinal).ThenBy(k => k.Year)
            .Select(k => ToBalance(k, plan.PlanVnd(k), stored.GetValueOrDefault(k)))
            .ToArray();
    }

    public async Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), HoldingRowKey(applicationId), cancellationToken: cancellationToken);
        return ToHolding(key, applicationId, row.HasValue ? row.Value : null);
    }

    public async Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey(key)} and RowKey ge {EntryRowPrefix} and RowKey lt {EntryRowPrefix + "~"}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows.OrderBy(Sequence).Select(ToEntry).ToArray();
    }

    public async Task<AllocationResult> AllocateAsync(AllocationRequest request, CancellationToken cancellationToken)
    {
        AllocationRules.Validate(request);
        var key = request.Key;
        var partition = PartitionKey(key);
        if (LedgerRules.CheckLine(plan, key) is { } unknown)
        {
            BudgetLedgerLog.Refused(logger, partition, request.EntryId, unknown.Code);
            return new AllocationResult(false, false, unknown.Code, unknown.Message, new LedgerBalance(key, 0, 0, 0, 0), null);
        }

        var planVnd = plan.PlanVnd(key);
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var balanceTask = Find(table, partition, BalanceRowKey, cancellationToken);
            var existingTask = Find(table, partition, AllocationRowKey(request.EntryId), cancellationToken);
            var (balanceRow, existing) = (await balanceTask, await existingTask);
            var balance = ToBalance(key, planVnd, balanceRow);
            if (existing is not null)
            {
                BudgetLedgerLog.Replayed(logger, partition, request.EntryId);
                return AllocationRules.Replay(request, ToAllocation(existing), balance);
            }

            var sequence = AllocationCount(balanceRow) + 1;
            var (after, entry, refusal) = AllocationRules.Decide(request, balance, sequence);
            if (refusal is not null)
            {
                BudgetLedgerLog.Refused(logger, partition, request.EntryId, refusal.Code);
                return new AllocationResult(false, false, refusal.Code, refusal.Message, balance, null);
            }

            await IndexKeyAsync(table, balanceRow, partition, cancellationToken);
            TableTransactionAction[] batch =
            [
                Write(ToBalanceEntity(after, EntryCount(balanceRow), sequence, request.AtUtc), balanceRow),
                new(TableTransactionActionType.Add, ToAllocationEntity(entry!)),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                Interlocked.Increment(ref transactions);
                BudgetLedgerLog.Allocated(logger, partition, request.Kind, request.AmountVnd, after.CeilingVnd, request.EntryId, attempt);
                return new AllocationResult(true, false, null, null, after, entry);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                await AfterLostRaceAsync(ex, partition, "allocation", request.EntryId, attempt, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<AllocationEntry>> GetAllocationsAsync(int? year, string? lineId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {AllocationRowPrefix} and RowKey lt {AllocationRowPrefix + "~"}");
        if (year is { } y && !string.IsNullOrEmpty(lineId))
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(new BudgetKey(lineId, y))}");
        }
        else if (year is { } only)
        {
            var prefix = only.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey ge {prefix + "-"} and PartitionKey lt {prefix + "."}");
        }

        var entries = new List<AllocationEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var entry = ToAllocation(row);
            if (string.IsNullOrEmpty(lineId) || string.Equals(entry.Key.LineId, lineId, StringComparison.Ordinal))
            {
                entries.Add(entry);
            }
        }

        return entries.OrderBy(e => e.Key.LineId, StringComparer.Ordinal).ThenBy(e => e.Key.Year).ThenBy(e => e.Sequence).ToArray();
    }

    static async Task<(TableEntity? Balance, TableEntity? Holding, TableEntity? Entry)> ReadAsync(
        TableClient table, string partition, BudgetMovementRequest request, CancellationToken cancellationToken)
    {
        var balance = Find(table, partition, BalanceRowKey, cancellationToken);
        var holding = Find(table, partition, HoldingRowKey(request.ApplicationId), cancellationToken);
        var entry = Find(table, partition, EntryRowKey(request.MovementId), cancellationToken);
        return (await balance, await holding, await entry);
    }

    /// <summary>The partition listing every item and year that has a balance row (row key = that partition's key).</summary>
    public const string KeysPartition = "_keys";

    /// <summary>Before the first balance row of an item and year is written: its key in the index (an upsert; a key without a balance is read as none).</summary>
    static async Task IndexKeyAsync(TableClient table, TableEntity? balanceRow, string partition, CancellationToken cancellationToken)
    {
        if (balanceRow is null)
        {
            await table.UpsertEntityAsync(new TableEntity(KeysPartition, partition), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Adds every stored balance to the key index (once, for ledgers written before it existed): a scan, run by the rebuild command.</summary>
    public async Task<int> RebuildKeyIndexAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.BudgetLedger, cancellationToken);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {BalanceRowKey}"), select: ["PartitionKey"],
            cancellationToken: cancellationToken))
        {
            await table.UpsertEntityAsync(new TableEntity(KeysPartition, row.PartitionKey), TableUpdateMode.Replace, cancellationToken);
            count++;
        }

        return count;
    }

    static async Task<TableEntity?> Find(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Add when the row did not exist when read (409 if someone created it since), else replace if unchanged (412 if not).</summary>
    static TableTransactionAction Write(TableEntity entity, TableEntity? read) => read is null
        ? new(TableTransactionActionType.Add, entity)
        : new(TableTransactionActionType.UpdateReplace, entity, read.ETag);

    /// <summary>Full jitter: a random delay up to an exponentially growing cap, so racing writers spread out.</summary>
    static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, Math.Min(MaxBackoffMs, BaseBackoffMs << Math.Min(attempt, 10)) + 1));

    /// <summary>
    /// Another writer changed the partition between the read and the write: count and log it, give up after
    /// <see cref="MaxAttempts"/> (nothing was written), else wait before the next read.
    /// </summary>
    async Task AfterLostRaceAsync(TableTransactionFailedException ex, string partition, string what, string id, int attempt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref conflicts);
        BudgetLedgerLog.Conflict(logger, partition, id, ex.Status, attempt);
        if (attempt >= MaxAttempts)
        {
            BudgetLedgerLog.GaveUp(logger, partition, id, attempt);
            throw new BudgetLedgerContentionException(
                $"Budget ledger {partition}: {what} {id} lost {attempt} write races; nothing was written.", ex);
        }

        await Task.Delay(Backoff(attempt), cancellationToken);
    }
}

/// <summary>What a ledger instance did: transactions written, and write races lost (each followed by a re-read).</summary>
public sealed record LedgerStatistics(long Transactions, long ConflictRetries);
