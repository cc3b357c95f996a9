namespace NsclWorkflows.Workflows;

/// <summary>
/// Durable Task's orchestration versioning, one setting for both hosts. Every new orchestration instance is stamped
/// with <see cref="Current"/> (the standalone host's client default version; the Functions host's
/// <c>extensions.durableTask.defaultVersion</c> in host.json, which a test holds equal to this), and keeps it for its
/// whole life: <c>TaskOrchestrationContext.Version</c> in the orchestrator. Workers take instances of their version
/// or older (<see cref="MatchStrategy"/>) and leave newer ones untouched for a newer worker (<see cref="FailureStrategy"/>),
/// so a rolling deployment never runs an instance on code older than the one that started it.
/// <para>
/// A breaking change to an orchestrator (steps added, removed or reordered before its last awaited point) is made by
/// raising <see cref="Current"/> (e.g. to "2.0", here and in host.json) and branching inside the orchestrator on
/// <c>context.CompareVersionTo("2.0") &gt;= 0</c>: the new path under it, the old path left exactly as it was for the
/// instances already running. Instances started before versioning have no version (""), which compares older than
/// every version: they take the oldest path.
/// </para>
/// <para>
/// A new orchestrator is registered in <see cref="WorkflowRegistration"/> and starts at the current version, with no
/// branch to keep (<c>ReportRunWorkflow</c>, issue 16; <c>NotificationWorkflow</c>, with 2.0). Its later breaking
/// changes branch on the instance's version like any other.
/// </para>
/// </summary>
public static class WorkflowVersions
{
    /// <summary>The version new instances are stamped with (System.Version syntax, so "10.0" sorts after "9.0").</summary>
    public const string Current = ActionsKept;

    /// <summary>
    /// 2.0: a lifecycle step is one activity (<c>TakeStepActivity</c>), e-mails leave through their own
    /// <c>NotificationWorkflow</c> (a step never waits for one), the history is bounded by ContinueAsNew. Instances of
    /// 1.0 (and unversioned ones) keep the old path to the end.
    /// </summary>
    public const string StepsInOneActivity = "2.0";

    /// <summary>
    /// 2.1: accepted actions are also kept in storage (<c>IPendingActions</c>) and the workflow reads them where an
    /// action's event can be lost (a continued execution's start, after a short settle) and before a deadline's path is
    /// taken. Instances of 2.0 keep their path (their executions continue as new on 2.0).
    /// </summary>
    public const string ActionsKept = "2.1";

    /// <summary>Workers run instances of their own version or older (Durable Task's <c>CurrentOrOlder</c>).</summary>
    public const string MatchStrategy = "CurrentOrOlder";

    /// <summary>An instance newer than the worker is left as it is, for a newer worker (<c>Reject</c>), never failed.</summary>
    public const string FailureStrategy = "Reject";
}
