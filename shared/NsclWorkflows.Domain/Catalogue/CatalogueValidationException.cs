namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// Thrown when a catalogue has an unacknowledged mismatch or an error. The message holds the whole report as text;
/// <see cref="Report"/> holds it as data.
/// </summary>
public sealed class CatalogueValidationException : Exception
{
    public CatalogueValidationException(CatalogueReport report)
        : base("Danh mục không hợp lệ, không thể nạp." + Environment.NewLine + CatalogueReportText.Render(report))
    {
        Report = report;
    }

    public CatalogueValidationException()
        : this("Danh mục không hợp lệ, không thể nạp.")
    {
    }

    public CatalogueValidationException(string message)
        : base(message)
    {
        Report = CatalogueReport.Empty;
    }

    public CatalogueValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Report = CatalogueReport.Empty;
    }

    public CatalogueReport Report { get; }
}
