namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// One row of the plan's appendix (a group I–V, a numbered item such as "IV.1", or the printed total row), with
/// amounts in million VND exactly as printed: a year is absent or null where the cell is empty.
/// </summary>
public sealed record BudgetLine(
    string Id,
    string Name,
    string? LeadUnit,
    string? FundingNote,
    IReadOnlyDictionary<int, decimal?> Amounts,
    decimal? PrintedTotal,
    IReadOnlyList<BudgetLine> Items)
{
    /// <summary>Where the line's money comes from (catalogue <c>funding</c>): this plan's budget, or another programme (lồng ghép).</summary>
    public LineFunding Funding { get; init; } = LineFunding.Plan;

    /// <summary>For an integrated line, the programme or budget it is funded from (catalogue <c>fundedFrom</c>).</summary>
    public string? FundedFrom { get; init; }

    /// <summary>
    /// A short name for documents that cite the item (catalogue <c>shortName</c>), e.g. a decision's funding line: the
    /// appendix's wording of some items runs to several hundred characters. Null: the item is cited by <see cref="Name"/>.
    /// </summary>
    public string? ShortName { get; init; }

    /// <summary>How documents cite the item: its <see cref="ShortName"/>, else its <see cref="Name"/>.</summary>
    public string CitedName => ShortName ?? Name;

    /// <summary>The yearly quantities the plan's text gives for the item (catalogue <c>yearlyQuantities</c>).</summary>
    public IReadOnlyList<YearlyQuantity> YearlyQuantities { get; init; } = [];

    /// <summary>True when the work is funded from another programme: its applications move no money of this plan.</summary>
    public bool IsIntegrated => Funding == LineFunding.Integrated;

    /// <summary>False for rows whose cells are all empty: the work is funded elsewhere (lồng ghép).</summary>
    public bool HasFigures => PrintedTotal is not null || Amounts.Values.Any(v => v is not null);

    /// <summary>The printed amount for <paramref name="year"/>, or null where the cell is empty.</summary>
    public decimal? AmountIn(int year) => Amounts.GetValueOrDefault(year);
}

/// <summary>Where a budget line's money comes from. Stored by name in the catalogue (<c>"plan"</c>, <c>"integrated"</c>): only add.</summary>
public enum LineFunding
{
    /// <summary>This plan's budget (kinh phí sự nghiệp KH&amp;CN): applications reserve, commit and disburse in the ledger.</summary>
    Plan,

    /// <summary>Lồng ghép: funded from another programme or unit's budget; applications run their lifecycle with no ledger movement.</summary>
    Integrated,
}
