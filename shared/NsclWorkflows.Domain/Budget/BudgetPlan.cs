using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Budget;

/// <summary>
/// What the ledger may spend: the plan of every budget item (a line without items, e.g. "IV.1" or "I.2") in every year
/// the appendix gives it a figure, converted from million VND to đồng. Groups ("IV") are only the sums of their items
/// and the printed total row is a printed figure, so neither is a ledger line: money is held on the items, which is
/// where support kinds point (<see cref="SupportKind.BudgetLineId"/>). An item whose cell is empty in a year (funded
/// elsewhere, lồng ghép) has no printed figure in that year. The plan is not what the ledger spends: the yearly allocation
/// actually given (<see cref="IBudgetAllocations"/>) is, the printed figure standing for it in 2022–2025 until an Admin
/// records one (<see cref="CeilingSource.Plan"/>). Allocations may be recorded for the funded items (those with a figure
/// in some year) from the programme's first year to <see cref="YearsAfterPlan"/> years after its last (định hướng 2030).
/// </summary>
public sealed class BudgetPlan
{
    /// <summary>Đồng in one million VND, the unit of the appendix.</summary>
    public const long DongPerMillion = 1_000_000;

    /// <summary>How many years after the plan's last year allocations may be recorded (the programme runs on to 2030).</summary>
    public const int YearsAfterPlan = 10;

    readonly Dictionary<BudgetKey, long> plans;
    readonly HashSet<string> lineIds;

    public BudgetPlan(IEnumerable<KeyValuePair<BudgetKey, long>> plansVnd, IEnumerable<string> ledgerLineIds)
    {
        ArgumentNullException.ThrowIfNull(plansVnd);
        ArgumentNullException.ThrowIfNull(ledgerLineIds);
        plans = new Dictionary<BudgetKey, long>(plansVnd);
        lineIds = new HashSet<string>(ledgerLineIds, StringComparer.Ordinal);
        lineIds.UnionWith(plans.Keys.Select(k => k.LineId));
        Keys = plans.Keys.OrderBy(k => k.LineId, StringComparer.Ordinal).ThenBy(k => k.Year).ToArray().AsReadOnly();
        FundedItems = plans.Keys.Select(k => k.LineId).Distinct().Order(StringComparer.Ordinal).ToArray().AsReadOnly();
        FirstYear = plans.Count == 0 ? 0 : plans.Keys.Min(k => k.Year);
        LastYear = plans.Count == 0 ? 0 : plans.Keys.Max(k => k.Year) + YearsAfterPlan;
    }

    /// <summary>The items with a printed figure in some year: those the ledger holds money on (I.1 … V.2).</summary>
    public IReadOnlyList<string> FundedItems { get; }

    /// <summary>The first year an allocation may be recorded for (the plan's first year).</summary>
    public int FirstYear { get; }

    /// <summary>The last year an allocation may be recorded for (<see cref="YearsAfterPlan"/> after the plan's last).</summary>
    public int LastYear { get; }

    /// <summary>True when <paramref name="lineId"/> is an item with a printed figure in some year (not lồng ghép).</summary>
    public bool IsFundedItem(string lineId) => FundedItems.Contains(lineId, StringComparer.Ordinal);

    /// <summary>True when allocations may be recorded for <paramref name="year"/>.</summary>
    public bool IsAllocationYear(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>Every (item, year) with a plan, ordered by item and year.</summary>
    public IReadOnlyList<BudgetKey> Keys { get; }

    public static BudgetPlan From(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var items = programme.AllLines.Where(l => l.Items.Count == 0).ToArray();
        var plans = items.SelectMany(line => programme.Years
            .Where(year => line.AmountIn(year) is not null)
            .Select(year => KeyValuePair.Create(new BudgetKey(line.Id, year), ToDong(line.AmountIn(year)!.Value))));
        return new BudgetPlan(plans, items.Select(l => l.Id));
    }

    public static BudgetPlan From(ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return From(catalogue.Programme);
    }

    /// <summary>True when <paramref name="lineId"/> is a budget item of the catalogue (with or without figures).</summary>
    public bool IsLedgerLine(string lineId) => lineIds.Contains(lineId);

    /// <summary>The plan of the item in the year in đồng, or null when the catalogue gives none.</summary>
    public long? PlanVnd(BudgetKey key) => plans.TryGetValue(key, out var plan) ? plan : null;

    /// <summary>Million VND as printed (decimals allowed) to whole đồng.</summary>
    public static long ToDong(decimal millionVnd) =>
        decimal.ToInt64(decimal.Round(millionVnd * DongPerMillion, MidpointRounding.AwayFromZero));
}
