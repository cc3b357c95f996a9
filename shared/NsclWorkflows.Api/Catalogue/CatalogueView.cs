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
    /// <summary>The application form's closed lists (districts, VSIC sectors, revenue bands): what the page offers is what the API accepts.</summary>
    public ApplicationFormView? ApplicationForm { get; init; }

    public static CatalogueView From(ProgrammeCatalogue c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var p = c.Programme;
        return new(
            c.Version,
            c.EffectiveFrom,
            new ProgrammeView(p.Id, p.Title, p.IssuedBy, p.IssuedOn, p.BudgetUnit, p.Years, p.BudgetLines.Select(Line).ToList(), Line(p.PrintedTotalRow)),
            c.Kinds.Select(k => Kind(c, k)).ToList(),
            p.Targets)
        {
            ApplicationForm = ApplicationFormView.From(Domain.Applications.ApplicationForm.Shipped),
        };
    }

    static SupportKindView Kind(ProgrammeCatalogue c, SupportKind k)
    {
        var line = c.LineOf(k);
        return new(k.Id, k.Name, k.Description, k.BudgetLineId, k.MaxAmountVnd, k.Policy)
        {
            Cap = k.Cap is { } cap ? new CapView(cap.AmountVnd, cap.Per == CapUnit.Person ? "person" : "application", SourceCode(cap.Source), cap.Note, cap.Describe()) : null,
            NominatesPersons = k.NominatesPersons,
            Funding = line?.IsIntegrated == true ? "integrated" : "plan",
            FundedFrom = c.IntegratedFundingOf(k),
            Unit = Domain.Lifecycle.Units.ForLine(c.Programme, k.BudgetLineId),
            UnitName = Domain.Lifecycle.Units.Name(Domain.Lifecycle.Units.ForLine(c.Programme, k.BudgetLineId)),
            Rubrics = new KindRubricsView(Rubric(c.RubricFor(k, RubricUse.Appraisal)), Rubric(c.RubricFor(k, RubricUse.Evaluation))),
            RequiredDocuments = Domain.Applications.ApplicationForm.Shipped.RequiredDocumentsFor(k.Id),
            DurationMonths = Domain.Applications.ApplicationForm.Shipped.DurationFor(k.Id),
            Rolling = k.Rolling,
        };
    }

    static RubricView? Rubric(Rubric? r) => r is null ? null : new(r.Id, r.Name, [.. r.Criteria.Select(x => new RubricCriterionView(x.Id, x.Name, x.MaxScore, x.Weight, x.Mandatory, x.MinScore))],
        r.PassTotal, r.MaxTotal, SourceCode(r.Source), r.Note);

    static string SourceCode(CapSource source) => source switch
    {
        CapSource.Plan => "plan",
        CapSource.Resolution54 => "nq-54-2021",
        _ => "department-default",
    };

    static LineView Line(BudgetLine l) =>
        new(l.Id, l.Name, l.LeadUnit, l.FundingNote, l.Amounts.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value),
            l.PrintedTotal, l.Items.Select(Line).ToList())
        {
            Funding = l.IsIntegrated ? "integrated" : "plan",
            FundedFrom = l.FundedFrom,
            YearlyQuantities = l.YearlyQuantities.Select(q => new QuantityView(
                q.Id, q.Text, q.Qualifier switch { QuantityQualifier.About => "about", QuantityQualifier.Average => "average", _ => "atLeast" },
                q.Value, q.Unit, q.ByYear.ToDictionary(y => y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y => y.Value), q.UnitCostVnd)).ToList(),
        };
}

public sealed record ProgrammeView(
    string Id, string Title, string IssuedBy, DateOnly? IssuedOn, string BudgetUnit, IReadOnlyList<int> Years,
    IReadOnlyList<LineView> BudgetLines, LineView PrintedTotalRow);

public sealed record LineView(
    string Id, string Name, string? LeadUnit, string? FundingNote, IReadOnlyDictionary<string, decimal?> Amounts, decimal? PrintedTotal,
    IReadOnlyList<LineView> Items)
{
    /// <summary><c>plan</c> (this plan's budget) or <c>integrated</c> (lồng ghép: funded from <see cref="FundedFrom"/>).</summary>
    public string Funding { get; init; } = "plan";

    public string? FundedFrom { get; init; }

    /// <summary>The yearly quantities the plan's text gives for the item.</summary>
    public IReadOnlyList<QuantityView> YearlyQuantities { get; init; } = [];
}

