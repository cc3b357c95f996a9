using System.Reflection;

namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>Where the repository and the tools are, as recorded by this project's build.</summary>
static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The configuration these tests were built in; the Functions app was built in it too.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public static string BicepExecutable { get; } = Metadata("BicepExecutable");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
