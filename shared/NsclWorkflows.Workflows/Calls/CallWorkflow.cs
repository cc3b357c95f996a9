using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Workflows.Calls;

/// <summary>
/// Follows one call for applications (one instance per call, <see cref="CallIds.WorkflowInstanceId"/>): at the open
/// date it opens (the envelope held: the reservation made when the leader opened it, applied again as a replay); at the
/// close it records the number of applications and tells the officers of the unit that appraisal can begin; if the call
/// is not finalised by its due date (<see cref="Domain.Catalogue.CallPolicy.FinalisationWorkingDays"/> after the close)
/// the officers are reminded, and the leaders are told <see cref="Domain.Catalogue.CallPolicy.EscalationWorkingDays"/>
/// later; then it stops following it. Finalising is a leader's action (<c>POST /api/calls/{id}/finalise</c>, which
/// releases the envelope's rest and raises <see cref="FinalisedEvent"/>): the workflow then ends. A step or an e-mail
/// that fails after its retries is noted on the call and the workflow goes on: it never ends Failed.
/// </summary>
public sealed class CallWorkflow : TaskOrchestrator<CallWorkflowInput, string>
{
    /// <summary>Raised by the API when a leader finalises the call.</summary>
    public const string FinalisedEvent = "CallFinalised";

    public const string Finalised = "Finalised";

    /// <summary>What the workflow returns when it stopped following a call never finalised.</summary>
    public const string Unattended = "Unattended";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CallWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var finalised = context.WaitForExternalEvent<string>(FinalisedEvent);
        var steps = new Steps(context, input);

        if (await WaitAsync(context, finalised, input.OpensAtUtc.UtcDateTime))
        {
            return Finalised;
        }

        await steps.StepAsync(CallStepKind.Open, null);

        if (await WaitAsync(context, finalised, input.ClosesAtUtc.UtcDateTime))
        {
            return Finalised;
        }

        var closed = await steps.StepAsync(CallStepKind.Close, null);
        if (closed?.Ended == true)
        {
            return Finalised;
        }

        var applications = closed?.Applications ?? 0;
        await steps.NotifyAsync(NotificationEvent.CallClosed, "closed", NotificationAudience.Officers, applications);

        if (await WaitAsync(context, finalised, input.FinaliseDueUtc.UtcDateTime) || (await steps.StepAsync(CallStepKind.Check, null))?.Ended == true)
        {
            return Finalised;
        }

        await steps.NotifyAsync(NotificationEvent.CallFinalisationReminder, "finalisation-reminder", NotificationAudience.Officers, applications);

        if (await WaitAsync(context, finalised, input.EscalateAtUtc.UtcDateTime) || (await steps.StepAsync(CallStepKind.Check, null))?.Ended == true)
        {
            return Finalised;
        }

        await steps.NotifyAsync(NotificationEvent.CallFinalisationEscalated, "finalisation-escalated", NotificationAudience.Leaders, applications);
        await steps.StepAsync(CallStepKind.Note, "Hệ thống ngừng nhắc: đợt vẫn chưa được kết thúc sau khi đã báo lãnh đạo Sở.");
        return Unattended;
    }

    /// <summary>Waits until <paramref name="atUtc"/> or the finalised event; true when the call was finalised first.</summary>
    static async Task<bool> WaitAsync(TaskOrchestrationContext context, Task<string> finalised, DateTime atUtc)
    {
        while (!finalised.IsCompleted && context.CurrentUtcDateTime < atUtc)
        {
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(atUtc, cancelTimer.Token);
            var first = await Task.WhenAny(finalised, timer);
            if (first == finalised)
            {
                // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler.
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
            }

            // A timer can fire a little early (whole-second visibility): the loop waits again for the same instant.
        }

        return finalised.IsCompleted;
    }

    sealed class Steps(TaskOrchestrationContext context, CallWorkflowInput input)
    {
        DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        /// <summary>Runs a step; null (and nothing recorded: recording is what failed) when storage kept failing.</summary>
        public async Task<CallStepResult?> StepAsync(CallStepKind kind, string? detail)
        {
            try
            {
                return await context.CallActivityAsync<CallStepResult>(nameof(CallStepActivity), new CallStepCommand(input.CallId, kind, Now, detail),
                    RetryPolicies.Storage);
            }
            catch (TaskFailedException)
            {
                return null;
            }
        }

        public async Task NotifyAsync(NotificationEvent notificationEvent, string occurrence, NotificationAudience audience, int applications)
        {
            var facts = new Dictionary<string, string>
            {
                [NotificationFacts.CallTitle] = input.Title,
                [NotificationFacts.BudgetLine] = $"{input.LineId} năm {input.Year.ToString(CultureInfo.InvariantCulture)}",
                [NotificationFacts.CloseDate] = input.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [NotificationFacts.ApplicationCount] = applications.ToString(CultureInfo.InvariantCulture),
                [NotificationFacts.DueDate] = input.FinaliseDueUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                [NotificationFacts.CallUrl] = "/can-bo/dot-tuyen-chon.html?id=" + Uri.EscapeDataString(input.CallId),
            };
            if (notificationEvent == NotificationEvent.CallClosed)
            {
                facts[NotificationFacts.EnvelopeAmountVnd] = input.EnvelopeVnd.ToString(CultureInfo.InvariantCulture);
            }

            string? failure;
            try
            {
                var outcome = await context.CallActivityAsync<NotificationOutcome>(nameof(SendNotificationActivity),
                    new NotificationRequest(input.CallId, notificationEvent, occurrence, audience, input.Unit, facts), RetryPolicies.Email);
                failure = outcome.Failures.Count == 0 ? null : string.Join("; ", outcome.Failures);
            }
            catch (TaskFailedException ex)
            {
                failure = ex.FailureDetails.ErrorMessage;
            }

            await StepAsync(CallStepKind.Note, failure is null
                ? $"Đã gửi thư {NotificationText.Event(notificationEvent)} tới {NotificationText.Audience(audience)}."
                : $"Không gửi được thư {NotificationText.Event(notificationEvent)} tới {NotificationText.Audience(audience)}: {failure}");
        }
    }
}

/// <summary>Input of <see cref="CallWorkflow"/>. Instances in flight hold serialized copies: only ever add fields.</summary>
public sealed record CallWorkflowInput(
    string CallId,
    string Title,
    string Unit,
    string LineId,
    int Year,
    long EnvelopeVnd,
    DateOnly ClosesOn,
    DateTimeOffset OpensAtUtc,
    DateTimeOffset ClosesAtUtc,
    DateTimeOffset FinaliseDueUtc,
    DateTimeOffset EscalateAtUtc)
{
    public static CallWorkflowInput For(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.Id, call.Title, call.Unit, call.LineId, call.Year, call.EnvelopeVnd, call.ClosesOn, call.OpensAtUtc, call.ClosesAtUtc,
            call.FinaliseDueUtc, call.EscalateAtUtc);
    }
}
