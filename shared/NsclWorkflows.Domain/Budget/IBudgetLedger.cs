namespace NsclWorkflows.Domain.Budget;

/// <summary>A budget line of the catalogue in one year: the unit the ledger balances.</summary>
public sealed record BudgetKey(string LineId, int Year);

/// <summary>
/// How money moves on a line. Reserve: available → reserved (approval). Release: reserved → available (rejection,
/// cancellation, a lower final amount). Commit: reserved → committed (a tranche is due). Disburse: committed →
/// disbursed (paid). Draw: reserved by one holder (a call's envelope, <see cref="BudgetMovementRequest.FromHolderId"/>) →
/// reserved by another (an application of the call approved); the line's balance does not change. Return: the reverse
/// of a draw, money an application of a call no longer needs (cancelled, failed, under-spent) going back to the call's
/// envelope while the call is not finalised: reserved by the application (<see cref="BudgetMovementRequest.FromHolderId"/>)
/// → reserved by the call (<see cref="BudgetMovementRequest.ApplicationId"/>); the line's balance does not change.
/// Stored by name: only add.
/// </summary>
public enum BudgetMovementKind
{
    Reserve,
    Release,
    Commit,
    Disburse,
    Draw,
    Return,
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
    DateTimeOffset AtUtc)
{
    /// <summary>
    /// For a <see cref="BudgetMovementKind.Draw"/>: the holder whose reservation the amount comes from (a call's id); for a
    /// <see cref="BudgetMovementKind.Return"/>: the application giving the amount back to its call (the call is then <see cref="ApplicationId"/>).
    /// </summary>
    public string? FromHolderId { get; init; }
}

/// <summary>
/// Balance of a line in a year, in đồng. <see cref="PlanVnd"/> is the plan's printed figure (0 when the appendix gives
/// none); the ceiling the ledger spends against is <see cref="CeilingVnd"/>: the latest allocation recorded for the item
/// and year (<see cref="IBudgetAllocations"/>), or, when none was recorded, the printed figure, which stands as the
/// allocation of 2022–2025 (<see cref="CeilingSource.Plan"/>). Remaining = Ceiling − Reserved − Committed − Disbursed,
/// never negative.
/// </summary>
public sealed record LedgerBalance(BudgetKey Key, long PlanVnd, long ReservedVnd, long CommittedVnd, long DisbursedVnd)
{
    /// <summary>What the ledger may spend on the item in the year; by default the printed figure.</summary>
    public long CeilingVnd { get; init; } = PlanVnd;

    /// <summary>Where <see cref="CeilingVnd"/> comes from; by default the plan when it prints a figure, else none.</summary>
    public CeilingSource CeilingSource { get; init; } = PlanVnd > 0 ? CeilingSource.Plan : CeilingSource.None;

    /// <summary>Reserved + committed + disbursed: what an allocation or a transfer may not go below.</summary>
    public long UsedVnd => ReservedVnd + CommittedVnd + DisbursedVnd;

    public long RemainingVnd => CeilingVnd - UsedVnd;
}

/// <summary>Where a ledger ceiling comes from. Stored and sent by name (lower case in the API): only add.</summary>
public enum CeilingSource
{
    /// <summary>No allocation recorded and no printed figure: nothing may be reserved (<c>no_allocation</c>).</summary>
    None,

    /// <summary>No allocation recorded; the plan's printed figure (2022–2025) stands as the allocation.</summary>
    Plan,

    /// <summary>The latest allocation an Admin recorded (with transfers in and out since).</summary>
    Recorded,
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
    DateTimeOffset AtUtc)
{
    /// <summary>For a draw: the holder the amount came from.</summary>
    public string? FromHolderId { get; init; }
}

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

    /// <summary>The balances of one year only (the dashboard's view); a store may read just that year's rows.</summary>
    async Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(int year, CancellationToken cancellationToken) =>
        [.. (await GetBalancesAsync(cancellationToken).ConfigureAwait(false)).Where(b => b.Key.Year == year)];

    Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken);
}
