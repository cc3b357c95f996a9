using System.Globalization;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Workflows.Councils;

/// <summary>
/// Sends one e-mail of a council through the notification service (exactly once per council, event, occurrence and
/// recipient) and records the outcome in the council's journal (and, for an invitation, when the member was mailed).
/// The facts are read from the stored council here, and the member's secret link is built here (<see cref="ICouncilLinks"/>):
/// the token never passes through workflow history.
/// </summary>
public sealed class NotifyCouncilActivity(ICouncilRepository councils, ICouncilLinks links, INotificationService notifications)
    : TaskActivity<CouncilNotice, NotificationOutcome>
{
    /// <summary>The occurrence of an invitation sent again with a re-issued link (followed by the new link's nonce).</summary>
    public const string RelinkOccurrencePrefix = "relink-";

    /// <summary>The officers' page of a council.</summary>
    public static string CouncilPage(string councilId) => "/can-bo/hoi-dong.html?id=" + Uri.EscapeDataString(councilId);

    public override Task<NotificationOutcome> RunAsync(TaskActivityContext context, CouncilNotice input) => SendAsync(input);

    /// <summary>Sends the notice (the activity's work; also the API's when a leader re-issues a member's link).</summary>
    public async Task<NotificationOutcome> SendAsync(CouncilNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await councils.FindAsync(input.CouncilId, CancellationToken.None).ConfigureAwait(false) is not { } council)
        {
            return NotificationOutcome.Nothing;
        }

        var member = input.MemberId is null ? null : council.Member(input.MemberId);
        var spec = NotificationFacts.For(input.Event);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationFacts.CouncilName] = council.Name,
            [NotificationFacts.DueDate] = council.SessionDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (spec.Audience == NotificationAudience.CouncilMember)
        {
            if (member?.LinkNonce is null)
            {
                return NotificationOutcome.Nothing;
            }

            facts[NotificationFacts.MemberEmail] = member.Email;
            facts[NotificationFacts.MemberName] = member.FullName;
            if (member.Title is { Length: > 0 } title)
            {
                facts[NotificationFacts.MemberTitle] = title;
            }

            facts[NotificationFacts.MemberUrl] = links.MemberPage(council.Id, member.Id, member.LinkNonce);
            if (spec.Required.Contains(NotificationFacts.MemberRole))
            {
                facts[NotificationFacts.MemberRole] = CouncilRules.RoleText(member.Role);
                facts[NotificationFacts.Applications] = string.Join('\n', council.Applications.Select(a => $"{a.TrackingCode} – {a.EnterpriseName}: {a.Title}"));
                facts[NotificationFacts.CouncilTask] = council.Purpose == CouncilPurpose.Evaluation
                    ? "đánh giá, nghiệm thu kết quả thực hiện các nhiệm vụ sau"
                    : "đánh giá các hồ sơ đề nghị hỗ trợ sau";
                if (input.Occurrence.StartsWith(RelinkOccurrencePrefix, StringComparison.Ordinal))
                {
                    facts[NotificationFacts.LinkReissued] = "1";
                }
            }
        }
        else
        {
            facts[NotificationFacts.CouncilUrl] = CouncilPage(council.Id);
            var pendingMembers = CouncilRules.Pending(council);
            if (pendingMembers.Count > 0 || spec.Required.Contains(NotificationFacts.PendingMembers))
            {
                facts[NotificationFacts.PendingMembers] = pendingMembers.Count == 0
                    ? "(không còn)"
                    : string.Join('\n', pendingMembers.Select(m => $"{m.FullName} – {CouncilRules.RoleText(m.Role)}"));
            }
        }

        var outcome = await notifications.SendAsync(new NotificationRequest(council.Id, input.Event, input.Occurrence, spec.Audience, council.Unit, facts),
            CancellationToken.None).ConfigureAwait(false);

        var what = $"thư {NotificationText.Event(input.Event)} tới {(member is null ? NotificationText.Audience(spec.Audience) : member.FullName)}";
        var failed = outcome.Failures.Count > 0 || outcome.Sent + outcome.AlreadySent == 0;
        var note = new CouncilNote(input.AtUtc, "email", failed
            ? $"Không gửi được {what}: {(outcome.Failures.Count > 0 ? string.Join("; ", outcome.Failures) : "không có địa chỉ nhận")}"
            : $"Đã gửi {what}.", failed);
        await councils.UpdateAsync(council.Id, c =>
        {
            if (c.Journal.Any(n => n.Step == "email" && n.Text == note.Text && n.AtUtc == note.AtUtc))
            {
                return ValidationResult<Council>.Ok(c); // a re-executed activity: recorded already
            }

            var mailed = !failed && input.Event == NotificationEvent.CouncilMemberInvited && member is not null
                ? c with { Members = [.. c.Members.Select(m => m.Id == member.Id ? m with { MailedAtUtc = m.MailedAtUtc ?? input.AtUtc } : m)] }
                : c;
            return ValidationResult<Council>.Ok(CouncilRules.Note(mailed, note));
        }, CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }
}
