namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The catalogue shipped with the code (Catalogue/catalogue.json, embedded). Support kinds inherit the default
/// policy and override single fields. To use an amended catalogue, see <see cref="CatalogueLoader.LoadFile"/>.
/// </summary>
public static class EmbeddedCatalogue
{
    const string ResourceName = "NsclWorkflows.Domain.Catalogue.catalogue.json";

    /// <summary>Loads and validates the shipped catalogue; throws <see cref="CatalogueValidationException"/> if it is invalid.</summary>
    public static ProgrammeCatalogue Load()
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Thiếu tệp danh mục nhúng sẵn (catalogue.json) trong thư viện Domain.");
        return CatalogueLoader.Load(stream);
    }

    /// <summary>Kept for existing callers: same as <see cref="CatalogueLoader.Load(Stream)"/>.</summary>
    public static ProgrammeCatalogue Parse(Stream json) => CatalogueLoader.Load(json);
}
