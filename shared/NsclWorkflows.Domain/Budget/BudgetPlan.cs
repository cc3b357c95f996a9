using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Budget;

/// <summary>
/// What the ledger may spend: the plan of every budget item (a line without items, e.g. "IV.1" or "I.2") in every year
/// the appendix gives it a figure, converted from million VND to đồng. Groups ("IV") are only the sums of their items
/// and the printed total row is a printed figure, so neither is a ledger line: money is held on the items, which is
/// where support kinds point (<see cref="SupportKind.BudgetLineId"/>). An item whose cell is empty in a year (funded
/// elsewhere, lồng ghép) has no plan in that year and the ledger refuses movements on it.
/// </summary>
public sealed class BudgetPlan
{
    /// <summary>Đồng in one million VND, the unit of the appendix.</summary>
    public const long DongPerMillion = 1_000_000;

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
    }

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
