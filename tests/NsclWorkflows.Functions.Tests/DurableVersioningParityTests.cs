using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// Both hosts version orchestrations alike: the Functions host from host.json (the Durable extension applies it), the
/// standalone host from <see cref="DurableVersioning"/>; both must say what <see cref="WorkflowVersions"/> says.
/// </summary>
public sealed class DurableVersioningParityTests
{
    [Theory]
    [InlineData("defaultVersion", WorkflowVersions.Current)]
    [InlineData("versionMatchStrategy", WorkflowVersions.MatchStrategy)]
    [InlineData("versionFailureStrategy", WorkflowVersions.FailureStrategy)]
    public void HostJson_DurableVersioning_IsWorkflowVersions(string setting, string expected)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.Load().Directory, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.True(durable.TryGetProperty(setting, out var value), $"host.json has no extensions.durableTask.{setting}");
        Assert.Equal(expected, value.GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")] // as local.settings.sample.json has it
    public void StandaloneVersioning_WithoutAVersionSetting_IsWorkflowVersions(string? setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DurableVersioning.Section + ":Version"] = setting })
            .Build();

        var options = DurableVersioning.From(configuration).Worker();

        Assert.Equal(WorkflowVersions.Current, options.Version);
        Assert.Equal(WorkflowVersions.Current, options.DefaultVersion);
        Assert.Equal(WorkflowVersions.MatchStrategy, options.MatchStrategy.ToString());
        Assert.Equal(WorkflowVersions.FailureStrategy, options.FailureStrategy.ToString());
    }
}
