using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Councils;

/// <summary>
/// Follows one council from its founding to its results in the files: each member e-mailed their secret link → members
/// who have not declared or scored reminded after the policy's working days → the unit's leaders told who is still
/// missing after its escalation days → at the session's due date the council marked overdue and the leaders told (it
/// stays closable; the workflow waits on, weekly, a few times) → once the secretary closed the session, each result not
/// yet delivered by the API is delivered. People act through the API, which raises <see cref="ChangedEvent"/>; every
/// wait also has its deadline. A step or an e-mail that fails after its retries is recorded in the council's journal and
/// the workflow goes on: it never ends Failed.
/// </summary>
public sealed class CouncilWorkflow : TaskOrchestrator<CouncilWorkflowInput, string>
{
    /// <summary>Raised by the API when a member declared, scored or the secretary closed the session; payload: the state.</summary>
    public const string ChangedEvent = "CouncilChanged";

    /// <summary>What the workflow returns when it stopped following a council that stayed open.</summary>
    public const string Unattended = "Unattended";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CouncilWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var flow = new Flow(context, input);

        // 1. Each member gets their link.
        var status = await flow.StepAsync(CouncilStepKind.Check);
        if (status is { Missing: true })
        {
            return "Missing";
        }

        foreach (var member in status?.Members ?? [])
        {
            await flow.NotifyAsync(NotificationEvent.CouncilMemberInvited, member, "invite");
        }

        // 2. Reminded, then the leaders told.
        status = await flow.WaitWhileAsync(input.ReminderUtc, status);
        if (IsOpen(status) && await flow.StepAsync(CouncilStepKind.Remind, "nhắc thành viên") is { } reminded)
        {
            status = reminded;
            foreach (var member in reminded.Concerned)
            {
                await flow.NotifyAsync(NotificationEvent.CouncilMemberReminder, member, "reminder");
            }
        }

        status = await flow.WaitWhileAsync(input.EscalationUtc, status);
        if (IsOpen(status) && await flow.StepAsync(CouncilStepKind.Escalate, "báo lãnh đạo") is { Concerned.Count: > 0 } escalated)
        {
            status = escalated;
            await flow.NotifyAsync(NotificationEvent.CouncilEscalated, null, "escalation");
        }

        // 3. The session's due date: overdue, still closable.
        status = await flow.WaitWhileAsync(input.DueUtc, status);
        if (IsOpen(status))
        {
            status = await flow.StepAsync(CouncilStepKind.MarkOverdue, "ghi nhận quá hạn") ?? status;
            await flow.NotifyAsync(NotificationEvent.CouncilOverdue, null, "overdue");
        }

        for (var wait = 1; wait <= input.MaxWaitsAfterDue && IsOpen(status); wait++)
        {
            status = await flow.WaitWhileAsync(input.DueUtc + (input.RepeatWait * wait), status);
        }

        if (IsOpen(status))
        {
            await flow.StepAsync(CouncilStepKind.Note, detail: "Hệ thống ngừng theo dõi hội đồng: phiên họp vẫn chưa kết thúc; Thư ký vẫn kết thúc được phiên họp.");
            return Unattended;
        }

        // 4. Closed: the results not delivered by the API are delivered (kept for each application's workflow).
        if (status is { Undelivered: > 0 })
        {
            status = await flow.StepAsync(CouncilStepKind.Deliver, "chuyển kết quả vào hồ sơ") ?? status;
        }

        return status?.State.ToString() ?? "Unknown";
    }

    /// <summary>Open, or not known (a check failed): the workflow keeps to its timeline.</summary>
    static bool IsOpen(CouncilStatus? status) => status is null || status.IsOpen;

    sealed class Flow(TaskOrchestrationContext context, CouncilWorkflowInput input)
    {
        Task<string>? changed;

        DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        /// <summary>Waits until <paramref name="untilUtc"/> while the council is open, re-reading it whenever the API says it changed.</summary>
        public async Task<CouncilStatus?> WaitWhileAsync(DateTimeOffset untilUtc, CouncilStatus? last)
        {
            var until = untilUtc.UtcDateTime;
            while (IsOpen(last) && context.CurrentUtcDateTime < until)
            {
                changed ??= context.WaitForExternalEvent<string>(ChangedEvent);
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(until, cancelTimer.Token);
                var first = await Task.WhenAny(changed, timer);
                if (first == changed)
                {
                    // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler.
#pragma warning disable CA1849
                    cancelTimer.Cancel();
#pragma warning restore CA1849
                    changed = null;
                    last = await StepAsync(CouncilStepKind.Check) ?? last;
                }
            }

            return IsOpen(last) ? await StepAsync(CouncilStepKind.Check) ?? last : last;
        }

        /// <summary>Runs a step; null when it kept failing (recorded in the council's journal when that still works).</summary>
        public async Task<CouncilStatus?> StepAsync(CouncilStepKind kind, string? what = null, string? detail = null)
        {
            try
            {
                return await context.CallActivityAsync<CouncilStatus>(nameof(CouncilStepActivity), new CouncilStepCommand(input.CouncilId, kind, Now, detail),
                    RetryPolicies.Storage);
            }
            catch (TaskFailedException ex) when (kind != CouncilStepKind.Note)
            {
                if (what is not null)
                {
                    await NoteFailureAsync($"Không thực hiện được bước {what}: {ex.FailureDetails.ErrorMessage}");
                }

                return null;
            }
            catch (TaskFailedException)
            {
                return null;
            }
        }

        public async Task NotifyAsync(NotificationEvent notificationEvent, string? memberId, string occurrence)
        {
            try
            {
                await context.CallActivityAsync<NotificationOutcome>(nameof(NotifyCouncilActivity),
                    new CouncilNotice(input.CouncilId, notificationEvent, memberId, occurrence, Now), RetryPolicies.Email);
            }
            catch (TaskFailedException ex)
            {
                await NoteFailureAsync($"Không gửi được thư {NotificationText.Event(notificationEvent)}{(memberId is null ? string.Empty : " (" + memberId + ")")}: {ex.FailureDetails.ErrorMessage}");
            }
        }

        async Task NoteFailureAsync(string detail)
        {
            try
            {
                await context.CallActivityAsync<CouncilStatus>(nameof(CouncilStepActivity),
                    new CouncilStepCommand(input.CouncilId, CouncilStepKind.Note, Now, detail, Failed: true), RetryPolicies.Storage);
            }
            catch (TaskFailedException)
            {
                // Storage keeps failing: nothing more can be recorded; the workflow goes on with its timeline.
            }
        }
    }
}
