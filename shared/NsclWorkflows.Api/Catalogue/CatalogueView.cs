using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Catalogue;

/// <summary>The public catalogue: programme, budget lines (million VND as printed), support kinds, targets.</summary>
public sealed record CatalogueView(
    string Version,
    DateOnly? EffectiveFrom,
    ProgrammeView Programme,
    IReadOnlyList<SupportKindView> SupportKinds,
    IReadOnlyList<ProgrammeTarget> Targets)
{
    public static CatalogueView From(ProgrammeCatalogue c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var p = c.Programme;
        return new(
            c.Version,
            c.EffectiveFrom,
            new ProgrammeView(p.Id, p.Title, p.IssuedBy, p.IssuedOn, p.BudgetUnit, p.Years, p.BudgetLines.Select(Line).ToList(), Line(p.PrintedTotalRow)),
            c.Kinds.Select(k => new SupportKindView(k.Id, k.Name, k.Description, k.BudgetLineId, k.MaxAmountVnd, k.Policy)).ToList(),
            p.Targets);
    }

    static LineView Line(BudgetLine l) =>
        new(l.Id, l.Name, l.LeadUnit, l.FundingNote, l.Amounts.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value),
            l.PrintedTotal, l.Items.Select(Line).ToList());
}

public sealed record ProgrammeView(
    string Id, string Title, string IssuedBy, DateOnly? IssuedOn, string BudgetUnit, IReadOnlyList<int> Years,
    IReadOnlyList<LineView> BudgetLines, LineView PrintedTotalRow);

public sealed record LineView(
    string Id, string Name, string? LeadUnit, string? FundingNote, IReadOnlyDictionary<string, decimal?> Amounts, decimal? PrintedTotal,
    IReadOnlyList<LineView> Items);

public sealed record SupportKindView(string Id, string Name, string Description, string BudgetLineId, long? MaxAmountVnd, WorkflowPolicy Policy);
