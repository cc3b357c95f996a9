using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email.Templates;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>
/// Every event, end to end: the notification service renders the template and sends it with the real SendGrid client
/// to the capture endpoint; the test reads the captured SendGrid v3 JSON: recipient, Vietnamese subject, key facts,
/// an enterprise name with &lt;script&gt; and &amp; escaped in HTML, custom_args.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailPerEventTests(AzuriteFixture azurite) : CapturedEmailTests(azurite, "emailevents")
{
    const string EnterpriseName = "Công ty <script>alert(1)</script> & Cộng sự";

    /// <summary>Sample facts: raw value as a workflow gives it → what the reader sees.</summary>
    static readonly Dictionary<string, (string Raw, string Shown)> Samples = new()
    {
        [NotificationFacts.DueDate] = ("2026-03-31", "31/03/2026"),
        [NotificationFacts.MissingItems] = ("Bản sao giấy chứng nhận đăng ký doanh nghiệp\nBáo cáo tài chính năm 2025", "Báo cáo tài chính năm 2025"),
        [NotificationFacts.ResubmittedDate] = ("2026-03-20", "20/03/2026"),
        [NotificationFacts.Assignee] = ("Trần Văn Bình", "Trần Văn Bình"),
        [NotificationFacts.ProposedAmountVnd] = ("120000000", "120.000.000 đồng"),
        [NotificationFacts.ApprovedAmountVnd] = ("1234000000", "1.234.000.000 đồng"),
        [NotificationFacts.DecisionDate] = ("2026-04-15T03:00:00Z", "15/04/2026"),
        [NotificationFacts.DecisionDocumentUrl] = ("/documents/qd-123.docx", EmailTestServices.PublicBaseUrl + "/documents/qd-123.docx"),
        [NotificationFacts.Note] = ("Lưu ý <i>mục 3</i> & phụ lục", "Lưu ý <i>mục 3</i> & phụ lục"),
        [NotificationFacts.Reason] = ("Không thuộc đối tượng hỗ trợ của mục III.5", "Không thuộc đối tượng hỗ trợ của mục III.5"),
        [NotificationFacts.PeriodName] = ("báo cáo định kỳ quý II/2026", "báo cáo định kỳ quý II/2026"),
        [NotificationFacts.ReviewResult] = ("Đạt yêu cầu", "Đạt yêu cầu"),
        [NotificationFacts.Decision] = ("Chấp thuận", "Chấp thuận"),
        [NotificationFacts.NewDueDate] = ("2026-07-31", "31/07/2026"),
        [NotificationFacts.Result] = ("Đạt", "Đạt"),
        [NotificationFacts.EvaluationDate] = ("2026-12-10", "10/12/2026"),
        [NotificationFacts.WithdrawnDate] = ("2026-05-05", "05/05/2026"),
        [NotificationFacts.Year] = ("2025", "2025"),
        [NotificationFacts.ReportUrl] = ("/reports/2025", EmailTestServices.PublicBaseUrl + "/reports/2025"),
        [NotificationFacts.StepName] = ("xem xét báo cáo định kỳ lần 1/2", "xem xét báo cáo định kỳ lần 1/2"),
        [NotificationFacts.AsOfDate] = ("2025-12-15", "15/12/2025"),
        [NotificationFacts.EnterpriseCount] = ("17", "17 doanh nghiệp"),
        [NotificationFacts.ApprovedMillionVnd] = ("5310.5", "5.310,5 triệu đồng"),
        [NotificationFacts.DisbursedMillionVnd] = ("1234", "1.234 triệu đồng"),
        [NotificationFacts.ActivityTitle] = ("Lớp tập huấn <b>Lean</b> & 5S", "Lớp tập huấn <b>Lean</b> & 5S"),
        [NotificationFacts.BudgetLine] = ("I.3", "I.3"),
        [NotificationFacts.OfficerName] = ("Nguyễn Văn An", "Nguyễn Văn An"),
        [NotificationFacts.StartDate] = ("2026-04-10", "10/04/2026"),
        [NotificationFacts.EndDate] = ("2026-04-12", "12/04/2026"),
        [NotificationFacts.ActivityUrl] = ("/can-bo/hoat-dong.html?id=hd-x", EmailTestServices.PublicBaseUrl + "/can-bo/hoat-dong.html?id=hd-x"),
        [NotificationFacts.ReportTitle] = ("Báo cáo 6 tháng đầu năm 2026", "Báo cáo 6 tháng đầu năm 2026"),
        [NotificationFacts.UnitName] = ("Sở Công Thương", "Sở Công Thương"),
        [NotificationFacts.Addressee] = ("Ủy ban nhân dân thành phố Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"),
        [NotificationFacts.InputUrl] = ("/don-vi/bao-cao.html#run=rr-x&unit=sct&access=t0k3n", EmailTestServices.PublicBaseUrl + "/don-vi/bao-cao.html#run=rr-x&unit=sct&access=t0k3n"),
        [NotificationFacts.RunUrl] = ("/can-bo/bao-cao.html?id=rr-x", EmailTestServices.PublicBaseUrl + "/can-bo/bao-cao.html?id=rr-x"),
        [NotificationFacts.DecisionNumber] = ("15/QĐ-SKHCN", "15/QĐ-SKHCN"),
        [NotificationFacts.PaymentName] = ("kinh phí đợt 1 (báo cáo định kỳ lần 1)", "kinh phí đợt 1 (báo cáo định kỳ lần 1)"),
        [NotificationFacts.PayableAmountVnd] = ("100000000", "100.000.000 đồng"),
        [NotificationFacts.CouncilName] = ("Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn", "Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn"),
        [NotificationFacts.MemberEmail] = ("phan.bien@udn.example.vn", "phan.bien@udn.example.vn"),
        [NotificationFacts.MemberName] = ("Phạm <i>Phản</i> Biện", "Phạm <i>Phản</i> Biện"),
        [NotificationFacts.MemberTitle] = ("PGS.TS.", "PGS.TS."),
        [NotificationFacts.MemberRole] = ("Ủy viên phản biện", "Ủy viên phản biện"),
        [NotificationFacts.MemberUrl] = ("/hoi-dong/phieu.html#council=hd-x&member=m4&access=t0k3n", EmailTestServices.PublicBaseUrl + "/hoi-dong/phieu.html#council=hd-x&member=m4&access=t0k3n"),
        [NotificationFacts.Applications] = ("NSCL-2026-7K3M9Q – Công ty A: ISO 9001\nNSCL-2026-8P2N4R – Công ty B: Lean", "NSCL-2026-8P2N4R – Công ty B: Lean"),
        [NotificationFacts.CouncilTask] = ("đánh giá các hồ sơ đề nghị hỗ trợ sau", "đánh giá các hồ sơ đề nghị hỗ trợ sau"),
        [NotificationFacts.LinkReissued] = ("1", "thu hồi"),
        [NotificationFacts.PendingMembers] = ("Võ Văn An – Ủy viên\nLê Thị Bình – Ủy viên phản biện", "Lê Thị Bình – Ủy viên phản biện"),
        [NotificationFacts.CouncilUrl] = ("/can-bo/hoi-dong.html?id=hd-x", EmailTestServices.PublicBaseUrl + "/can-bo/hoi-dong.html?id=hd-x"),
        [NotificationFacts.PaidAmountVnd] = ("66666000", "66.666.000 đồng"),
        [NotificationFacts.PaidDate] = ("2026-04-20", "20/04/2026"),
        [NotificationFacts.CallTitle] = ("Đợt tuyển chọn <b>NSCL</b> & 2026", "Đợt tuyển chọn <b>NSCL</b> & 2026"),
        [NotificationFacts.CloseDate] = ("2026-03-13", "13/03/2026"),
        [NotificationFacts.EnvelopeAmountVnd] = ("500000000", "500.000.000 đồng"),
        [NotificationFacts.ApplicationCount] = ("3", "3"),
        [NotificationFacts.CallUrl] = ("/can-bo/dot-tuyen-chon.html?id=dot-x", EmailTestServices.PublicBaseUrl + "/can-bo/dot-tuyen-chon.html?id=dot-x"),
        [NotificationFacts.SelectionName] = ("đặt hàng", "đặt hàng"),
    };

    /// <summary>The subject of every event with the samples above ({0} = tracking code). The note lists these.</summary>
    static readonly Dictionary<NotificationEvent, string> Subjects = new()
    {
        [NotificationEvent.Receipt] = "[NSCL] Đã tiếp nhận hồ sơ {0}",
        [NotificationEvent.SupplementationRequested] = "[NSCL] Đề nghị bổ sung hồ sơ {0} trước ngày 31/03/2026",
        [NotificationEvent.SupplementationReminder] = "[NSCL] Nhắc bổ sung hồ sơ {0}: hạn 31/03/2026",
        [NotificationEvent.ResubmissionReceived] = "[NSCL] Hồ sơ {0} đã được doanh nghiệp bổ sung",
        [NotificationEvent.AppraisalAssigned] = "[NSCL] Phân công thẩm định hồ sơ {0}, hạn 31/03/2026",
        [NotificationEvent.AppraisalReminder] = "[NSCL] Nhắc hạn thẩm định hồ sơ {0}: 31/03/2026",
        [NotificationEvent.AppraisalEscalated] = "[NSCL] Hồ sơ {0} quá hạn thẩm định (31/03/2026)",
        [NotificationEvent.ApprovalRequested] = "[NSCL] Trình phê duyệt hồ sơ {0}",
        [NotificationEvent.ApprovalReminder] = "[NSCL] Nhắc hạn phê duyệt hồ sơ {0}: 31/03/2026",
        [NotificationEvent.ApprovalEscalated] = "[NSCL] Hồ sơ {0} quá hạn phê duyệt (31/03/2026)",
        [NotificationEvent.DecisionSigningEscalated] = "[NSCL] Hồ sơ {0} quá hạn ký, ban hành quyết định (31/03/2026)",
        [NotificationEvent.Approved] = "[NSCL] Hồ sơ {0} đã được phê duyệt",
        [NotificationEvent.Rejected] = "[NSCL] Hồ sơ {0} không được phê duyệt",
        [NotificationEvent.CheckInReminderBefore] = "[NSCL] Sắp đến hạn nộp báo cáo định kỳ quý II/2026 (31/03/2026) – hồ sơ {0}",
        [NotificationEvent.CheckInReminderDue] = "[NSCL] Hôm nay là hạn nộp báo cáo định kỳ quý II/2026 – hồ sơ {0}",
        [NotificationEvent.CheckInReminderOverdue] = "[NSCL] Quá hạn nộp báo cáo định kỳ quý II/2026 (hạn 31/03/2026) – hồ sơ {0}",
        [NotificationEvent.CheckInEscalated] = "[NSCL] Doanh nghiệp chưa nộp báo cáo định kỳ quý II/2026 – hồ sơ {0}",
        [NotificationEvent.CheckInReviewed] = "[NSCL] Kết quả xem xét báo cáo định kỳ quý II/2026 – hồ sơ {0}",
        [NotificationEvent.ExtensionDecided] = "[NSCL] Kết quả đề nghị gia hạn – hồ sơ {0}",
        [NotificationEvent.FinalEvaluationResult] = "[NSCL] Kết quả nghiệm thu hồ sơ {0}: Đạt",
        [NotificationEvent.Withdrawn] = "[NSCL] Hồ sơ {0} dừng xử lý",
        [NotificationEvent.Expired] = "[NSCL] Dừng xử lý, trả hồ sơ {0}",
        [NotificationEvent.Cancelled] = "[NSCL] Hồ sơ {0} đã bị hủy",
        [NotificationEvent.YearEndReportReady] = "[NSCL] Báo cáo kết quả năm 2025 đã sẵn sàng",
        [NotificationEvent.StepEscalated] = "[NSCL] Hồ sơ {0} quá hạn xem xét báo cáo định kỳ lần 1/2 (31/03/2026)",
        [NotificationEvent.ActivityStartReminder] = "[NSCL] Hoạt động sắp bắt đầu ngày 10/04/2026: Lớp tập huấn <b>Lean</b> & 5S",
        [NotificationEvent.ActivityResultRequested] = "[NSCL] Đề nghị báo cáo kết quả hoạt động: Lớp tập huấn <b>Lean</b> & 5S",
        [NotificationEvent.ActivityResultEscalated] = "[NSCL] Hoạt động chưa có kết quả: Lớp tập huấn <b>Lean</b> & 5S",
        [NotificationEvent.ReportInputRequested] = "[NSCL] Đề nghị gửi số liệu Báo cáo 6 tháng đầu năm 2026, hạn 31/03/2026",
        [NotificationEvent.ReportInputReminder] = "[NSCL] Nhắc gửi số liệu Báo cáo 6 tháng đầu năm 2026: hạn 31/03/2026",
        [NotificationEvent.ReportInputEscalated] = "[NSCL] Sở Công Thương chưa gửi số liệu Báo cáo 6 tháng đầu năm 2026 (hạn 31/03/2026)",
        [NotificationEvent.ReportDraftReminder] = "[NSCL] Nhắc hạn gửi Báo cáo 6 tháng đầu năm 2026: 31/03/2026",
        [NotificationEvent.ReportApprovalReminder] = "[NSCL] Nhắc duyệt Báo cáo 6 tháng đầu năm 2026: hạn gửi 31/03/2026",
        [NotificationEvent.ReportOverdue] = "[NSCL] Báo cáo 6 tháng đầu năm 2026 quá hạn gửi (31/03/2026)",
        [NotificationEvent.DecisionSigningRequested] = "[NSCL] Đề nghị ký, ban hành quyết định phê duyệt hỗ trợ hồ sơ {0}",
        [NotificationEvent.DecisionSigningReminder] = "[NSCL] Nhắc hạn ký, ban hành quyết định hồ sơ {0}: 31/03/2026",
        [NotificationEvent.RecognitionSigningRequested] = "[NSCL] Đề nghị ký, ban hành quyết định công nhận kết quả thực hiện nhiệm vụ hồ sơ {0}",
        [NotificationEvent.RecognitionSigningReminder] = "[NSCL] Nhắc hạn ký, ban hành quyết định công nhận kết quả hồ sơ {0}: 31/03/2026",
        [NotificationEvent.RecognitionSigningEscalated] = "[NSCL] Hồ sơ {0} quá hạn ký, ban hành quyết định công nhận kết quả (31/03/2026)",
        [NotificationEvent.PaymentRecorded] = "[NSCL] Đã chi trả kinh phí đợt 1 (báo cáo định kỳ lần 1) – hồ sơ {0}",
        [NotificationEvent.PaymentReminder] = "[NSCL] Nhắc hạn chi trả kinh phí hồ sơ {0}: 31/03/2026",
        [NotificationEvent.CouncilMemberInvited] = "[NSCL] Mời tham gia Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn, hạn họp 31/03/2026",
        [NotificationEvent.CouncilMemberReminder] = "[NSCL] Nhắc kê khai, chấm phiếu Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn, hạn 31/03/2026",
        [NotificationEvent.CouncilEscalated] = "[NSCL] Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn: thành viên chưa kê khai, chấm phiếu",
        [NotificationEvent.CouncilOverdue] = "[NSCL] Hội đồng tư vấn <b>thẩm định</b> & tuyển chọn quá hạn họp (31/03/2026)",
        [NotificationEvent.CallClosed] = "[NSCL] Đợt tuyển chọn đã hết hạn nhận hồ sơ: Đợt tuyển chọn <b>NSCL</b> & 2026",
        [NotificationEvent.CallFinalisationReminder] = "[NSCL] Nhắc hạn kết thúc đợt tuyển chọn: Đợt tuyển chọn <b>NSCL</b> & 2026",
        [NotificationEvent.CallFinalisationEscalated] = "[NSCL] Đợt tuyển chọn quá hạn kết thúc: Đợt tuyển chọn <b>NSCL</b> & 2026",
        [NotificationEvent.AssignmentOffered] = "[NSCL] Đề nghị xác nhận nhận nhiệm vụ {0} (đặt hàng)",
    };


    public static TheoryData<NotificationEvent> Events() => [.. Enum.GetValues<NotificationEvent>()];

    [Fact]
    public void Subjects_CoverEveryEvent() => Assert.Equal(Enum.GetValues<NotificationEvent>().Order(), Subjects.Keys.Order());

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Send_Event_CapturedMessageHasRecipientSubjectFactsAndEscapedName(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);
        var aboutApplication = e != NotificationEvent.YearEndReportReady && !e.ToString().StartsWith("Activity", StringComparison.Ordinal)
            && !e.ToString().StartsWith("Report", StringComparison.Ordinal) && !e.ToString().StartsWith("Council", StringComparison.Ordinal)
            && !e.ToString().StartsWith("Call", StringComparison.Ordinal);
        Application? application = aboutApplication ? await EmailTestServices.StoreApplicationAsync(Services, EnterpriseName) : null;
        var applicationId = application?.Id ?? $"year-2025-{Guid.NewGuid():N}";
        var facts = spec.Required.Concat(spec.OptionalFacts).ToDictionary(n => n, n => Samples[n].Raw);
        var request = new NotificationRequest(applicationId, e, "1", spec.Audience, EmailTestServices.Unit, facts);

        var outcome = await Services.GetRequiredService<INotificationService>().SendAsync(request, CancellationToken.None);

        var expectedRecipients = ExpectedRecipients(spec.Audience, application);
        Assert.Equal((expectedRecipients.Count, 0, ""), (outcome.Sent, outcome.AlreadySent, string.Join("; ", outcome.Failures)));
        var messages = await Capture.MessagesForAsync(applicationId);
        Assert.Equal(expectedRecipients.Order(), messages.Select(m => m.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!).Order());
        foreach (var message in messages)
        {
            var personalization = message.GetProperty("personalizations")[0];
            var subject = personalization.TryGetProperty("subject", out var s) ? s : message.GetProperty("subject");
            Assert.Equal(string.Format(Subjects[e], application?.TrackingCode), subject.GetString());
            Assert.Equal("no-reply@sokhcn.example.vn", message.GetProperty("from").GetProperty("email").GetString());
            var args = personalization.GetProperty("custom_args");
            Assert.Equal((applicationId, e.ToString(), "1"), (args.GetProperty("applicationId").GetString(), args.GetProperty("event").GetString(), args.GetProperty("occurrence").GetString()));
            Assert.Equal(32, args.GetProperty("messageKey").GetString()!.Length);

            var content = message.GetProperty("content");
            Assert.Equal(["text/plain", "text/html"], content.EnumerateArray().Select(c => c.GetProperty("type").GetString()!));
            var text = content[0].GetProperty("value").GetString()!;
            var html = content[1].GetProperty("value").GetString()!;
            foreach (var name in facts.Keys.Where(n => n != NotificationFacts.MemberEmail)) // the member's address is whom it is sent to, not shown
            {
                Assert.Contains(Samples[name].Shown, text);
                Assert.Contains(HtmlText.Escape(Samples[name].Shown), html);
            }

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<i>", html);
            AssertGreetingAndContact(spec.Audience, text);
            if (application is not null)
            {
                Assert.Contains("Công ty &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cộng sự", html);
                Assert.Contains(EnterpriseName, text);
                Assert.Contains(application.TrackingCode, text);
                AssertLink(spec.Audience, application.Id, text);
            }
        }
    }

    /// <summary>Officers are greeted by title (and name when configured), an overdue approval goes to the Director's office; the enterprise learns whom to contact.</summary>
    static void AssertGreetingAndContact(NotificationAudience audience, string text)
    {
        Assert.DoesNotContain("Quý cán bộ", text, StringComparison.Ordinal);
        if (audience == NotificationAudience.Enterprise)
        {
            Assert.Contains(EmailTestServices.UnitContactLine, text, StringComparison.Ordinal);
            return;
        }

        Assert.DoesNotContain("Liên hệ về hồ sơ", text, StringComparison.Ordinal);
        switch (audience)
        {
            case NotificationAudience.HeadOfDivision:
                Assert.Contains($"Kính gửi: Đồng chí {EmailTestServices.HeadOfDivisionName}, {EmailTestServices.HeadOfDivisionTitle},", text, StringComparison.Ordinal);
                break;
            case NotificationAudience.DirectorsOffice:
                Assert.Contains("Kính gửi: Chánh Văn phòng Sở,", text, StringComparison.Ordinal);
                Assert.DoesNotContain("đôn đốc", text, StringComparison.Ordinal);
                break;
            case NotificationAudience.Appraisers:
                Assert.Contains("Kính gửi: Cán bộ thẩm định hồ sơ,", text, StringComparison.Ordinal);
                break;
            case NotificationAudience.Leaders:
                Assert.Contains("Kính gửi: Lãnh đạo Sở,", text, StringComparison.Ordinal);
                break;
            case NotificationAudience.Accountants:
                Assert.Contains("Kính gửi: Kế toán,", text, StringComparison.Ordinal);
                break;
            case NotificationAudience.CouncilMember:
                Assert.Contains("Kính gửi: PGS.TS. Phạm <i>Phản</i> Biện,", text, StringComparison.Ordinal);
                break;
            default:
                break;
        }
    }

    static List<string> ExpectedRecipients(NotificationAudience audience, Application? application) => audience switch
    {
        NotificationAudience.Enterprise => [application!.Submission.ContactEmail],
        NotificationAudience.Appraisers => [EmailTestServices.Appraiser],
        NotificationAudience.Leaders => [EmailTestServices.Leader],
        NotificationAudience.HeadOfDivision => [EmailTestServices.HeadOfDivision],
        NotificationAudience.LeadUnit => [EmailTestServices.LeadUnit],
        NotificationAudience.DirectorsOffice => [EmailTestServices.DirectorsOffice],
        NotificationAudience.Accountants => [EmailTestServices.Accountant],
        NotificationAudience.CouncilMember => ["phan.bien@udn.example.vn"],
        _ => [EmailTestServices.Officer, EmailTestServices.SecondOfficer],
    };

    /// <summary>The enterprise gets its secret status link; officers get the plain view, never a token.</summary>
    static void AssertLink(NotificationAudience audience, string applicationId, string text)
    {
        if (audience == NotificationAudience.Enterprise)
        {
            // The status page, the token in the fragment (never sent to a server).
            Assert.Contains($"{EmailTestServices.PublicBaseUrl}/trang-thai.html#id={applicationId}&access=", text);
        }
        else
        {
            Assert.Contains($"{EmailTestServices.PublicBaseUrl}/can-bo/ho-so.html?id={applicationId}", text);
            Assert.DoesNotContain("access=", text);
        }
    }
}
