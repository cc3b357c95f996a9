namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Read access to the support kinds of the catalogue in force.</summary>
public interface ISupportKindCatalogue
{
    /// <summary>Version of the catalogue in force, recorded on every application decided under it.</summary>
    string Version { get; }

    IReadOnlyList<SupportKind> Kinds { get; }

    SupportKind? FindKind(string id);
}
