using Microsoft.DurableTask.Worker;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Local.Durable;

/// <summary>
/// Settings section <c>Nscl:Durable:Versioning</c>: the orchestration versioning of the standalone host's worker and
/// client, by default <see cref="WorkflowVersions"/> (what the Functions host's host.json says too). Set only to test
/// an upgrade (an older and a newer worker on one task hub).
/// </summary>
public sealed class DurableVersioning
{
    public const string Section = DurableBackendOptions.Section + ":Versioning";

    /// <summary>This worker's version, and the version new instances are stamped with.</summary>
    public string Version { get; set; } = WorkflowVersions.Current;

    public DurableTaskWorkerOptions.VersionMatchStrategy MatchStrategy { get; set; } =
        Enum.Parse<DurableTaskWorkerOptions.VersionMatchStrategy>(WorkflowVersions.MatchStrategy);

    public DurableTaskWorkerOptions.VersionFailureStrategy FailureStrategy { get; set; } =
        Enum.Parse<DurableTaskWorkerOptions.VersionFailureStrategy>(WorkflowVersions.FailureStrategy);

    public static DurableVersioning From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var versioning = new DurableVersioning();
        configuration.GetSection(Section).Bind(versioning);
        return versioning;
    }

    /// <summary>The worker's options: run this version or older, leave newer instances to a newer worker.</summary>
    public DurableTaskWorkerOptions.VersioningOptions Worker() => new()
    {
        Version = Version,
        DefaultVersion = Version,
        MatchStrategy = MatchStrategy,
        FailureStrategy = FailureStrategy,
    };
}
