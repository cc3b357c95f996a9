namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The plan the catalogue is taken from (Kế hoạch 37/KH-UBND): its budget lines as the appendix prints them,
/// the printed total row, and the targets of section II.2.
/// </summary>
public sealed record Programme(
    string Id,
    string Title,
    string IssuedBy,
    DateOnly? IssuedOn,
    string BudgetUnit,
    IReadOnlyList<int> Years,
    IReadOnlyList<BudgetLine> BudgetLines,
    BudgetLine PrintedTotalRow,
    IReadOnlyList<ProgrammeTarget> Targets)
{
    /// <summary>Every group and item, in the order the appendix prints them (the total row excluded).</summary>
    public IEnumerable<BudgetLine> AllLines => BudgetLines.SelectMany(g => g.Items.Prepend(g));

    /// <summary>A group or item by id ("IV", "IV.1"), or null.</summary>
    public BudgetLine? FindLine(string id) => AllLines.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));
}
