using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>What the workflow asks the lifecycle to record. Stored by name: only add.</summary>
public enum StepKind
{
    /// <summary>The workflow took the application in: receipt acknowledged, routed to its unit.</summary>
    Receive,

    /// <summary>A person's action (the event payload).</summary>
    Action,

    /// <summary>The current step's deadline passed with nobody acting.</summary>
    DeadlinePassed,

    /// <summary>A notification could not be delivered (a permanent provider refusal).</summary>
    NotificationFailed,

    /// <summary>A document of a step failed after its retries (<see cref="StepCommand.DocumentKind"/>).</summary>
    DocumentFailed,

    /// <summary>The inbox could not be synchronised after its retries.</summary>
    InboxFailed,

    /// <summary>
    /// A person's action (<see cref="StepCommand.Action"/>) could not be taken: recording it failed for a reason that
    /// does not pass by itself (<see cref="StepCommand.Detail"/>). Recorded so the person sees it and can act again.
    /// </summary>
    ActionFailed,
}

/// <summary>
/// One step for the lifecycle to apply. <see cref="Sequence"/> increases with every step of one workflow instance,
/// so a re-executed activity recognises a step it has already applied. Stored in history: only add fields.
/// </summary>
public sealed record StepCommand(string ApplicationId, int Sequence, StepKind Kind, DateTimeOffset AtUtc)
{
    public ActionRequest? Action { get; init; }

    public string? Detail { get; init; }

    /// <summary><see cref="StepKind.DocumentFailed"/>: the document kind that failed.</summary>
    public string? DocumentKind { get; init; }

    /// <summary><see cref="StepKind.DocumentFailed"/>: the source id the document is stored under (the step that issued it).</summary>
    public string? DocumentSourceId { get; init; }
}

/// <summary>A document to issue again: its kind and the source id of the step that first asked for it (idempotent store).</summary>
public sealed record PendingDocument(string Kind, string SourceId);

/// <summary>A reminder to send at a time, unless the step is done before then.</summary>
public sealed record Nudge(DateTimeOffset AtUtc, NotificationRequest Notification);

/// <summary>
/// Where the application stands after a step: its status, when the workflow must act on its own next
/// (<see cref="NextDeadlineUtc"/>: the deadline path), the reminders before that, and the notifications this step
/// sends now. <see cref="Applied"/> is false for an action the state no longer allows or the ledger refused.
/// </summary>
public sealed record StepResult(
    ApplicationStatus Status,
    bool Applied,
    string? RefusalCode,
    string? RefusalMessage,
    DateTimeOffset? NextDeadlineUtc,
    IReadOnlyList<Nudge> Nudges,
    IReadOnlyList<NotificationRequest> Notifications)
{
    public bool IsFinal => LifecycleRules.IsFinal(Status);

    /// <summary>Documents this step issues (kinds of <see cref="Documents.DocumentKinds"/>), stored before its notifications go out.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Documents of earlier steps that failed, to issue again with this step (<see cref="LifecycleState.DocumentFailures"/>).</summary>
    public IReadOnlyList<PendingDocument> RetryDocuments { get; init; } = [];

    /// <summary>The step was recorded but the inbox could not be synchronised: the workflow retries it (and records a failure).</summary>
    public bool InboxPending { get; init; }
}
