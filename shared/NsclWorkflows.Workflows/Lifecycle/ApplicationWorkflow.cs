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
/// </summary>
public sealed class ApplicationWorkflow : TaskOrchestrator<ApplicationWorkflowInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, ApplicationWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
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

            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.Value.UtcDateTime, cancelTimer.Token);
            var first = await Task.WhenAny(nextAction, timer);
            if (first == nextAction)
            {
                // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler.
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
                result = await steps.RecordAsync(StepKind.Action, await nextAction);
                nextAction = null;
            }
            else if (context.CurrentUtcDateTime < wakeAt.Value.UtcDateTime)
            {
                // Azure Storage delivers timer messages with whole-second visibility, so a timer can fire a little early:
                // nothing is due yet; wait again for the same instant.
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
public sealed record ApplicationWorkflowInput(string ApplicationId);
