using Microsoft.DurableTask.Worker;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Local.Durable;

/// <summary>
/// The orchestration versioning of the standalone host's worker and client: <see cref="WorkflowVersions"/> (what the
/// Functions host's host.json says too). Settings section <c>Nscl:Durable:Versioning</c>: <c>Version</c>, empty for
/// <see cref="WorkflowVersions.Current"/>, is set only to test an upgrade (an older and a newer worker on one task hub).
/// </summary>
public sealed class DurableVersioning
{
    public const string Section = DurableBackendOptions.Section + ":Versioning";

    /// <summary>This worker's version, and the version new instances are stamped with (empty: the current one).</summary>
    public string Version { get; set; } = WorkflowVersions.Current;

    public static DurableTaskWorkerOptions.VersionMatchStrategy MatchStrategy =>
        Enum.Parse<DurableTaskWorkerOptions.VersionMatchStrategy>(WorkflowVersions.MatchStrategy);

    public static DurableTaskWorkerOptions.VersionFailureStrategy FailureStrategy =>
        Enum.Parse<DurableTaskWorkerOptions.VersionFailureStrategy>(WorkflowVersions.FailureStrategy);

    public static DurableVersioning From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var versioning = new DurableVersioning();
        configuration.GetSection(Section).Bind(versioning);
        if (string.IsNullOrWhiteSpace(versioning.Version))
        {
            versioning.Version = WorkflowVersions.Current;
        }

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
