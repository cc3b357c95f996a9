using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Deployment.Tests.Publish;

/// <summary>The published app is what the Functions host in Azure loads: every function is listed, the host settings are in.</summary>
public sealed class PublishedAppTests(PublishedFunctionsApp app) : IClassFixture<PublishedFunctionsApp>
{
    [Fact]
    public void Publish_FunctionsApp_Succeeds()
    {
        Assert.True(app.Publish.ExitCode == 0, app.Publish.Describe());
        Assert.True(File.Exists(Path.Combine(app.Directory, "NsclWorkflows.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(app.Directory, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(app.Directory, "extensions.json")), "the binding extensions (Durable Task, HTTP) must be published");
    }

    [Fact]
    public void FunctionsMetadata_Published_ListsEveryFunctionOfTheApp()
    {
        var expected = FunctionsByReflection().Select(f => $"{f.Name} ({f.Trigger})").Order(StringComparer.Ordinal);

        var published = app.Functions().Select(f => $"{f.Name} ({f.Trigger})").Order(StringComparer.Ordinal);

        Assert.Equal(expected, published);
    }

    [Fact]
    public void FunctionsMetadata_Published_ListsEveryRegisteredOrchestratorAndActivity()
    {
        var published = app.Functions();

        Assert.All(WorkflowRegistration.Orchestrators, t => Assert.Contains((t.Name, "orchestrationTrigger"), published));
        Assert.All(WorkflowRegistration.Activities, t => Assert.Contains((t.Name, "activityTrigger"), published));
        Assert.Contains(published, f => f.Trigger == "httpTrigger");
    }

    [Fact]
    public void HostJson_Published_TakesTheTaskHubFromItsSettingAndLimitsConcurrency()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Directory, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("%DurableTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureWebJobsStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.InRange(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 100);
        Assert.InRange(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32(), 1, 100);
    }

    [Fact]
    public void PublishOutput_LocalSettings_AreNotPublished()
    {
        Assert.False(File.Exists(Path.Combine(app.Directory, "local.settings.json")));
    }

    /// <summary>Every [Function] method of the Functions app, with its trigger as functions.metadata names it.</summary>
    static IEnumerable<(string Name, string Trigger)> FunctionsByReflection()
    {
        var assembly = typeof(NsclWorkflows.Functions.Http.HealthFunctions).Assembly;
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var trigger = method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes())
                .Select(a => a.GetType().Name)
                .Single(n => n.EndsWith("TriggerAttribute", StringComparison.Ordinal));
            yield return (function.Name, char.ToLowerInvariant(trigger[0]) + trigger[1..^"Attribute".Length]);
        }
    }
}
