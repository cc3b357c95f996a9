using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// When the workflow must act on its own, which reminders come before, and which officers' tasks are open: all read
/// from the status's declaration in <see cref="StatusTable"/> and the stored state.
/// </summary>
internal sealed class Deadlines(ProgrammeCatalogue catalogue, DeadlinePlanner planner)
{
    /// <summary>
    /// When the workflow acts on its own if nobody does, by the wait's <see cref="DeadlinePath"/>: the due time (then
    /// the file is withdrawn, or an officers' step escalated), or an escalation delay after it for the enterprise's
    /// reports; then every escalation delay again.
    /// </summary>
    public DateTimeOffset? NextDeadline(Application a)
    {
        var step = StepDeadline(a);
        var payment = PaymentDeadline(a)?.At;
        return step is null ? payment : payment is null ? step : payment < step ? payment : step;
    }

    /// <summary>
    /// The open payable whose escalation comes first, and when: its due-by date, then every escalation delay again (while
    /// the file is open: a closed file has no task).
    /// </summary>
    public (PayableRecord Payable, DateTimeOffset At)? PaymentDeadline(Application a)
    {
        if (StatusTable.WaitOf(a) is null)
        {
            return null;
        }

        var delay = Math.Max(1, PolicyOf(a).EscalationDelayWorkingDays);
        (PayableRecord Payable, DateTimeOffset At)? first = null;
        foreach (var payable in a.Lifecycle.OpenPayables)
        {
            var at = payable.DueUtc;
            for (var i = 0; i < payable.Escalations; i++)
            {
                at = planner.WorkingDaysFrom(at, delay);
            }

            if (first is null || at < first.Value.At)
            {
                first = (payable, at);
            }
        }

        return first;
    }

    DateTimeOffset? StepDeadline(Application a)
    {
        var state = a.Lifecycle;
        if (StatusTable.WaitOf(a) is not { } wait || state.StepDueUtc is not { } due)
        {
            return null;
        }

        if (wait.Path == DeadlinePath.WithdrawAtDue)
        {
            return due;
        }

        var policy = PolicyOf(a);
        var at = wait.Path == DeadlinePath.EscalateAfterGrace ? planner.WorkingDaysFrom(due, policy.EscalationDelayWorkingDays) : due;
        for (var i = 0; i < state.StepEscalations; i++)
        {
            at = planner.WorkingDaysFrom(at, Math.Max(1, policy.EscalationDelayWorkingDays));
        }

        return at;
    }

    /// <summary>
    /// Reminders of the current step at the policy's offsets from its due time, up to the next deadline, and of each open
    /// payable not yet escalated at the offsets up to its due-by day (an officers' task: none after it).
    /// </summary>
    public List<Nudge> NudgesOf(Application a, DateTimeOffset? nextDeadline)
    {
        var nudges = StepNudges(a, StepDeadline(a));
        if (StatusTable.WaitOf(a) is null)
        {
            return nudges;
        }

        foreach (var payable in a.Lifecycle.OpenPayables.Where(p => p.Escalations == 0))
        {
            foreach (var offset in PolicyOf(a).ReminderOffsetDays.Where(o => o <= 0).Order())
            {
                var at = planner.ReminderAt(payable.DueUtc, offset);
                if (at >= payable.DueUtc || at <= a.UpdatedAtUtc)
                {
                    continue;
                }

                var facts = StatusTable.PaymentReminder.FactsOf(a).Append((NotificationFacts.PaymentName, payable.Name))
                    .Append((NotificationFacts.PayableAmountVnd, Facts.Raw(payable.AmountVnd))).Append((NotificationFacts.DueDate, Facts.Iso(payable.DueUtc))).ToArray();
                nudges.Add(new Nudge(at, Facts.Request(a, StatusTable.PaymentReminder.EventAt(offset), $"payment-{payable.Id}-reminder{offset:+0;-0;0}",
                    StatusTable.PaymentReminder.Audience, facts)));
            }
        }

        // The workflow sends the reminders before it acts on the next deadline: one due after it comes with the result after.
        return [.. nudges.Where(n => nextDeadline is null || n.AtUtc < nextDeadline.Value)];
    }

    List<Nudge> StepNudges(Application a, DateTimeOffset? nextDeadline)
    {
        var state = a.Lifecycle;
        if (nextDeadline is null || state.StepDueUtc is not { } due || state.StepEscalations > 0
            || StatusTable.WaitOf(a) is not { Reminder: { } reminder } wait)
        {
            return [];
        }

        var nudges = new List<Nudge>();
        foreach (var offset in PolicyOf(a).ReminderOffsetDays.Order())
        {
            // Only enterprise steps get reminders after the due date; officers' overdue steps escalate instead.
            var at = planner.ReminderAt(due, offset);
            if ((offset > 0 && !wait.Enterprise) || at >= nextDeadline.Value || at <= a.UpdatedAtUtc)
            {
                continue;
            }

            var step = $"{a.Status}-{state.CurrentCheckIn}-{state.Supplementations.Count}-{Facts.Date(due).Replace('/', '-')}";
            var facts = reminder.FactsOf(a).Append((NotificationFacts.DueDate, Facts.Iso(due))).ToArray();
            nudges.Add(new Nudge(at, Facts.Request(a, reminder.EventAt(offset), $"{step}-reminder{offset:+0;-0;0}", reminder.Audience, facts)));
        }

        return nudges;
    }

    /// <summary>The officers' tasks open in the application's state (what the inbox shows).</summary>
    public static List<OpenTask> OpenTasksOf(Application a)
    {
        var state = a.Lifecycle;
        if (StatusTable.WaitOf(a) is not { } wait)
        {
            return [];
        }

        var tasks = new List<OpenTask>();
        if (wait.Task is { } task)
        {
            tasks.Add(new OpenTask(task.Role, task.Step, state.StepDueUtc));
        }

        if (wait.SideTask is { } side && side.When(state))
        {
            tasks.Add(new OpenTask(side.Task.Role, side.Task.Step, state.StepDueUtc));
        }

        tasks.AddRange(state.OpenPayables.Select(p => new OpenTask(StatusTable.PaymentTask.Role, StatusTable.PaymentTask.Step, p.DueUtc)));

        return tasks;
    }

    WorkflowPolicy PolicyOf(Application a) => catalogue.FindKind(a.Submission.SupportKindId)?.Policy ?? catalogue.DefaultPolicy;
}
