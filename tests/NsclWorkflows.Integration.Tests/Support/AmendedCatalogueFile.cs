using System.Text.Json.Nodes;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>A copy of the shipped catalogue, changed by the test, in a temporary file deleted on dispose.</summary>
sealed class AmendedCatalogueFile : IDisposable
{
    AmendedCatalogueFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The host setting that points at this file.</summary>
    public Dictionary<string, string> HostSetting => new() { ["Nscl__Catalogue__Path"] = Path };

    public static async Task<AmendedCatalogueFile> CreateAsync(Action<JsonNode> amend)
    {
        var shipped = System.IO.Path.Combine(RepositoryRoot.Find(), "shared", "NsclWorkflows.Domain", "Catalogue", "catalogue.json");
        var catalogue = JsonNode.Parse(await File.ReadAllTextAsync(shipped))!;
        amend(catalogue);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"catalogue-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, catalogue.ToJsonString());
        return new AmendedCatalogueFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
