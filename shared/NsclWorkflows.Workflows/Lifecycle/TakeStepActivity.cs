using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>What <see cref="TakeStepActivity"/> did besides recording the step.</summary>
/// <param name="Result">The recorded step's result (as <see cref="RecordStepActivity"/> returns it).</param>
public sealed record StepTaken(StepResult Result)
{
    /// <summary>Documents of the step (new or issued again) that could not be stored in this attempt: the workflow retries or records them.</summary>
    public IReadOnlyList<DocumentAttemptFailed> FailedDocuments { get; init; } = [];

    /// <summary>
    /// The step's notifications were dealt with: sent in line, or their failure recorded, or handed to their
    /// <see cref="NotificationWorkflow"/>s (<see cref="NotificationDispatch"/>); false: the workflow hands them over itself.
    /// </summary>
    public bool NotificationsStarted { get; init; }

    /// <summary>
    /// The step this is the result of (number, kind, action id); null in results written before it was added. The
    /// workflow takes the result only for that step: after a host kill the backend can hand a call the result of another
    /// call that had the same task id in an episode that was never committed (issue 18).
    /// </summary>
    public StepIdentity? Step { get; init; }

    /// <summary>Whether this is the result of <paramref name="step"/> (a result without its step's identity is taken as it always was).</summary>
    public bool IsResultOf(StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Step is null || Step == StepIdentity.Of(step);
    }
}

/// <summary>What tells one step from another: its number, its kind and the id of the person's action it takes.</summary>
public sealed record StepIdentity(int Sequence, StepKind Kind, string? ActionId)
{
    public static StepIdentity Of(StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Sequence, step.Kind, step.Action?.ActionId);
    }
}

/// <summary>A document that failed once; <see cref="Transient"/>: worth the retry policy, else recorded as failed at once.</summary>
public sealed record DocumentAttemptFailed(PendingDocument Document, string Error, bool Transient);

/// <summary>
/// One lifecycle step in one activity (the workflow's version 2.0 path): records it as <see cref="RecordStepActivity"/>
/// does, issues the documents it asks for (and those failed before) once each as <see cref="IssueDocumentActivity"/>
/// does, and when they are stored sends the step's notifications in line (<see cref="NotificationDispatch"/>: only what
/// does not go is handed to its own <see cref="NotificationWorkflow"/>). What fails here is returned, never thrown, so the
/// step still counts: the workflow retries a transient document failure with its policy, records the others, and hands
/// the notifications over itself. Safe to run twice: each part is idempotent (the step by its sequence, a document by its
/// source id, an e-mail by the notification service's record of each recipient, a failure by its key).
/// </summary>
public sealed partial class TakeStepActivity(
    IApplicationRepository applications, IBudgetLedger ledger, IInbox inbox, LifecycleMachine machine, ProgrammeCatalogue catalogue,
    IOfficialDocumentBuilder builder, IDocumentStore documents, DurableTaskClient client, ILoggerFactory loggers,
    Domain.Decisions.IDecisionRegister register, Domain.Attachments.IAttachmentStore attachments, IPendingActions pending,
    Notifications.NotificationDispatch dispatch, Domain.Calls.ICallRepository? calls = null)
    : TaskActivity<StepCommand, StepTaken>
{
    readonly ILogger logger = loggers.CreateLogger<TakeStepActivity>();

    public override async Task<StepTaken> RunAsync(TaskActivityContext context, StepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await new RecordStepActivity(applications, ledger, inbox, machine, register, loggers.CreateLogger<RecordStepActivity>(), calls)
            .RunAsync(context, input);

        if (input.Kind is StepKind.Action or StepKind.ActionFailed && input.Action?.ActionId is { } actionId)
        {
            // Taken (or refused, or a second copy): no longer kept. If this fails the copy stays and is taken once anyway.
            try
            {
                await pending.RemoveAsync(input.ApplicationId, actionId, CancellationToken.None);
            }
#pragma warning disable CA1031 // The step counts; a copy left behind changes nothing (one id is taken once).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogKeptActionNotRemoved(logger, ex, input.ApplicationId, input.Sequence);
            }
        }

        var issuer = new IssueDocumentActivity(applications, catalogue, builder, documents, inbox, attachments, loggers.CreateLogger<IssueDocumentActivity>());
        var failed = new List<DocumentAttemptFailed>();
        foreach (var document in DocumentsOf(result, input))
        {
            try
            {
                await issuer.RunAsync(context, new IssueDocumentRequest(input.ApplicationId, document.Kind, document.SourceId));
            }
#pragma warning disable CA1031 // Any failure: the step counts; the workflow retries a transient one and records the rest.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogDocumentFailed(logger, ex, input.ApplicationId, input.Sequence, document.Kind);
                failed.Add(new DocumentAttemptFailed(document, ex.Message, RetryPolicies.IsTransient(ex)));
            }
        }

        var started = false;
        if (failed.Count == 0)
        {
            try
            {
                await dispatch.DispatchAsync(client, result.Notifications);
                started = true;
            }
#pragma warning disable CA1031 // The workflow starts them with the storage retry policy.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogNotificationsNotStarted(logger, ex, input.ApplicationId, input.Sequence);
            }
        }

        return new StepTaken(result) { FailedDocuments = failed, NotificationsStarted = started, Step = StepIdentity.Of(input) };
    }

    /// <summary>The documents a step issues (source id: the workflow instance and step), then those failed before.</summary>
    public static IEnumerable<PendingDocument> DocumentsOf(StepResult result, StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(step);
        foreach (var kind in result.Documents ?? [])
        {
            yield return new PendingDocument(kind, $"{ApplicationIds.WorkflowInstanceId(step.ApplicationId)}:{step.Sequence}");
        }

        foreach (var retry in result.RetryDocuments ?? [])
        {
            yield return retry;
        }
    }

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Application {ApplicationId}: document {Kind} of step {Sequence} not issued in the step's activity")]
    static partial void LogDocumentFailed(ILogger logger, Exception exception, string applicationId, int sequence, string kind);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Application {ApplicationId}: the kept copy of the action of step {Sequence} not removed")]
    static partial void LogKeptActionNotRemoved(ILogger logger, Exception exception, string applicationId, int sequence);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Application {ApplicationId}: notifications of step {Sequence} not started in the step's activity")]
    static partial void LogNotificationsNotStarted(ILogger logger, Exception exception, string applicationId, int sequence);
}
