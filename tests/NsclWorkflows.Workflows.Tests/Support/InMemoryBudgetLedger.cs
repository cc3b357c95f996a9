using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Workflows.Tests.Support;

/// <summary>
/// The budget ledger in memory, for orchestrator tests: the same <see cref="LedgerRules"/> and <see cref="BudgetPlan"/>
/// as TableBudgetLedger (whose integration tests pin the behaviour this imitates), one lock instead of ETags; the
/// allocation log too (<see cref="AllocationRules"/>).
/// </summary>
public sealed class InMemoryBudgetLedger(BudgetPlan plan) : IBudgetLedger, IBudgetAllocations
{
    readonly Lock gate = new();
    readonly Dictionary<BudgetKey, LedgerBalance> balances = [];
    readonly Dictionary<(BudgetKey, string), LedgerHolding> holdings = [];
    readonly Dictionary<(BudgetKey, string), LedgerEntry> entriesById = [];
    readonly List<LedgerEntry> entries = [];
    readonly Dictionary<BudgetKey, long> ceilings = [];
    readonly Dictionary<(BudgetKey, string), AllocationEntry> allocationsById = [];
    readonly List<AllocationEntry> allocations = [];

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

            var source = request.FromHolderId is { } from ? HoldingOf(request.Key, from) : null;
            var decision = LedgerRules.Decide(request, balance, HoldingOf(request.Key, request.ApplicationId), source);
            if (decision.Applied)
            {
                balances[request.Key] = decision.Balance;
                holdings[(request.Key, request.ApplicationId)] = decision.Holding;
                if (decision.Source is { } drawn)
                {
                    holdings[(request.Key, drawn.ApplicationId)] = drawn;
                }

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
            IReadOnlyList<LedgerBalance> all = plan.Keys.Union(balances.Keys).Union(ceilings.Keys)
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

    public Task<AllocationResult> AllocateAsync(AllocationRequest request, CancellationToken cancellationToken)
    {
        AllocationRules.Validate(request);
        lock (gate)
        {
            if (LedgerRules.CheckLine(plan, request.Key) is { } unknown)
            {
                return Task.FromResult(new AllocationResult(false, false, unknown.Code, unknown.Message, new LedgerBalance(request.Key, 0, 0, 0, 0), null));
            }

            var balance = BalanceOf(request.Key);
            if (allocationsById.TryGetValue((request.Key, request.EntryId), out var existing))
            {
                return Task.FromResult(AllocationRules.Replay(request, existing, balance));
            }

            var sequence = allocations.Count(e => e.Key == request.Key) + 1;
            var (after, entry, refusal) = AllocationRules.Decide(request, balance, sequence);
            if (refusal is not null)
            {
                return Task.FromResult(new AllocationResult(false, false, refusal.Code, refusal.Message, balance, null));
            }

            ceilings[request.Key] = after.CeilingVnd;
            allocationsById[(request.Key, request.EntryId)] = entry!;
            allocations.Add(entry!);
            return Task.FromResult(new AllocationResult(true, false, null, null, after, entry));
        }
    }

    public Task<IReadOnlyList<AllocationEntry>> GetAllocationsAsync(int? year, string? lineId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<AllocationEntry> of = allocations
                .Where(e => (year is null || e.Key.Year == year) && (string.IsNullOrEmpty(lineId) || e.Key.LineId == lineId))
                .OrderBy(e => e.Key.LineId, StringComparer.Ordinal).ThenBy(e => e.Key.Year).ThenBy(e => e.Sequence)
                .ToArray();
            return Task.FromResult(of);
        }
    }

    LedgerBalance BalanceOf(BudgetKey key)
    {
        var printed = plan.PlanVnd(key);
        var b = balances.TryGetValue(key, out var stored)
            ? new LedgerBalance(key, printed ?? 0, stored.ReservedVnd, stored.CommittedVnd, stored.DisbursedVnd)
            : new LedgerBalance(key, printed ?? 0, 0, 0, 0);
        return ceilings.TryGetValue(key, out var recorded)
            ? b with { CeilingVnd = recorded, CeilingSource = CeilingSource.Recorded }
            : printed is { } p
                ? b with { CeilingVnd = p, CeilingSource = CeilingSource.Plan }
                : b with { CeilingVnd = 0, CeilingSource = CeilingSource.None };
    }

    LedgerHolding HoldingOf(BudgetKey key, string applicationId) =>
        holdings.GetValueOrDefault((key, applicationId)) ?? new LedgerHolding(key, applicationId, 0, 0, 0);
}
