using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Workflows.Activities;

/// <summary>
/// Follows one programme activity, like an application's check-ins: reminds the officers of the lead unit (naming the
/// responsible officer) <see cref="ActivityWorkflowInput.ReminderDaysBefore"/> days before the planned start, asks for
/// the result the day after the planned end (the activity becomes "awaiting result"), tells the head of division when
/// the result is still missing after <see cref="ActivityWorkflowInput.EscalationDays"/> days and again every
/// <see cref="ActivityWorkflowInput.RepeatEscalationDays"/> days, <see cref="ActivityWorkflowInput.MaxEscalations"/>
/// times, then stops following it (it stays "awaiting result" in the lists). It ends as soon as the activity is closed
/// or cancelled (<see cref="EndedEvent"/>). Every wait has a deadline. An e-mail or a storage step that fails after its
/// retries is recorded on the activity (<see cref="ActivityStepActivity"/>) and the workflow goes on.
/// </summary>
public sealed class ProgrammeActivityWorkflow : TaskOrchestrator<ActivityWorkflowInput, string>
{
    /// <summary>Raised by the API when the activity is closed or cancelled; the payload is the new state's name.</summary>
    public const string EndedEvent = "ActivityEnded";

    /// <summary>What the workflow returns when it stopped following an activity whose result never came.</summary>
    public const string Unattended = "Unattended";

    /// <summary>08:00 in Đà Nẵng (UTC+7): when reminders are sent on their day.</summary>
    static readonly TimeSpan MorningUtc = TimeSpan.FromHours(1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, ActivityWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ended = context.WaitForExternalEvent<string>(EndedEvent);
        var steps = new Steps(context, input);

        var remindAt = Morning(input.PlannedStart.AddDays(-input.ReminderDaysBefore));
        if (await WaitAsync(context, ended, remindAt))
        {
            return await ended;
        }

        await steps.NotifyAsync(NotificationEvent.ActivityStartReminder, "start", NotificationAudience.Officers);

        var resultAt = Morning(input.PlannedEnd.AddDays(1));
        if (await WaitAsync(context, ended, resultAt))
        {
            return await ended;
        }

        if (!await steps.MarkResultDueAsync())
        {
            return "Ended";
        }

        await steps.NotifyAsync(NotificationEvent.ActivityResultRequested, "result", NotificationAudience.Officers);

        var escalateAt = resultAt.AddDays(input.EscalationDays);
        for (var escalation = 1; escalation <= input.MaxEscalations; escalation++)
        {
            if (await WaitAsync(context, ended, escalateAt))
            {
                return await ended;
            }

            if (!await steps.IsOpenAsync())
            {
                return "Ended";
            }

            await steps.NotifyAsync(NotificationEvent.ActivityResultEscalated,
                "escalation-" + escalation.ToString(CultureInfo.InvariantCulture), NotificationAudience.HeadOfDivision);
            escalateAt = escalateAt.AddDays(input.RepeatEscalationDays);
        }

        await steps.NoteAsync(ActivityStepKind.Note, "Hệ thống ngừng nhắc: hoạt động vẫn chưa có kết quả sau các lần báo lãnh đạo phòng.");
        return Unattended;
    }

    static DateTime Morning(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + MorningUtc;

    /// <summary>Waits until <paramref name="atUtc"/> or the end event; true when the activity ended first.</summary>
    static async Task<bool> WaitAsync(TaskOrchestrationContext context, Task<string> ended, DateTime atUtc)
    {
        while (!ended.IsCompleted && context.CurrentUtcDateTime < atUtc)
        {
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(atUtc, cancelTimer.Token);
            var first = await Task.WhenAny(ended, timer);
            if (first == ended)
            {
                // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler.
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
            }

            // A timer can fire a little early (whole-second visibility): the loop waits again for the same instant.
        }

        return ended.IsCompleted;
    }

    sealed class Steps(TaskOrchestrationContext context, ActivityWorkflowInput input)
    {
        DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        public async Task<bool> MarkResultDueAsync() => await StepAsync(ActivityStepKind.MarkResultDue, null) ?? true;

        public async Task<bool> IsOpenAsync() => await StepAsync(ActivityStepKind.Check, null) ?? true;

        public Task<bool?> NoteAsync(ActivityStepKind kind, string detail) => StepAsync(kind, detail);

        /// <summary>Runs a step; null (and nothing recorded: recording is what failed) when storage kept failing.</summary>
        async Task<bool?> StepAsync(ActivityStepKind kind, string? detail)
        {
            try
            {
                return await context.CallActivityAsync<bool>(nameof(ActivityStepActivity),
                    new ActivityStepCommand(input.ActivityId, kind, Now, detail), RetryPolicies.Storage);
            }
            catch (TaskFailedException)
            {
                return null;
            }
        }

        public async Task NotifyAsync(NotificationEvent notificationEvent, string occurrence, NotificationAudience audience)
        {
            var request = new NotificationRequest(input.ActivityId, notificationEvent, occurrence, audience, input.Unit, new Dictionary<string, string>
            {
                [NotificationFacts.ActivityTitle] = input.Title,
                [NotificationFacts.BudgetLine] = input.LineId,
                [NotificationFacts.OfficerName] = input.OfficerName,
                [NotificationFacts.EndDate] = input.PlannedEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [NotificationFacts.ActivityUrl] = "/can-bo/hoat-dong.html?id=" + Uri.EscapeDataString(input.ActivityId),
            });
            if (notificationEvent == NotificationEvent.ActivityStartReminder)
            {
                request = request with
                {
                    Facts = new Dictionary<string, string>(request.Facts)
                    {
                        [NotificationFacts.StartDate] = input.PlannedStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                };
            }

            string? failure;
            try
            {
                var outcome = await context.CallActivityAsync<NotificationOutcome>(nameof(SendNotificationActivity), request, RetryPolicies.Email);
                failure = outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures);
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }

            await StepAsync(ActivityStepKind.Note, failure is null
                ? $"Đã gửi thư {NotificationText.Event(notificationEvent)} tới {NotificationText.Audience(audience)}."
                : $"Không gửi được thư {NotificationText.Event(notificationEvent)} tới {NotificationText.Audience(audience)}: {failure}");
        }
    }
}

/// <summary>Input of <see cref="ProgrammeActivityWorkflow"/>. Instances in flight hold serialized copies: only ever add fields.</summary>
public sealed record ActivityWorkflowInput(
    string ActivityId,
    string Title,
    string LineId,
    string Unit,
    string OfficerName,
    DateOnly PlannedStart,
    DateOnly PlannedEnd)
{
    public int ReminderDaysBefore { get; init; } = 3;

    public int EscalationDays { get; init; } = 10;

    public int RepeatEscalationDays { get; init; } = 30;

    public int MaxEscalations { get; init; } = 3;

    public static ActivityWorkflowInput For(ProgrammeActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(activity.Id, activity.Title, activity.LineId, activity.LeadUnit, activity.Officer.Name, activity.PlannedStart, activity.PlannedEnd);
    }
}
