using Microsoft.DurableTask;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// The whole life of one application. The workflow decides nothing itself: it records each step through
/// <see cref="RecordStepActivity"/> (where <see cref="LifecycleMachine"/> decides), then waits for the next person's
/// action or for the time the step result names: a reminder to send, or the deadline whose path the machine takes
/// (withdrawal, escalation). Every wait therefore has a deadline while the application is open.
/// <para>
/// Two paths, chosen by the instance's version (<see cref="WorkflowVersions"/>): instances of
/// <see cref="WorkflowVersions.StepsInOneActivity"/> or later take <see cref="RunStepsAsync"/> (a step is one activity,
/// e-mails leave through their own orchestrations, the history is bounded by ContinueAsNew); older instances replay and
/// finish on <see cref="RunV1Async"/>, kept exactly as it was.
/// </para>
/// </summary>
public sealed partial class ApplicationWorkflow(WorkflowTiming? timing = null) : TaskOrchestrator<ApplicationWorkflowInput, string>
{
    readonly WorkflowTiming timing = timing ?? WorkflowTiming.Default;

    /// <summary>
    /// Steps and reminders one execution takes before it continues as new (when the input names none). High on purpose:
    /// an external event raised while an instance continues as new can be lost on this stack (microsoft/durabletask-dotnet
    /// #387, Azure/durabletask #1399), and an action lost that way is an officer's decision silently dropped; 200 steps
    /// and reminders are years of a file's life (about 1,600 history events), so the window opens once in years, not
    /// every few weeks of escalations as with 20. Running executions replay unchanged: each has taken fewer than 20.
    /// </summary>
    public const int DefaultStepsPerExecution = 200;

    public override Task<string> RunAsync(TaskOrchestrationContext context, ApplicationWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return context.CompareVersionTo(WorkflowVersions.StepsInOneActivity) >= 0 ? RunStepsAsync(context, input, timing) : RunV1Async(context, input);
    }

    enum Woken { Action, Early, Due }

    /// <summary>
    /// Waits for the person's action or the instant <paramref name="wakeAtUtc"/>, whichever comes first; both versions
    /// use it (one timer created, then cancelled when the action comes first: the same durable calls in the same order
    /// as when each version had its own copy, so instances replay unchanged). <see cref="Woken.Early"/>: Azure Storage
    /// delivers timer messages with whole-second visibility, so a timer can fire a little early; nothing is due yet and
    /// the caller waits again for the same instant.
    /// </summary>
    static async Task<Woken> WaitForActionOrAsync(TaskOrchestrationContext context, Task<ActionRequest> nextAction, DateTime wakeAtUtc)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(wakeAtUtc, cancelTimer.Token);
        var first = await Task.WhenAny(nextAction, timer);
        if (first == nextAction)
        {
            // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler.
#pragma warning disable CA1849
            cancelTimer.Cancel();
#pragma warning restore CA1849
            return Woken.Action;
        }

