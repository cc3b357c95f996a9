namespace NsclWorkflows.Domain.Catalogue;

/// <summary>The result of validating a catalogue: every finding, in the order of the appendix.</summary>
public sealed record CatalogueReport(string CatalogueVersion, IReadOnlyList<CatalogueFinding> Findings)
{
    public static CatalogueReport Empty { get; } = new(string.Empty, []);

    /// <summary>Findings that stop the catalogue from loading (unacknowledged mismatches and errors).</summary>
    public IReadOnlyList<CatalogueFinding> Blocking => Findings.Where(f => f.IsBlocking).ToArray();

    public bool IsLoadable => !Findings.Any(f => f.IsBlocking);

    /// <summary>The report as plain text, one finding per line (see <see cref="CatalogueReportText"/>).</summary>
    public string ToText() => CatalogueReportText.Render(this);
}
