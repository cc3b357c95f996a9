using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>A ledger that only answers with the balances it was seeded with (plan 0 where not seeded).</summary>
sealed class FakeBudgetLedger(IEnumerable<LedgerBalance> balances) : IBudgetLedger
{
    readonly List<LedgerBalance> seeded = balances.ToList();

    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerBalance>>(seeded);

    public Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken) =>
        Task.FromResult(seeded.FirstOrDefault(b => b.Key == key) ?? new LedgerBalance(key, 0, 0, 0, 0));

    public Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken) => throw new NotSupportedException();
}
