namespace NsclWorkflows.Domain.Budget;

/// <summary>A budget line of the catalogue in one year: the unit the ledger balances.</summary>
public sealed record BudgetKey(string LineId, int Year);

/// <summary>
/// How money moves on a line. Reserve: available → reserved (approval). Release: reserved → available (rejection,
/// cancellation, a lower final amount). Commit: reserved → committed (a tranche is due). Disburse: committed →
/// disbursed (paid). Stored by name: only add.
/// </summary>
public enum BudgetMovementKind
{
    Reserve,
    Release,
    Commit,
    Disburse,
}

/// <summary>
/// One movement asked of the ledger. <see cref="MovementId"/> makes it idempotent: the same id applied twice moves
/// money once (a re-executed activity). Amounts are in đồng (VND), never negative.
/// </summary>
public sealed record BudgetMovementRequest(
    string MovementId,
    BudgetKey Key,
    string ApplicationId,
    BudgetMovementKind Kind,
    long AmountVnd,
    string Actor,
    string Reason,
    DateTimeOffset AtUtc);

/// <summary>Balance of a line in a year, in đồng. Remaining = Plan − Reserved − Committed − Disbursed, never negative.</summary>
public sealed record LedgerBalance(BudgetKey Key, long PlanVnd, long ReservedVnd, long CommittedVnd, long DisbursedVnd)
{
    public long RemainingVnd => PlanVnd - ReservedVnd - CommittedVnd - DisbursedVnd;
}

/// <summary>What one application holds on a line in a year.</summary>
public sealed record LedgerHolding(BudgetKey Key, string ApplicationId, long ReservedVnd, long CommittedVnd, long DisbursedVnd);

/// <summary>One entry of the ledger: who moved what, when and why.</summary>
public sealed record LedgerEntry(
    string MovementId,
    BudgetKey Key,
    string ApplicationId,
    BudgetMovementKind Kind,
    long AmountVnd,
    string Actor,
    string Reason,
    DateTimeOffset AtUtc);

/// <summary>
/// The outcome of a movement: applied (or already applied before, <see cref="WasReplay"/>), or refused with a stable
/// code and a Vietnamese reason. <see cref="Balance"/> is the balance after the outcome.
/// </summary>
public sealed record LedgerResult(bool Applied, bool WasReplay, string? RefusalCode, string? RefusalMessage, LedgerBalance Balance)
{
    public bool Refused => !Applied;
}

/// <summary>
/// The yearly budget ledger. Never lets a line's remaining amount go negative, even under concurrent movements;
/// every applied movement is one entry.
/// </summary>
public interface IBudgetLedger
{
    Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken);

    Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken);

    /// <summary>Balances of every line and year of the catalogue (lines never moved show their plan).</summary>
    Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken);

    Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken);
}
