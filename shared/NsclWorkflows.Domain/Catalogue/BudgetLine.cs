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
    /// <summary>False for rows whose cells are all empty: the work is funded elsewhere (lồng ghép).</summary>
    public bool HasFigures => PrintedTotal is not null || Amounts.Values.Any(v => v is not null);

    /// <summary>The printed amount for <paramref name="year"/>, or null where the cell is empty.</summary>
    public decimal? AmountIn(int year) => Amounts.GetValueOrDefault(year);
}
