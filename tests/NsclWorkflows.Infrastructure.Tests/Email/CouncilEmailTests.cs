using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Tests.Email;

/// <summary>The council member's e-mails: greeted by title and name, the link as a button, hostile names escaped.</summary>
public sealed class CouncilEmailTests
{
    static readonly EmailTemplates Templates = EmailTemplates.LoadEmbedded();

    static Dictionary<string, string> Facts(string name, string? title) => new(StringComparer.Ordinal)
    {
        [NotificationFacts.CouncilName] = "Hội đồng tư vấn thẩm định nhiệm vụ NSCL năm 2026",
        [NotificationFacts.MemberName] = name,
        [NotificationFacts.MemberTitle] = title ?? string.Empty,
        [NotificationFacts.MemberRole] = "Ủy viên phản biện",
        [NotificationFacts.Applications] = "NSCL-2026-7K3M9Q – Công ty TNHH Ánh Dương: Áp dụng ISO 9001\nNSCL-2026-8P2N4R – Công ty CP Biển Xanh: Lean",
        [NotificationFacts.DueDate] = "20/03/2026",
        [NotificationFacts.MemberUrl] = "https://nscl.example.vn/hoi-dong/phieu.html#council=hd-1&member=m4&access=abc",
        [NotificationFacts.CouncilTask] = "đánh giá các hồ sơ đề nghị hỗ trợ sau",
    };

    [Fact]
    public void Invited_MemberWithTitle_GreetsByTitleAndNameListsApplicationsAndGivesTheLinkAsAButton()
    {
        var email = new EmailRenderer(Templates).Render(NotificationEvent.CouncilMemberInvited, Facts("Phạm Văn Biện", "PGS.TS."));

        Assert.Contains("Kính gửi: PGS.TS. Phạm Văn Biện,", email.Text, StringComparison.Ordinal);
        Assert.Contains("<li>NSCL-2026-8P2N4R – Công ty CP Biển Xanh: Lean</li>", email.Html, StringComparison.Ordinal);
        Assert.Contains(">Kê khai và chấm phiếu</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains("vai trò Ủy viên phản biện", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_MemberWithoutTitleAndAHostileName_GreetsByNameEscaped()
    {
        var email = new EmailRenderer(Templates).Render(NotificationEvent.CouncilMemberReminder, Facts("<script>alert(1)</script> An", null));

        Assert.Contains("Kính gửi: &lt;script&gt;alert(1)&lt;/script&gt; An,", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Invited_EvaluationCouncilWithAReissuedLink_SaysNghiemThuAndThatTheOldLinkIsRevoked()
    {
        var facts = Facts("Phạm Văn Biện", null);
        facts[NotificationFacts.CouncilTask] = "đánh giá, nghiệm thu kết quả thực hiện các nhiệm vụ sau";
        facts[NotificationFacts.LinkReissued] = "1";

        var email = new EmailRenderer(Templates).Render(NotificationEvent.CouncilMemberInvited, facts);
        var first = new EmailRenderer(Templates).Render(NotificationEvent.CouncilMemberInvited, Facts("Phạm Văn Biện", null));

        Assert.Contains("vai trò Ủy viên phản biện, đánh giá, nghiệm thu kết quả thực hiện các nhiệm vụ sau:", email.Text, StringComparison.Ordinal);
        Assert.Contains("Đường dẫn gửi trước đây đã bị thu hồi", email.Text, StringComparison.Ordinal);
        Assert.Contains("Đường dẫn gửi trước đây đã bị thu hồi", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("thu hồi", first.Text, StringComparison.Ordinal);
        Assert.Contains("vai trò Ủy viên phản biện, đánh giá các hồ sơ đề nghị hỗ trợ sau:", first.Text, StringComparison.Ordinal);
    }
}
