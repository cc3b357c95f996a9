using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Workflows.Tests.Support;

/// <summary>
/// The budget ledger in memory, for orchestrator tests: the same <see cref="LedgerRules"/> and <see cref="BudgetPlan"/>
/// as TableBudgetLedger (whose integration tests pin the behaviour this imitates), one lock instead of ETags.
/// </summary>
public sealed class InMemoryBudgetLedger(BudgetPlan plan) : IBudgetLedger
{
    readonly Lock gate = new();
    readonly Dictionary<BudgetKey, LedgerBalance> balances = [];
    readonly Dictionary<(BudgetKey, string), LedgerHolding> holdings = [];
    readonly Dictionary<(BudgetKey, string), LedgerEntry> entriesById = [];
    readonly List<LedgerEntry> entries = [];

    /// <summary>A ledger over the shipped catalogue's plan (e.g. IV.1 has 800.000.000 đồng in 2023–2025).</summary>
    public InMemoryBudgetLedger()
        : this(BudgetPlan.From(EmbeddedCatalogue.Load()))
    {
    }

    /// <summary>Every request the ledger was asked, applied or not, in order.</summary>
    public List<BudgetMovementRequest> Requests { get; } = [];

    public Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(request);
        lock (gate)
        {
            Requests.Add(request);
            if (LedgerRules.CheckLine(plan, request.Key) is { } unknown)
            {
                return Task.FromResult(new LedgerResult(false, false, unknown.Code, unknown.Message, new LedgerBalance(request.Key, 0, 0, 0, 0)));
            }

            var balance = BalanceOf(request.Key);
            if (entriesById.TryGetValue((request.Key, request.MovementId), out var existing))
            {
                return Task.FromResult(LedgerRules.Replay(request, existing, balance));
            }

            var decision = LedgerRules.Decide(request, balance, HoldingOf(request.Key, request.ApplicationId));
            if (decision.Applied)
            {
                balances[request.Key] = decision.Balance;
                holdings[(request.Key, request.ApplicationId)] = decision.Holding;
                var entry = LedgerRules.EntryOf(request);
                entriesById[(request.Key, request.MovementId)] = entry;
                entries.Add(entry);
            }

            return Task.FromResult(decision.ToResult());
        }
    }

    public Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(BalanceOf(key));
        }
    }

    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<LedgerBalance> all = plan.Keys.Union(balances.Keys)
                .OrderBy(k => k.LineId, StringComparer.Ordinal).ThenBy(k => k.Year)
                .Select(BalanceOf).ToArray();
            return Task.FromResult(all);
        }
    }

    public Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(HoldingOf(key, applicationId));
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<LedgerEntry> of = entries.Where(e => e.Key == key).ToArray();
            return Task.FromResult(of);
        }
    }

    LedgerBalance BalanceOf(BudgetKey key) => balances.TryGetValue(key, out var b)
        ? b with { PlanVnd = plan.PlanVnd(key) ?? 0 }
        : new LedgerBalance(key, plan.PlanVnd(key) ?? 0, 0, 0, 0);

    LedgerHolding HoldingOf(BudgetKey key, string applicationId) =>
        holdings.GetValueOrDefault((key, applicationId)) ?? new LedgerHolding(key, applicationId, 0, 0, 0);
}
