using Microsoft.DurableTask;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// The whole life of one application (v2; <see cref="Intake.IntakeWorkflow"/> is v1 and stays registered for the
/// instances it started). The workflow decides nothing itself: it records each step through
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

    /// <summary>Numbers the steps (deterministically, so replays and re-executed activities agree) and sends what each step asks.</summary>
    sealed class StepRecorder(TaskOrchestrationContext context, string applicationId)
    {
        int sequence;

        public async Task<StepResult> RecordAsync(StepKind kind, ActionRequest? action = null, string? detail = null)
        {
            var step = new StepCommand(applicationId, ++sequence, kind, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero))
            {
                Action = action,
                Detail = detail,
            };
            var result = await context.CallActivityAsync<StepResult>(nameof(RecordStepActivity), step, RetryPolicies.Storage);
            foreach (var document in result.Documents ?? [])
            {
                await context.CallActivityAsync<int>(nameof(IssueDocumentActivity),
                    new IssueDocumentRequest(applicationId, document, $"{context.InstanceId}:{step.Sequence}"), RetryPolicies.Storage);
            }

            await NotifyAsync(result.Notifications);
            return result;
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