/// <summary>A yearly quantity: <see cref="Value"/> a year, except the years of <see cref="ByYear"/>.</summary>
public sealed record QuantityView(
    string Id, string Text, string Qualifier, decimal Value, string Unit, IReadOnlyDictionary<string, decimal> ByYear, long? UnitCostVnd);

/// <summary>A support cap: per <c>application</c> or <c>person</c>; source <c>plan</c>, <c>nq-54-2021</c> or <c>department-default</c>.</summary>
public sealed record CapView(long AmountVnd, string Per, string Source, string? Note, string Text);

public sealed record SupportKindView(string Id, string Name, string Description, string BudgetLineId, long? MaxAmountVnd, WorkflowPolicy Policy)
{
    public CapView? Cap { get; init; }

    /// <summary>True when the form asks for the persons nominated (and a public body may submit).</summary>
    public bool NominatesPersons { get; init; }

    /// <summary><c>plan</c> or <c>integrated</c> (lồng ghép: no money of this plan; see <see cref="FundedFrom"/>).</summary>
    public string Funding { get; init; } = "plan";

    public string? FundedFrom { get; init; }

    /// <summary>The unit that handles the kind's applications (<c>skhcn</c>, <c>sct</c>, <c>snnptnt</c>) and its name.</summary>
    public string Unit { get; init; } = string.Empty;

    public string UnitName { get; init; } = string.Empty;

    /// <summary>The score sheets of the kind's appraisal and final evaluation (null: free criteria).</summary>
    public KindRubricsView? Rubrics { get; init; }

    /// <summary>The documents an application of this kind must attach (the form asks a file for each).</summary>
    public IReadOnlyList<Domain.Applications.FormChoice> RequiredDocuments { get; init; } = [];

    /// <summary>The duration in months the kind allows.</summary>
    public Domain.Applications.MonthRange? DurationMonths { get; init; }

    /// <summary>Applied for at any time (true), or only through an open call that offers it (<c>GET /api/calls/open</c>).</summary>
    public bool Rolling { get; init; } = true;
}

/// <summary>The form's closed lists (<see cref="Domain.Applications.ApplicationForm"/>), with the notes saying where they come from.</summary>
public sealed record ApplicationFormView(
    string Version,
    IReadOnlyList<Domain.Applications.FormChoice> Districts,
    string DistrictsNote,
    IReadOnlyList<Domain.Applications.SectorChoice> Sectors,
    IReadOnlyList<Domain.Applications.FormChoice> RevenueBands,
    string RevenueBandsNote,
    int MaxEmployees)
{
    /// <summary>The programmes and sources a task may be co-funded from (lồng ghép); <c>khac</c> with the source's name.</summary>
    public IReadOnlyList<Domain.Applications.FormChoice> CoFundingSources { get; init; } = [];

    public string CoFundingSourcesNote { get; init; } = string.Empty;

    /// <summary>Most co-funding sources one task may name.</summary>
    public int MaxCoFundingSources { get; init; } = Domain.Applications.CoFundingRules.MaxSources;

    public static ApplicationFormView From(Domain.Applications.ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Version, form.Districts, form.DistrictsNote, form.Sectors, form.RevenueBands, form.RevenueBandsNote,
            Domain.Applications.SubmissionValidator.MaxEmployees)
        {
            CoFundingSources = form.CoFundingSources,
            CoFundingSourcesNote = form.CoFundingSourcesNote,
        };
    }
}

/// <summary>A kind's rubrics: the appraisal's (thẩm định) and the final evaluation's (nghiệm thu).</summary>
public sealed record KindRubricsView(RubricView? Appraisal, RubricView? Evaluation);

/// <summary>A score sheet: criteria with maxima, weights and the mandatory ones' minimum; the total needed to pass.</summary>
public sealed record RubricView(string Id, string Name, IReadOnlyList<RubricCriterionView> Criteria, decimal PassTotal, decimal MaxTotal, string Source, string? Note);

/// <summary>One criterion of a score sheet.</summary>
public sealed record RubricCriterionView(string Id, string Name, decimal MaxScore, decimal Weight, bool Mandatory, decimal? MinScore);
