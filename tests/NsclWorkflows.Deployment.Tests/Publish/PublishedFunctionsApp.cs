using System.Text.Json;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Publish;

/// <summary>
/// The Functions app as <c>dotnet publish</c> lays it out for deployment, published once per test run into a temporary
/// folder. It publishes the build these tests run against (<c>--no-build</c>, same configuration): the build step has
/// compiled it already, and nothing rebuilds while other test projects use the outputs.
/// </summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "nscl-publish-" + Guid.NewGuid().ToString("N"));

    public ProcessResult Publish { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        var project = Repository.PathOf("functions", "NsclWorkflows.Functions", "NsclWorkflows.Functions.csproj");
        Publish = await ProcessRunner.RunAsync("dotnet",
            ["publish", project, "--no-build", "-c", Repository.Configuration, "-o", Directory, "-nologo", "-v", "q"],
            Repository.Root, TimeSpan.FromMinutes(5));
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Each function of functions.metadata: its name and its trigger's binding type.</summary>
    public IReadOnlyList<(string Name, string Trigger)> Functions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "functions.metadata")));
        return metadata.RootElement.EnumerateArray()
            .Select(f => (
                f.GetProperty("name").GetString()!,
                f.GetProperty("bindings").EnumerateArray()
                    .Select(b => b.GetProperty("type").GetString()!)
                    .Single(t => t.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))))
            .ToList();
    }
}
