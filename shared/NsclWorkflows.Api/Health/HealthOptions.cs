namespace NsclWorkflows.Api.Health;

/// <summary>Settings section <c>Nscl:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Nscl:Health";

    /// <summary>
    /// How long a workflow may stay <c>Pending</c> before <c>/api/health</c> reports the backend as stalled (503,
    /// <c>degraded</c>). A start is normally picked up within seconds; after a crash, within the message visibility
    /// timeout (1 minute on the standalone host). Default 5 minutes.
    /// </summary>
    public TimeSpan WorkflowWaitAlertAfter { get; set; } = TimeSpan.FromMinutes(5);
}
