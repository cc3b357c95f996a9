using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Follows one report run from its opening to its Word report: the figures of the period gathered (cut at the data
/// cut-off) → each lead unit asked by e-mail for its input (its secret page), reminded before its deadline and, if it
/// did not answer, escalated to the head of division when the deadline passes (the run then goes on to drafting
/// without it) → the officers reminded before the report is due, the leaders reminded of an approval, and told when
/// the report is overdue (every <see cref="ReportRunWorkflowInput.RepeatEscalation"/>,
/// <see cref="ReportRunWorkflowInput.MaxEscalations"/> times; then it stops following the run) → once approved, the Word
/// report built if the API's build did not complete. People act through the API, which raises <see cref="ChangedEvent"/>;
/// every wait also has its deadline. A step or an e-mail that fails after its retries is recorded in the run's journal
/// and the workflow goes on: it never ends Failed.
/// </summary>
public sealed class ReportRunWorkflow : TaskOrchestrator<ReportRunWorkflowInput, string>
{
    /// <summary>Raised by the API when a person moved the run on (a unit answered, input closed, submitted, decided); payload: the new state.</summary>
    public const string ChangedEvent = "ReportRunChanged";

    /// <summary>What the workflow returns when it stopped following a run that stayed overdue.</summary>
    public const string Unattended = "Unattended";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, ReportRunWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var flow = new Flow(context, input);

        // 1. The figures of the period.
        var status = await flow.StepAsync(ReportRunStepKind.Gather, "tổng hợp số liệu") ?? await flow.StepAsync(ReportRunStepKind.Check);
        if (status is { Missing: true })
        {
            return "Missing";
        }

        // 2. The lead units: asked, reminded, escalated.
        if (status is { State: ReportRunState.AwaitingLeadUnits })
        {
            foreach (var unit in status.Units.Where(u => !u.Answered && !u.Mailed))
            {
                await flow.NotifyAsync(NotificationEvent.ReportInputRequested, unit.UnitId, "request");
            }

            status = await flow.WaitWhileAsync(input.LeadUnitReminderUtc, WaitsForUnits, status);
            if (WaitsForUnits(status))
            {
                if (await flow.StepAsync(ReportRunStepKind.RemindLeadUnits, "nhắc đơn vị chủ trì") is { } reminded)
                {
                    status = reminded;
                    foreach (var unit in reminded.Concerned)
                    {
                        await flow.NotifyAsync(NotificationEvent.ReportInputReminder, unit, "reminder");
                    }
                }

                status = await flow.WaitWhileAsync(input.LeadUnitDeadlineUtc, WaitsForUnits, status);
                if (WaitsForUnits(status) && await flow.StepAsync(ReportRunStepKind.EscalateLeadUnits, "báo đơn vị chưa gửi số liệu") is { } escalated)
                {
                    status = escalated;
                    foreach (var unit in escalated.Concerned)
                    {
                        await flow.NotifyAsync(NotificationEvent.ReportInputEscalated, unit, "escalation");
                    }
                }
            }
        }

        // 3. Narrative and approval, by the report's due date.
        status = await flow.WaitWhileAsync(input.DueReminderUtc, IsOpen, status);
        if (status is { IsOpen: true })
        {
            await flow.NotifyAsync(status.State == ReportRunState.AwaitingApproval ? NotificationEvent.ReportApprovalReminder : NotificationEvent.ReportDraftReminder,
                null, "due-reminder");
        }

        var escalateAt = input.DueUtc;
        for (var escalation = 1; escalation <= input.MaxEscalations && IsOpen(status); escalation++)
        {
            status = await flow.WaitWhileAsync(escalateAt, IsOpen, status);
            if (status is { IsOpen: true })
            {
                await flow.NotifyAsync(NotificationEvent.ReportOverdue, null, "overdue-" + escalation.ToString(CultureInfo.InvariantCulture));
            }

            escalateAt += input.RepeatEscalation;
        }

        if (IsOpen(status))
        {
            await flow.StepAsync(ReportRunStepKind.Note, detail: "Hệ thống ngừng nhắc: báo cáo vẫn chưa được duyệt sau các lần báo lãnh đạo Sở.");
            return Unattended;
        }

        // 4. Approved: the Word report, if the API's build did not complete.
        if (status is { State: ReportRunState.Building })
        {
            status = await flow.StepAsync(ReportRunStepKind.Build, "lập văn bản báo cáo") ?? status;
        }

        return status?.State.ToString() ?? "Unknown";
    }

    static bool WaitsForUnits(ReportRunStatus? status) => status is null || status.State == ReportRunState.AwaitingLeadUnits;

    /// <summary>Open, or not known (a check failed): the workflow keeps to its timeline.</summary>
    static bool IsOpen(ReportRunStatus? status) => status is null || status.IsOpen;

    sealed class Flow(TaskOrchestrationContext context, ReportRunWorkflowInput input)
    {
        Task<string>? changed;

        DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        /// <summary>
        /// Waits until <paramref name="untilUtc"/> while <paramref name="waiting"/> holds, re-reading the run whenever the
        /// API says it changed; then reads it once more. Returns the last status read (the one given when reads fail).
        /// </summary>
        public async Task<ReportRunStatus?> WaitWhileAsync(DateTimeOffset untilUtc, Func<ReportRunStatus?, bool> waiting, ReportRunStatus? last)
        {
            var until = untilUtc.UtcDateTime;
            while (waiting(last) && context.CurrentUtcDateTime < until)
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
                    last = await StepAsync(ReportRunStepKind.Check) ?? last;
                }

                // A timer can fire a little early (whole-second visibility): the loop waits again for the same instant.
            }

            return waiting(last) ? await StepAsync(ReportRunStepKind.Check) ?? last : last;
        }

        /// <summary>Runs a step; null when it kept failing (recorded in the run's journal when that still works).</summary>
        public async Task<ReportRunStatus?> StepAsync(ReportRunStepKind kind, string? what = null, string? detail = null)
        {
            try
            {
                return await context.CallActivityAsync<ReportRunStatus>(nameof(ReportRunStepActivity),
                    new ReportRunStepCommand(input.RunId, kind, Now, detail), kind is ReportRunStepKind.Gather or ReportRunStepKind.Build ? RetryPolicies.Projections : RetryPolicies.Storage);
            }
            catch (TaskFailedException ex) when (kind != ReportRunStepKind.Note)
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

        public async Task NotifyAsync(NotificationEvent notificationEvent, string? unitId, string occurrence)
        {
            try
            {
                await context.CallActivityAsync<NotificationOutcome>(nameof(NotifyReportRunActivity),
                    new ReportRunNotice(input.RunId, notificationEvent, unitId, occurrence, Now), RetryPolicies.Email);
            }
            catch (TaskFailedException ex)
            {
                await NoteFailureAsync($"Không gửi được thư {NotificationText.Event(notificationEvent)}{(unitId is null ? string.Empty : " (" + unitId + ")")}: {ex.FailureDetails.ErrorMessage}");
            }
        }

        async Task NoteFailureAsync(string detail)
        {
            try
            {
                await context.CallActivityAsync<ReportRunStatus>(nameof(ReportRunStepActivity),
                    new ReportRunStepCommand(input.RunId, ReportRunStepKind.Note, Now, detail, Failed: true), RetryPolicies.Storage);
            }
            catch (TaskFailedException)
            {
                // Storage keeps failing: nothing more can be recorded; the workflow goes on with its timeline.
            }
        }
    }
}
