using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Rows of the budget ledger table. One partition per item and year ("2024-IV.1") holds the balance row, one holding
/// row per application and one entry row per applied movement, so a movement is one entity-group transaction.
/// Column names are stored data: only add.
/// </summary>
static class BudgetLedgerEntityMapper
{
    public const string BalanceRowKey = "balance";
    public const string HoldingRowPrefix = "holding-";
    public const string EntryRowPrefix = "entry-";

    public static string PartitionKey(BudgetKey key) => $"{key.Year:D4}-{SafeKey(key.LineId)}";

    public static string HoldingRowKey(string applicationId) => HoldingRowPrefix + SafeKey(applicationId);

    /// <summary>Derived from the movement id alone, so the same movement can never be written twice in a partition.</summary>
    public static string EntryRowKey(string movementId) =>
        EntryRowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(movementId)));

    public static TableEntity ToBalanceEntity(LedgerBalance b, long entryCount, DateTimeOffset atUtc) => new(PartitionKey(b.Key), BalanceRowKey)
    {
        ["LineId"] = b.Key.LineId,
        ["Year"] = b.Key.Year,
        ["PlanVnd"] = b.PlanVnd,
        ["ReservedVnd"] = b.ReservedVnd,
        ["CommittedVnd"] = b.CommittedVnd,
        ["DisbursedVnd"] = b.DisbursedVnd,
        ["EntryCount"] = entryCount,
        ["UpdatedAtUtc"] = atUtc,
    };

    /// <summary>The stored amounts with the plan in force (the catalogue's, which an amendment may have changed).</summary>
    public static LedgerBalance ToBalance(BudgetKey key, long planVnd, TableEntity? row) => row is null
        ? new(key, planVnd, 0, 0, 0)
        : new(key, planVnd, row.GetInt64("ReservedVnd") ?? 0, row.GetInt64("CommittedVnd") ?? 0, row.GetInt64("DisbursedVnd") ?? 0);

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
    };

    public static LedgerEntry ToEntry(TableEntity row) => new(
        row.GetString("MovementId"),
        new BudgetKey(row.GetString("LineId"), row.GetInt32("Year") ?? 0),
        row.GetString("ApplicationId"),
        Enum.Parse<BudgetMovementKind>(row.GetString("Kind")),
        row.GetInt64("AmountVnd") ?? 0,
        row.GetString("Actor"),
        row.GetString("Reason"),
        row.GetDateTimeOffset("AtUtc") ?? default);

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
