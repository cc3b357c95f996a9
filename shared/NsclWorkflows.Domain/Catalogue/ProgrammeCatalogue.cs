namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// A loaded, validated catalogue: the programme (budget lines, targets), the support kinds with their merged
/// workflow policies, and the validation report (acknowledged mismatches and integrated items included).
/// </summary>
public sealed class ProgrammeCatalogue : ISupportKindCatalogue
{
    readonly Dictionary<string, SupportKind> kindsById;

    internal ProgrammeCatalogue(
        string version,
        DateOnly? effectiveFrom,
        Programme programme,
        WorkflowPolicy defaultPolicy,
        IReadOnlyList<SupportKind> kinds,
        CatalogueReport report)
    {
        Version = version;
        EffectiveFrom = effectiveFrom;
        Programme = programme;
        DefaultPolicy = defaultPolicy;
        Kinds = kinds.ToArray().AsReadOnly();
        Report = report;
        kindsById = kinds.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    public string Version { get; }

    public DateOnly? EffectiveFrom { get; }

    public Programme Programme { get; }

    /// <summary>The plan-less default policy (<c>isDefault: true</c> in the file) that support kinds override.</summary>
    public WorkflowPolicy DefaultPolicy { get; }

    public IReadOnlyList<SupportKind> Kinds { get; }

    public CatalogueReport Report { get; }

    public SupportKind? FindKind(string id) => kindsById.GetValueOrDefault(id);

    /// <summary>How councils are made up and when they may conclude (<c>councilPolicy</c>; the Department's default when absent).</summary>
    public CouncilPolicy CouncilPolicy { get; init; } = CouncilPolicy.DepartmentDefault;
    /// <summary>The calls' numbers (catalogue <c>callPolicy</c>; the plan gives none: Department defaults).</summary>
    public CallPolicy CallPolicy { get; init; } = CallPolicy.Default;

    /// <summary>Whether a passed final evaluation is followed by a signed recognition decision (<c>recognitionPolicy</c>; none when absent).</summary>
    public RecognitionPolicy RecognitionPolicy { get; init; } = RecognitionPolicy.DepartmentDefault;

    /// <summary>The score sheets of the catalogue (<c>rubrics[]</c>).</summary>
    public IReadOnlyList<Rubric> Rubrics { get; init; } = [];

    /// <summary>The rubric a kind's appraisal or final evaluation is scored against; null when the kind names none.</summary>
    public Rubric? RubricFor(SupportKind kind, RubricUse use)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var id = use == RubricUse.Appraisal ? kind.AppraisalRubricId : kind.EvaluationRubricId;
        return id is null ? null : Rubrics.FirstOrDefault(r => r.Id == id);
    }

    /// <summary>The budget line a support kind is charged to (null only for a kind not of this catalogue's lines).</summary>
    public BudgetLine? LineOf(SupportKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Programme.FindLine(kind.BudgetLineId);
    }

    /// <summary>
    /// For a kind on a lồng ghép line, where its money comes from (the line's <c>fundedFrom</c>); null when this plan's
    /// budget pays. Applications of such a kind run their lifecycle with no movement in this plan's ledger.
    /// </summary>
    public string? IntegratedFundingOf(SupportKind kind) => LineOf(kind) is { IsIntegrated: true } line ? line.FundedFrom ?? line.FundingNote ?? line.Name : null;
}
