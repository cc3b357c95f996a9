namespace NsclWorkflows.Local.Durable;

/// <summary>Settings section <c>Nscl:Durable</c> of the standalone host.</summary>
public sealed class DurableBackendOptions
{
    public const string Section = "Nscl:Durable";

    /// <summary>Task hub name (letters and digits, 3–45 characters): tables, queues and blobs are named after it.</summary>
    public string TaskHubName { get; set; } = "nsclworkflows";

    /// <summary>
    /// Identifies this worker to the partition leases. Keep it stable across restarts: a new id waits for the old
    /// leases to expire (about 30 s) before it resumes work. Default: the machine name.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>Longest wait between polls of an idle queue. Short locally so an idle hub reacts within a second or two.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Loopback port of the in-process gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    /// <summary>
    /// How long a message taken by a worker stays invisible to others (control and work-item queues). After a crash,
    /// the events and activities that process had in hand are delivered again after this long (the provider's default
    /// is 5 minutes). It must exceed the longest orchestrator episode or activity; ours take milliseconds to seconds.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Partitions (control queues) of the task hub. Fixed once the hub exists.</summary>
    public int PartitionCount { get; set; } = 4;
}
