using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Sends one e-mail of a report run through the notification service (its exactly-once identity: run, event,
/// occurrence, recipient) and records the outcome in the run's journal (and, for the request to a lead unit, when it
/// was mailed). The facts are read from the stored run here, and the lead unit's secret link is built here
/// (<see cref="IReportRunLinks"/>): the token never passes through workflow history. A provider that refuses for now
/// throws (the e-mail retry policy runs the activity again, and what was sent is not sent again).
/// </summary>
public sealed class NotifyReportRunActivity(IReportRunRepository runs, IReportRunLinks links, INotificationService notifications)
    : TaskActivity<ReportRunNotice, NotificationOutcome>
{
    /// <summary>The officers' page of a run.</summary>
    public static string RunPage(string runId) => "/can-bo/bao-cao.html?id=" + Uri.EscapeDataString(runId);

    public override async Task<NotificationOutcome> RunAsync(TaskActivityContext context, ReportRunNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await runs.FindAsync(input.RunId, CancellationToken.None).ConfigureAwait(false) is not { } run)
        {
            return NotificationOutcome.Nothing;
        }

        var unit = input.UnitId is null ? null : run.LeadUnits.FirstOrDefault(u => u.UnitId == input.UnitId);
        var spec = NotificationFacts.For(input.Event);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [NotificationFacts.ReportTitle] = run.Title };
        var opened = DateOnly.FromDateTime(run.CreatedAtUtc.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var due = unit is null ? run.DueDate : ReportRunRules.LeadUnitDeadline(run, opened);
        facts[NotificationFacts.DueDate] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (unit is not null)
        {
            facts[NotificationFacts.UnitName] = unit.UnitName;
        }

        if (spec.Required.Contains(NotificationFacts.InputUrl) && unit is not null)
        {
            facts[NotificationFacts.InputUrl] = links.InputPage(run.Id, unit.UnitId);
        }

        if (spec.Required.Contains(NotificationFacts.Addressee))
        {
            facts[NotificationFacts.Addressee] = run.Addressee;
            facts[NotificationFacts.PeriodName] = run.PeriodText;
        }

        if (spec.Required.Contains(NotificationFacts.RunUrl))
        {
            facts[NotificationFacts.RunUrl] = RunPage(run.Id);
        }

        if (spec.Required.Contains(NotificationFacts.StepName))
        {
            facts[NotificationFacts.StepName] = ReportRunText.Step(run.State);
        }

        var recipientUnit = spec.Audience == NotificationAudience.LeadUnit ? unit?.UnitId ?? string.Empty : Units.ScienceAndTechnology;
        var outcome = await notifications.SendAsync(
            new NotificationRequest(run.Id, input.Event, input.Occurrence, spec.Audience, recipientUnit, facts), CancellationToken.None).ConfigureAwait(false);

        var what = $"thư {NotificationText.Event(input.Event)}{(unit is null ? string.Empty : " (" + unit.UnitName + ")")} tới {NotificationText.Audience(spec.Audience)}";
        var failed = outcome.Failures.Count > 0 || outcome.Sent + outcome.AlreadySent == 0;
        var note = new ReportRunNote(input.AtUtc, "email", failed
            ? $"Không gửi được {what}: {(outcome.Failures.Count > 0 ? string.Join("; ", outcome.Failures) : "không có địa chỉ nhận")}"
            : $"Đã gửi {what}.", failed);
        await runs.UpdateAsync(run.Id, r =>
        {
            if (r.Journal.Any(n => n.Step == "email" && n.Text == note.Text && n.AtUtc == note.AtUtc))
            {
                return ValidationResult<ReportRun>.Ok(r); // a re-executed activity: recorded already
            }

            var mailed = !failed && input.Event == NotificationEvent.ReportInputRequested && unit is not null
                ? r with { LeadUnits = r.LeadUnits.Select(u => u.UnitId == unit.UnitId ? u with { MailedAtUtc = u.MailedAtUtc ?? input.AtUtc } : u).ToList() }
                : r;
            return ValidationResult<ReportRun>.Ok(ReportRunRules.Note(mailed, note));
        }, CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }
}
