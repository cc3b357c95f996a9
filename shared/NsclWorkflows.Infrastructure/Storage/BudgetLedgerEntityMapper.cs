using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Rows of the budget ledger table. One partition per item and year ("2024-IV.1") holds the balance row, one holding
/// row per application, one entry row per applied movement and one allocation row per allocation entry (the
/// append-only log of the item's allocations in the year), so a movement or an allocation is one entity-group
/// transaction with the balance row. The balance row's <c>CeilingVnd</c> is the latest recorded allocation (absent
/// when none was recorded: the printed figure stands). Column names are stored data: only add.
/// </summary>
static class BudgetLedgerEntityMapper
{
    public const string BalanceRowKey = "balance";
    public const string HoldingRowPrefix = "holding-";
    public const string EntryRowPrefix = "entry-";
    public const string AllocationRowPrefix = "allocation-";

    public static string PartitionKey(BudgetKey key) => $"{key.Year:D4}-{SafeKey(key.LineId)}";

    public static string HoldingRowKey(string applicationId) => HoldingRowPrefix + SafeKey(applicationId);

    /// <summary>Derived from the movement id alone, so the same movement can never be written twice in a partition.</summary>
    public static string EntryRowKey(string movementId) =>
        EntryRowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(movementId)));

    public static TableEntity ToBalanceEntity(LedgerBalance b, long entryCount, long allocationCount, DateTimeOffset atUtc)
    {
        var row = new TableEntity(PartitionKey(b.Key), BalanceRowKey)
        {
            ["LineId"] = b.Key.LineId,
            ["Year"] = b.Key.Year,
            ["PlanVnd"] = b.PlanVnd,
            ["ReservedVnd"] = b.ReservedVnd,
            ["CommittedVnd"] = b.CommittedVnd,
            ["DisbursedVnd"] = b.DisbursedVnd,
            ["EntryCount"] = entryCount,
            ["AllocationCount"] = allocationCount,
            ["UpdatedAtUtc"] = atUtc,
        };
        if (b.CeilingSource == CeilingSource.Recorded)
        {
            row["CeilingVnd"] = b.CeilingVnd;
        }

        return row;
    }

    /// <summary>
    /// The stored amounts with the ceiling in force: the recorded allocation when there is one, else the plan's printed
    /// figure (the catalogue's, which an amendment may have changed), else none.
    /// </summary>
    public static LedgerBalance ToBalance(BudgetKey key, long? planVnd, TableEntity? row)
    {
        var balance = row is null
            ? new LedgerBalance(key, planVnd ?? 0, 0, 0, 0)
            : new LedgerBalance(key, planVnd ?? 0, row.GetInt64("ReservedVnd") ?? 0, row.GetInt64("CommittedVnd") ?? 0, row.GetInt64("DisbursedVnd") ?? 0);
        return row?.GetInt64("CeilingVnd") is { } recorded
            ? balance with { CeilingVnd = recorded, CeilingSource = CeilingSource.Recorded }
            : planVnd is { } printed
                ? balance with { CeilingVnd = printed, CeilingSource = CeilingSource.Plan }
                : balance with { CeilingVnd = 0, CeilingSource = CeilingSource.None };
    }

    public static long AllocationCount(TableEntity? balanceRow) => balanceRow?.GetInt64("AllocationCount") ?? 0;

    /// <summary>Derived from the entry id alone, so the same allocation entry can never be written twice in a partition.</summary>
    public static string AllocationRowKey(string entryId) =>
        AllocationRowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryId)));

    public static TableEntity ToAllocationEntity(AllocationEntry e) => new(PartitionKey(e.Key), AllocationRowKey(e.EntryId))
    {
        ["Sequence"] = e.Sequence,
        ["EntryId"] = e.EntryId,
        ["LineId"] = e.Key.LineId,
        ["Year"] = e.Key.Year,
        ["Kind"] = e.Kind.ToString(),
        ["AmountVnd"] = e.AmountVnd,
        ["DeltaVnd"] = e.DeltaVnd,
        ["CeilingAfterVnd"] = e.CeilingAfterVnd,
        ["CounterpartLineId"] = e.CounterpartLineId,
        ["DocumentNumber"] = e.Document.Number,
        ["DocumentDate"] = e.Document.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["DocumentIssuer"] = e.Document.Issuer,
        ["Note"] = e.Note,
        ["Actor"] = e.Actor,
        ["AtUtc"] = e.AtUtc,
    };

    public static AllocationEntry ToAllocation(TableEntity row) => new(
        row.GetString("EntryId"),
        new BudgetKey(row.GetString("LineId"), row.GetInt32("Year") ?? 0),
        Enum.Parse<AllocationKind>(row.GetString("Kind")),
        row.GetInt64("AmountVnd") ?? 0,
        row.GetInt64("DeltaVnd") ?? 0,
        row.GetInt64("CeilingAfterVnd") ?? 0,
        row.GetString("CounterpartLineId"),
        new AllocationDocument(
            row.GetString("DocumentNumber") ?? string.Empty,
            DateOnly.TryParseExact(row.GetString("DocumentDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date) ? date : default,
            row.GetString("DocumentIssuer") ?? string.Empty),
        row.GetString("Note"),
        row.GetString("Actor") ?? string.Empty,
        row.GetDateTimeOffset("AtUtc") ?? default,
        row.GetInt64("Sequence") ?? 0);

    public static BudgetKey KeyOf(TableEntity balanceRow) => new(balanceRow.GetString("LineId"), balanceRow.GetInt32("Year") ?? 0);

    public static long EntryCount(TableEntity? balanceRow) => balanceRow?.GetInt64("EntryCount") ?? 0;

    public static TableEntity ToHoldingEntity(LedgerHolding h, DateTimeOffset atUtc) => new(PartitionKey(h.Key), HoldingRowKey(h.ApplicationId))
    {
        ["ApplicationId"] = h.ApplicationId,
        ["LineId"] = h.Key.LineId,
        ["Year"] = h.Key.Year,
        ["ReservedVnd"] = h.ReservedVnd,
        ["CommittedVnd"] = h.CommittedVnd,
        ["DisbursedVnd"] = h.DisbursedVnd,
        ["UpdatedAtUtc"] = atUtc,
    };

    public static LedgerHolding ToHolding(BudgetKey key, string applicationId, TableEntity? row) => row is null
        ? new(key, applicationId, 0, 0, 0)
        : new(key, applicationId, row.GetInt64("ReservedVnd") ?? 0, row.GetInt64("CommittedVnd") ?? 0, row.GetInt64("DisbursedVnd") ?? 0);

    public static TableEntity ToEntryEntity(LedgerEntry e, long sequence) => new(PartitionKey(e.Key), EntryRowKey(e.MovementId))
    {
        ["Sequence"] = sequence,
        ["MovementId"] = e.MovementId,
        ["LineId"] = e.Key.LineId,
        ["Year"] = e.Key.Year,
        ["ApplicationId"] = e.ApplicationId,
        ["Kind"] = e.Kind.ToString(),
        ["AmountVnd"] = e.AmountVnd,
        ["Actor"] = e.Actor,
        ["Reason"] = e.Reason,
        ["AtUtc"] = e.AtUtc,
        ["FromHolderId"] = e.FromHolderId,
    };

    public static LedgerEntry ToEntry(TableEntity row) => new(
        row.GetString("MovementId"),
        new BudgetKey(row.GetString("LineId"), row.GetInt32("Year") ?? 0),
        row.GetString("ApplicationId"),
        Enum.Parse<BudgetMovementKind>(row.GetString("Kind")),
        row.GetInt64("AmountVnd") ?? 0,
        row.GetString("Actor"),
        row.GetString("Reason"),
        row.GetDateTimeOffset("AtUtc") ?? default)
    {
        FromHolderId = row.GetString("FromHolderId"),
    };

    public static long Sequence(TableEntity entryRow) => entryRow.GetInt64("Sequence") ?? 0;

    /// <summary>
    /// The value itself when it is made of letters, digits, '.', '-' and '_' (every id of the shipped catalogue and every
    /// application id); otherwise a hash, since keys may not hold '/', '\', '#', '?' or control characters. The original
    /// values are stored in columns.
    /// </summary>
    static string SafeKey(string value) =>
        value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? value
            : "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
