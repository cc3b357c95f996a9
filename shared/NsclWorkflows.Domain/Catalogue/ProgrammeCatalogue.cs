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
}