        return context.CurrentUtcDateTime < wakeAtUtc ? Woken.Early : Woken.Due;
    }

    /// <summary>
    /// Version 1.0 (and unversioned instances): every call in sequence. In-flight instances replay it: never change its
    /// durable calls or their order (code may move, as the shared wait did, when the calls stay the same).
    /// </summary>
    static async Task<string> RunV1Async(TaskOrchestrationContext context, ApplicationWorkflowInput input)
    {
        var steps = new StepRecorder(context, input.ApplicationId);

        var result = await steps.RecordAsync(StepKind.Receive);
        Task<ActionRequest>? nextAction = null;

        // Reminders of the current result already sent. Each is sent once and in order, even when the workflow wakes
        // late (a timer in the past fires at once); a new result (a recorded step) brings its own reminders.
        var lastNudge = DateTimeOffset.MinValue;
        var current = result;
        while (!result.IsFinal)
        {
            if (!ReferenceEquals(current, result))
            {
                current = result;
                lastNudge = DateTimeOffset.MinValue;
            }

            nextAction ??= context.WaitForExternalEvent<ActionRequest>(ActionRequest.EventName);
            var nudge = result.Nudges.Where(n => n.AtUtc > lastNudge).MinBy(n => n.AtUtc);
            var wakeAt = nudge?.AtUtc ?? result.NextDeadlineUtc;
            if (wakeAt is null)
            {
                result = await steps.RecordAsync(StepKind.Action, await nextAction);
                nextAction = null;
                continue;
            }

            var woken = await WaitForActionOrAsync(context, nextAction, wakeAt.Value.UtcDateTime);
            if (woken == Woken.Action)
            {
                result = await steps.RecordAsync(StepKind.Action, await nextAction);
                nextAction = null;
            }
            else if (woken == Woken.Early)
            {
                continue;
            }
            else if (nudge is not null)
            {
                lastNudge = nudge.AtUtc;
                await steps.NotifyAsync([nudge.Notification]);
            }
            else
            {
                result = await steps.RecordAsync(StepKind.DeadlinePassed);
            }
        }

        return result.Status.ToString();
    }

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1423, Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Application {ApplicationId}: the actions kept in storage could not be read ({Error}); the next deadline reads them again")]
    static partial void LogKeptActionsNotRead(Microsoft.Extensions.Logging.ILogger logger, string applicationId, string error);

    /// <summary>
    /// Version 2.0: the same lifecycle, cheaper per step and never waiting for an e-mail. A step is one activity
    /// (<see cref="TakeStepActivity"/>: the step, its documents, the start of its e-mails); only what failed there comes
    /// back to the workflow (documents retried in parallel, then recorded as failed; the inbox retried). E-mails and
    /// reminders run in their own <see cref="NotificationWorkflow"/>s, which record a final failure on the application
    /// themselves. After <see cref="ApplicationWorkflowInput.StepsPerExecution"/> steps and reminders the workflow
    /// continues as new with what it needs (<see cref="ApplicationWorkflowCarry"/>), so a file escalated for months keeps
    /// a short history; actions raised meanwhile are kept (unprocessed events are carried over, and an action that
    /// reaches the abandoned wait in the same episode is sent on to the next execution).
    /// </summary>
    static async Task<string> RunStepsAsync(TaskOrchestrationContext context, ApplicationWorkflowInput input, WorkflowTiming timing)
    {
        var carried = input.Continued;
        var steps = new StepTaker(context, input.ApplicationId, carried?.Sequence ?? 0, timing);
        var result = carried?.Result ?? await steps.TakeAsync(StepKind.Receive);
        var lastNudge = carried?.LastNudgeUtc ?? DateTimeOffset.MinValue;
        var limit = input.StepsPerExecution is > 0 and var n ? n : DefaultStepsPerExecution;
        var taken = 0;
        Task<ActionRequest>? nextAction = null;

        // 2.1: accepted actions are kept in storage; a continued execution takes those whose event may have been lost.
        var kept = context.CompareVersionTo(WorkflowVersions.ActionsKept) >= 0;
        if (kept && carried is not null)
        {
            await context.CreateTimer(timing.ContinuedSettle, CancellationToken.None);
            (result, var count) = await steps.TakeKeptActionsAsync(result);
            taken += count;
        }

        while (!result.IsFinal)
        {
            if (taken >= limit && nextAction is not { IsCompleted: true })
            {
                if (nextAction is not null)
                {
                    _ = ForwardToNextExecutionAsync(context, nextAction);
                }

                var carry = new ApplicationWorkflowCarry(steps.Sequence,
                    result with { Notifications = [], Documents = [], RetryDocuments = [], InboxPending = false }, lastNudge)
                {
                    Executions = (carried?.Executions ?? 0) + 1,
                };
                context.ContinueAsNew(new ContinueAsNewOptions
                {
                    NewInput = input with { Continued = carry },
                    PreserveUnprocessedEvents = true,
                    NewVersion = context.Version,
                });
                return result.Status.ToString();
            }

            nextAction ??= context.WaitForExternalEvent<ActionRequest>(ActionRequest.EventName);
            var nudge = result.Nudges.Where(n => n.AtUtc > lastNudge).MinBy(n => n.AtUtc);
            var wakeAt = nudge?.AtUtc ?? result.NextDeadlineUtc;
            if (wakeAt is null)
            {
                result = await steps.TakeActionAsync(await nextAction, result);
                (nextAction, lastNudge, taken) = (null, DateTimeOffset.MinValue, taken + 1);
                continue;
            }

            var woken = await WaitForActionOrAsync(context, nextAction, wakeAt.Value.UtcDateTime);
            if (woken == Woken.Action)
            {
                result = await steps.TakeActionAsync(await nextAction, result);
                (nextAction, lastNudge, taken) = (null, DateTimeOffset.MinValue, taken + 1);
            }
            else if (woken == Woken.Early)
            {
                continue;
            }
            else if (nudge is not null)
            {
                lastNudge = nudge.AtUtc;
                await steps.NotifyAsync([nudge.Notification]);
                taken++;
            }
            else
            {
                if (kept)
                {
                    // An action accepted before the deadline comes before the deadline's path (its event may have been lost).
                    var (afterKept, count) = await steps.TakeKeptActionsAsync(result);
                    if (count > 0)
                    {
                        (result, lastNudge, taken) = (afterKept, DateTimeOffset.MinValue, taken + count);
                        continue;
                    }
                }

                result = await steps.TakeAsync(StepKind.DeadlinePassed);
                (lastNudge, taken) = (DateTimeOffset.MinValue, taken + 1);
            }
        }

        return result.Status.ToString();
    }

    /// <summary>
    /// The wait for an action abandoned by ContinueAsNew still takes an action that arrives later in the same episode
    /// (Durable Task hands an event to the newest waiter, even one nobody awaits): send it on to the next execution.
    /// </summary>
    static async Task ForwardToNextExecutionAsync(TaskOrchestrationContext context, Task<ActionRequest> abandoned)
    {
        var action = await abandoned;
        context.SendEvent(context.InstanceId, ActionRequest.EventName, action);
    }

    /// <summary>
    /// Version 2.0's steps: numbered deterministically (continuing the carried number), one activity each, then only
    /// what failed. Nothing fails the workflow: a step whose activity fails after its retries is tried again in rounds
    /// (<see cref="ActivityRounds"/>: storage may be away for longer than a policy), except a person's action that fails
    /// for a reason that does not pass by itself, which is recorded as not taken (<see cref="StepKind.ActionFailed"/>)
    /// so that person sees it and the workflow waits for the next action.
    /// </summary>
    sealed class StepTaker(TaskOrchestrationContext context, string applicationId, int sequence, WorkflowTiming timing)
    {
        public int Sequence => sequence;

        /// <summary>
        /// Takes the accepted actions still kept in storage, in the order they were accepted (a copy whose event also
        /// comes is taken once: the machine knows its id). Returns the result after them and how many were taken; when
        /// the store cannot be read, none (the next read takes them).
        /// </summary>
        public async Task<(StepResult Result, int Taken)> TakeKeptActionsAsync(StepResult current)
        {
            IReadOnlyList<ActionRequest> actions;
            try
            {
                actions = await context.CallActivityAsync<IReadOnlyList<ActionRequest>>(nameof(KeptActionsActivity), applicationId, RetryPolicies.Storage);
            }
            catch (Exception ex) when (ex is TaskFailedException || ActivityRounds.IsResultOfAnotherCall(ex))
            {
                // The next read takes them; said in the log, since nothing else shows a read that keeps failing.
                LogKeptActionsNotRead(context.CreateReplaySafeLogger<ApplicationWorkflow>(), applicationId, ex.Message);
                return (current, 0);
            }

            foreach (var action in actions)
            {
                current = await TakeActionAsync(action, current);
            }

            return (current, actions.Count);
        }

        /// <summary>A person's action; when it cannot be taken (a defect, not storage), recorded as failed and <paramref name="current"/> stays.</summary>
        public async Task<StepResult> TakeActionAsync(ActionRequest action, StepResult current)
        {
            string failure;
            try
            {
                return await TakeAsync(StepKind.Action, action);
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }

            try
            {
                return await TakeAsync(StepKind.ActionFailed, action, detail: failure);
            }
            catch (TaskFailedException)
            {
                // Not even the record could be written (logged by the rounds): the workflow waits for the next action.
                return current;
            }
        }

        public async Task<StepResult> TakeAsync(StepKind kind, ActionRequest? action = null, string? detail = null, PendingDocument? document = null)
        {
            var step = new StepCommand(applicationId, ++sequence, kind, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero))
            {
                Action = action,
                Detail = detail,
                DocumentKind = document?.Kind,
                DocumentSourceId = document?.SourceId,
            };
            var taken = await context.CallUntilDoneAsync<StepTaken>(timing, nameof(TakeStepActivity), step, RetryPolicies.Writes,
                $"step {step.Sequence} ({kind})", giveUp: (failure, _) => kind is StepKind.Action or StepKind.ActionFailed && !RetryPolicies.IsTransient(failure.FailureDetails),
                isThisCalls: t => t.IsResultOf(step));
            var result = taken.Result;
            if (!result.InboxPending && taken.FailedDocuments.Count == 0)
            {
                if (!taken.NotificationsStarted)
                {
                    await NotifyAsync(result.Notifications);
                }

                return result;
            }

            // Retried in parallel: the inbox, and each document that failed for a reason that may pass.
            var inbox = result.InboxPending ? SyncInboxAsync() : Task.FromResult<string?>(null);
            var retried = taken.FailedDocuments.Select(f => f.Transient ? IssueAsync(f.Document) : Task.FromResult<string?>(f.Error)).ToList();
            await Task.WhenAll([inbox, .. retried]);

            if (!taken.NotificationsStarted)
            {
                await NotifyAsync(result.Notifications);
            }

            for (var i = 0; i < retried.Count; i++)
            {
                if (retried[i].Result is { } failure)
                {
                    await TakeAsync(StepKind.DocumentFailed, detail: failure, document: taken.FailedDocuments[i].Document);
                }
            }

            if (inbox.Result is { } inboxFailure)
            {
                await TakeAsync(StepKind.InboxFailed, detail: inboxFailure);
            }

            return result;
        }

        /// <summary>Starts the notifications' own orchestrations; if even that fails after its retries, records them as failed.</summary>
        public async Task NotifyAsync(IReadOnlyList<NotificationRequest> notifications)
        {
            if (notifications.Count == 0)
            {
                return;
            }

            string failure;
            try
            {
                await context.CallActivityAsync<int>(nameof(StartNotificationsActivity), notifications, RetryPolicies.Storage);
                return;
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }
            catch (Exception ex) when (ActivityRounds.IsResultOfAnotherCall(ex))
            {
                failure = ex.Message;
            }

            foreach (var notification in notifications)
            {
                await TakeAsync(StepKind.NotificationFailed, detail: NotificationWorkflow.FailureDetail(notification, failure));
            }
        }

        async Task<string?> IssueAsync(PendingDocument document)
        {
            try
            {
                await context.CallActivityAsync<int>(nameof(IssueDocumentActivity),
                    new IssueDocumentRequest(applicationId, document.Kind, document.SourceId), RetryPolicies.Projections);
                return null;
            }
            catch (TaskFailedException ex)
            {
                return ex.FailureDetails.ErrorMessage;
            }
            catch (Exception ex) when (ActivityRounds.IsResultOfAnotherCall(ex))
            {
                return ex.Message;
            }
        }

        async Task<string?> SyncInboxAsync()
        {
            try
            {
                await context.CallActivityAsync<bool>(nameof(SyncInboxActivity), applicationId, RetryPolicies.Projections);
                return null;
            }
            catch (TaskFailedException ex)
            {
                return ex.FailureDetails.ErrorMessage;
            }
            catch (Exception ex) when (ActivityRounds.IsResultOfAnotherCall(ex))
            {
                return ex.Message;
            }
        }
    }

    /// <summary>
    /// Numbers the steps (deterministically, so replays and re-executed activities agree) and sends what each step asks.
    /// Only recording the step itself may fail the workflow; a document, an e-mail or the inbox that fails after its
    /// retries is recorded on the application as a step of its own (audit entry, officers' flag) and the lifecycle goes
    /// on. Failed documents are issued again with the next step. In-flight instances replay unchanged: the calls added
    /// here happen only after a failure, which used to end the instance.
    /// </summary>
    sealed class StepRecorder(TaskOrchestrationContext context, string applicationId)
    {
        int sequence;

        public async Task<StepResult> RecordAsync(StepKind kind, ActionRequest? action = null, string? detail = null,
            PendingDocument? document = null)
        {
            var step = new StepCommand(applicationId, ++sequence, kind, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero))
            {
                Action = action,
                Detail = detail,
                DocumentKind = document?.Kind,
                DocumentSourceId = document?.SourceId,
            };
            var result = await context.CallActivityAsync<StepResult>(nameof(RecordStepActivity), step, RetryPolicies.Storage);
            if (result.InboxPending)
            {
                await SyncInboxAsync();
            }

            foreach (var kindToIssue in result.Documents ?? [])
            {
                await IssueAsync(new PendingDocument(kindToIssue, $"{context.InstanceId}:{step.Sequence}"));
            }

            foreach (var retry in result.RetryDocuments ?? [])
            {
                await IssueAsync(retry);
            }

            await NotifyAsync(result.Notifications);
            return result;
        }

        async Task IssueAsync(PendingDocument document)
        {
            string failure;
            try
            {
                await context.CallActivityAsync<int>(nameof(IssueDocumentActivity),
                    new IssueDocumentRequest(applicationId, document.Kind, document.SourceId), RetryPolicies.Projections);
                return;
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }

            await RecordAsync(StepKind.DocumentFailed, detail: failure, document: document);
        }

        async Task SyncInboxAsync()
        {
            string failure;
            try
            {
                await context.CallActivityAsync<bool>(nameof(SyncInboxActivity), applicationId, RetryPolicies.Projections);
                return;
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }

            await RecordAsync(StepKind.InboxFailed, detail: failure);
        }

        public async Task NotifyAsync(IReadOnlyList<NotificationRequest> notifications)
        {
            foreach (var notification in notifications)
            {
                string? failure;
                try
                {
                    var outcome = await context.CallActivityAsync<NotificationOutcome>(nameof(SendNotificationActivity), notification, RetryPolicies.Email);
                    failure = outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures);
                }
                catch (TaskFailedException ex)
                {
                    failure = ex.FailureDetails.ErrorMessage;
                }

                if (failure is not null)
                {
                    await RecordAsync(StepKind.NotificationFailed, detail: $"Không gửi được thư {NotificationText.Event(notification.Event)} tới {NotificationText.Audience(notification.Audience)}: {failure}");
                }
            }
        }
    }
}

/// <summary>Input of <see cref="ApplicationWorkflow"/>. Instances in flight hold serialized copies: only ever add fields.</summary>
public sealed record ApplicationWorkflowInput(string ApplicationId)
{
    /// <summary>Set when an execution continued as new (version 2.0 path): where the next one takes up.</summary>
    public ApplicationWorkflowCarry? Continued { get; init; }

    /// <summary>Steps and reminders per execution before continuing as new; null: <see cref="ApplicationWorkflow.DefaultStepsPerExecution"/>.</summary>
    public int? StepsPerExecution { get; init; }
}

/// <summary>
/// What a continued execution needs of the one before: the last step number (steps stay numbered across executions),
/// the last step's result (status, deadline, reminders; without what that step already sent or issued) and the last
/// reminder of it already sent. <see cref="Executions"/> counts the executions so far. Only ever add fields.
/// </summary>
public sealed record ApplicationWorkflowCarry(int Sequence, StepResult Result, DateTimeOffset LastNudgeUtc)
{
    public int Executions { get; init; }
}
