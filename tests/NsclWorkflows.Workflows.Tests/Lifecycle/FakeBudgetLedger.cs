using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Workflows.Tests.Lifecycle;

/// <summary>A small ledger in memory for orchestrator tests (plan per key given by the test). The Table ledger is tested on Azurite.</summary>
sealed class FakeBudgetLedger(long planPerKeyVnd) : IBudgetLedger
{
    readonly Lock gate = new();
    readonly Dictionary<BudgetKey, LedgerBalance> balances = [];
    readonly Dictionary<(BudgetKey, string), LedgerHolding> holdings = [];
    readonly List<LedgerEntry> entries = [];

    public Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var balance = Balance(request.Key);
            if (entries.Any(e => e.MovementId == request.MovementId))
            {
                return Task.FromResult(new LedgerResult(true, true, null, null, balance));
            }

            var holding = holdings.GetValueOrDefault((request.Key, request.ApplicationId)) ?? new LedgerHolding(request.Key, request.ApplicationId, 0, 0, 0);
            var a = request.AmountVnd;
            (LedgerBalance, LedgerHolding)? next = request.Kind switch
            {
                BudgetMovementKind.Reserve when a <= balance.RemainingVnd => (balance with { ReservedVnd = balance.ReservedVnd + a }, holding with { ReservedVnd = holding.ReservedVnd + a }),
                BudgetMovementKind.Release when a <= holding.ReservedVnd => (balance with { ReservedVnd = balance.ReservedVnd - a }, holding with { ReservedVnd = holding.ReservedVnd - a }),
                BudgetMovementKind.Commit when a <= holding.ReservedVnd => (balance with { ReservedVnd = balance.ReservedVnd - a, CommittedVnd = balance.CommittedVnd + a },
                    holding with { ReservedVnd = holding.ReservedVnd - a, CommittedVnd = holding.CommittedVnd + a }),
                BudgetMovementKind.Disburse when a <= holding.CommittedVnd => (balance with { CommittedVnd = balance.CommittedVnd - a, DisbursedVnd = balance.DisbursedVnd + a },
                    holding with { CommittedVnd = holding.CommittedVnd - a, DisbursedVnd = holding.DisbursedVnd + a }),
                _ => null,
            };
            if (next is not var (newBalance, newHolding))
            {
                return Task.FromResult(new LedgerResult(false, false, "budget_exceeded", $"Vượt kinh phí còn lại ({balance.RemainingVnd} đồng).", balance));
            }

            balances[request.Key] = newBalance;
            holdings[(request.Key, request.ApplicationId)] = newHolding;
            entries.Add(new LedgerEntry(request.MovementId, request.Key, request.ApplicationId, request.Kind, a, request.Actor, request.Reason, request.AtUtc));
            return Task.FromResult(new LedgerResult(true, false, null, null, newBalance));
        }
    }

    public Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(Balance(key));
        }
    }

    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<LedgerBalance>>([.. balances.Values]);
        }
    }

    public Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(holdings.GetValueOrDefault((key, applicationId)) ?? new LedgerHolding(key, applicationId, 0, 0, 0));
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([.. entries.Where(e => e.Key == key)]);
        }
    }

    LedgerBalance Balance(BudgetKey key) => balances.GetValueOrDefault(key) ?? new LedgerBalance(key, planPerKeyVnd, 0, 0, 0);
}
