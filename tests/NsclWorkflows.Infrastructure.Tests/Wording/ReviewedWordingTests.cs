using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Email;
using NsclWorkflows.Infrastructure.Email.Templates;
using NsclWorkflows.Infrastructure.Tests.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Wording;

/// <summary>
/// The wording found in review (issue 14, "Wording and format defects") stays out of what people read: every e-mail
/// as rendered, the page files (web/**/*.html, web/js/*.js), the status, notification and ledger texts, and the text
/// of every Word document; and officers' e-mails greet the person by role (the head of division as such, an overdue
/// approval to the Director's office).
/// </summary>
public sealed partial class ReviewedWordingTests
{
    /// <summary>Phrases nothing people read may carry.</summary>
    static readonly string[] Banned =
    [
        "Kính gửi Quý cán bộ", "Quý cán bộ", "giữ chỗ", "Giữ chỗ", "hoàn trả", "Hoàn trả", "Sổ kinh phí từ chối", "sổ kinh phí từ chối",
        "rất tiếc", "giai đoạn 2022–2030", "giai đoạn 2022-2030", "dừng tại đây", "rút tự động", "Lưu: VT, QLCN",
    ];

    static readonly EmailTemplates Templates = EmailTemplates.LoadEmbedded();
    static readonly Uri PublicBase = new("https://nscl.example.vn/");
    static readonly OfficialDocumentBuilder Builder = new();

    public static TheoryData<NotificationEvent> Events() => [.. Enum.GetValues<NotificationEvent>()];

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryEmail_CarriesNoReviewedPhrase(NotificationEvent e)
    {
        var email = Render(e, recipientName: null);

        AssertNoBannedPhrase($"e-mail {e}", email.Subject + "\n" + email.Html + "\n" + email.Text);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_OfficersEmail_GreetsByTitleAndNameWhenKnown(NotificationEvent e)
    {
        var audience = NotificationFacts.For(e).Audience;
        if (audience is NotificationAudience.Enterprise or NotificationAudience.LeadUnit or NotificationAudience.CouncilMember
            || (e.ToString().StartsWith("Activity", StringComparison.Ordinal) && audience == NotificationAudience.Officers))
        {
            return; // the enterprise's contact, a lead unit, the activity's own officer, a council member: greeted by their own names
        }

        var title = RecipientRoles.Title(RecipientRoles.For(audience)!);
        var anonymous = Render(e, recipientName: null).Text;
        var named = Render(e, recipientName: "Trần Văn Phong").Text;

        var expected = e == NotificationEvent.ReportDraftReminder ? "Chuyên viên phụ trách báo cáo" : title;
        Assert.Contains($"Kính gửi: {expected},", anonymous, StringComparison.Ordinal);
        Assert.Contains($"Kính gửi: Đồng chí Trần Văn Phong, {expected},", named, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Escalations_AddressTheHeadOfDivisionAndAnOverdueApprovalTheDirectorsOffice()
    {
        foreach (var e in new[] { NotificationEvent.AppraisalEscalated, NotificationEvent.StepEscalated, NotificationEvent.ActivityResultEscalated, NotificationEvent.ReportInputEscalated })
        {
            Assert.Equal(NotificationAudience.HeadOfDivision, NotificationFacts.For(e).Audience);
            Assert.StartsWith("Kính gửi: Trưởng phòng", Body(Render(e, null).Text), StringComparison.Ordinal);
        }

        // The leaders' own steps (approval, signing the decision) are not the division's to chase: the Director's office is told.
        foreach (var e in new[] { NotificationEvent.ApprovalEscalated, NotificationEvent.DecisionSigningEscalated })
        {
            var leaders = Render(e, null);
            Assert.Equal(NotificationAudience.DirectorsOffice, NotificationFacts.For(e).Audience);
            Assert.StartsWith("Kính gửi: Chánh Văn phòng Sở,", Body(leaders.Text), StringComparison.Ordinal);
            Assert.Contains("Giám đốc Sở", leaders.Text, StringComparison.Ordinal);
            foreach (var part in new[] { leaders.Subject, leaders.Html, leaders.Text })
            {
                Assert.DoesNotContain("đôn đốc", part, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Trưởng phòng", part, StringComparison.Ordinal);
                Assert.DoesNotContain("Lãnh đạo phòng", part, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryLink_IsAButtonWithAShortLabelAndTheAddressWrappingBelow(NotificationEvent e)
    {
        var html = Render(e, null).Html;

        Assert.DoesNotMatch(LinkShowingItsAddress(), html);
        foreach (Match link in Button().Matches(html))
        {
            Assert.True(link.Groups["label"].Value.Length <= 40, $"{e}: the button '{link.Groups["label"].Value}' is not short");
            var below = html[(link.Index + link.Length)..];
            Assert.Matches(@"^\s*<p style=""[^""]*word-break:break-all[^""]*"">[^<]*" + Regex.Escape(link.Groups["url"].Value) + "</p>", below);
        }
    }

    [Fact]
    public void Render_Dates_OpenTheSentenceOfApprovedAndFinalEvaluationResult()
    {
        var approved = Render(NotificationEvent.Approved, null).Text;
        var evaluated = Render(NotificationEvent.FinalEvaluationResult, null).Text;

        Assert.Contains("Ngày 31/03/2026, Sở Khoa học và Công nghệ đã phê duyệt hồ sơ đề nghị hỗ trợ của Quý doanh nghiệp.", approved, StringComparison.Ordinal);
        Assert.Contains("Ngày 31/03/2026, Hội đồng đã đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ của Quý doanh nghiệp.", evaluated, StringComparison.Ordinal);
        Assert.DoesNotContain("Quý doanh nghiệp ngày", approved + evaluated, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EnterpriseEmailWithTheUnitsContact_ShowsWhomToContact()
    {
        var facts = Facts(NotificationEvent.Receipt, null);
        facts[NotificationFacts.HandlerName] = "Phòng Quản lý khoa học";
        facts[NotificationFacts.HandlerPhone] = "0236 3822 000";
        facts[NotificationFacts.HandlerEmail] = "qlkh@danang.gov.vn";

        var email = new EmailRenderer(Templates).Render(NotificationEvent.Receipt, facts);

        Assert.Contains("Liên hệ về hồ sơ: Phòng Quản lý khoa học, điện thoại 0236 3822 000, e-mail qlkh@danang.gov.vn.", email.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:qlkh@danang.gov.vn\">qlkh@danang.gov.vn</a>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Liên hệ về hồ sơ", Render(NotificationEvent.Receipt, null).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_StatusNotificationAndLedger_CarryNoReviewedPhrase()
    {
        var texts = Enum.GetValues<ApplicationStatus>().Select(ApplicationStatusText.Vietnamese)
            .Concat(Enum.GetValues<NotificationEvent>().Select(NotificationText.Event))
            .Concat(Enum.GetValues<NotificationAudience>().Select(NotificationText.Audience))
            .Concat(Enum.GetValues<BudgetMovementKind>().Select(LedgerRules.KindText));

        AssertNoBannedPhrase("status, notification and ledger texts", string.Join("\n", texts));
        Assert.Equal("Chờ kiểm tra tính đầy đủ, hợp lệ của hồ sơ", ApplicationStatusText.Vietnamese(ApplicationStatus.AwaitingCompletenessReview));
        Assert.Equal(("tạm giữ", "hủy tạm giữ"), (LedgerRules.KindText(BudgetMovementKind.Reserve), LedgerRules.KindText(BudgetMovementKind.Release)));
    }

    [Fact]
    public void Sources_DomainAndApiTexts_CarryNoReviewedPhrase()
    {
        foreach (var folder in new[] { "shared/NsclWorkflows.Domain", "shared/NsclWorkflows.Api", "shared/NsclWorkflows.Workflows", "shared/NsclWorkflows.Infrastructure" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".email", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                AssertNoBannedPhrase(Path.GetRelativePath(RepositoryRoot(), file), File.ReadAllText(file));
            }
        }
    }

    [Fact]
    public void Pages_HtmlAndScripts_CarryNoReviewedPhraseAndNoEnglishRolesOrStates()
    {
        var web = Path.Combine(RepositoryRoot(), "web");
        var files = Directory.EnumerateFiles(web, "*.html", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(Path.Combine(web, "js"), "*.js")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertNoBannedPhrase(Path.GetRelativePath(RepositoryRoot(), file), text);
            Assert.DoesNotContain("'Đã cam kết'", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'Đã giữ", text, StringComparison.Ordinal);
        }

        Assert.Contains("giai đoạn 2022–2025, định hướng đến năm 2030", File.ReadAllText(Path.Combine(web, "index.html")), StringComparison.Ordinal);
        var nav = File.ReadAllText(Path.Combine(web, "js", "officer-nav.js"));
        Assert.DoesNotContain("roles.join(", nav, StringComparison.Ordinal);
        foreach (var role in new[] { "Officer", "Appraiser", "Leader", "Admin" })
        {
            Assert.Matches($@"\b{role}: '[^']*[^\x00-\x7F][^']*'", nav); // a Vietnamese name for every role code
        }

        var officerPage = File.ReadAllText(Path.Combine(web, "js", "officer-application.js"));
        Assert.DoesNotContain("`${c.status}", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("${l.pendingExtension.newDueDate", officerPage, StringComparison.Ordinal);
        foreach (var state in Enum.GetNames<NsclWorkflows.Domain.Lifecycle.CheckInStatus>())
        {
            Assert.Matches($@"\b{state}: '[^']*[^\x00-\x7F][^']*'", officerPage);
        }
    }

    public static TheoryData<string> DocumentCases() => new() { "appraisal", "decision", "minutes", "year-end", "report-run", "appraisal-recorded", "decision-recorded", "minutes-recorded" };

    [Theory]
    [MemberData(nameof(DocumentCases))]
    public void Build_EveryDocument_CarriesNoReviewedPhraseAndOneFilingCode(string kind)
    {
        using var doc = new WordReader(Build(kind));
        var text = AllText(doc);

        Assert.Empty(doc.ValidationErrors());
        AssertNoBannedPhrase(kind, text);
        Assert.DoesNotContain("QLCN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Người đại diện:", text, StringComparison.Ordinal);
        if (text.Contains("Lưu: VT", StringComparison.Ordinal))
        {
            Assert.Contains(ProgrammeDivision.FilingLine, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_YearEndReport_NơiNhậnSaysNhưTrênAndNeverRepeatsTheAddressee()
    {
        var data = YearEndScenario.Report();
        using var doc = new WordReader(Builder.BuildYearEndReport(data));
        var recipients = RecipientsOf(doc);

        Assert.Equal("- Như trên;", recipients[0]);
        Assert.DoesNotContain(recipients, r => r.Contains("UBND thành phố", StringComparison.Ordinal) || r.Contains(data.Addressee, StringComparison.Ordinal));
        Assert.Equal("- " + ProgrammeDivision.FilingLine, recipients[^1]);
    }

    static void AssertNoBannedPhrase(string where, string text)
    {
        foreach (var phrase in Banned)
        {
            Assert.False(text.Contains(phrase, StringComparison.Ordinal), $"{where} carries \"{phrase}\"");
        }
    }

    static RenderedEmail Render(NotificationEvent e, string? recipientName) => new EmailRenderer(Templates).Render(e, Facts(e, recipientName));

    /// <summary>Every fact the event's template may show, as the notification service gives them (officers greeted by their role's title).</summary>
    static Dictionary<string, string> Facts(NotificationEvent e, string? recipientName)
    {
        var spec = NotificationFacts.For(e);
        var raw = NotificationFacts.Standard.Concat(spec.Required).Concat(spec.OptionalFacts).Distinct().ToDictionary(n => n, n => n switch
        {
            _ when n.EndsWith("Date", StringComparison.Ordinal) => "2026-03-31",
            _ when n.EndsWith("AmountVnd", StringComparison.Ordinal) => "150000000",
            _ when n.EndsWith("MillionVnd", StringComparison.Ordinal) => "1234",
            _ when n.EndsWith("Url", StringComparison.Ordinal) || n == NotificationFacts.Link => "/can-bo/ho-so.html?id=01JABCDEFGHJKMNPQRSTVWXYZ0&x=" + new string('a', 80),
            NotificationFacts.MissingItems => "Giấy phép kinh doanh\nBáo cáo tài chính năm 2025",
            NotificationFacts.Year => "2025",
            NotificationFacts.RecipientName => recipientName ?? string.Empty,
            NotificationFacts.RecipientTitle => RecipientRoles.For(spec.Audience) is { } role ? RecipientRoles.Title(role) : string.Empty,
            NotificationFacts.HandlerName or NotificationFacts.HandlerPhone or NotificationFacts.HandlerEmail => string.Empty,
            NotificationFacts.HandlingUnit => "Sở Khoa học và Công nghệ",
            _ => $"Mẫu {n}",
        });
        return FactFormatter.FormatAll(raw, PublicBase);
    }

    /// <summary>The text after the layout's heading (the greeting is the first line of the body).</summary>
    static string Body(string text) => text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];

    static byte[] Build(string kind) => kind switch
    {
        "appraisal" => Builder.BuildAppraisalRecord(VietnameseSamples.Appraisal()),
        "decision" => Builder.BuildApprovalDecision(VietnameseSamples.Decision(draft: true)),
        "minutes" => Builder.BuildEvaluationMinutes(VietnameseSamples.Minutes()),
        "year-end" => Builder.BuildYearEndReport(YearEndScenario.Report()),
        "report-run" => ReportRunDocumentTests.Build(),
        "appraisal-recorded" => Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(LifecycleDocumentsTests.Evaluated(), LifecycleDocumentsTests.Catalogue)),
        "decision-recorded" => Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(LifecycleDocumentsTests.Evaluated(), LifecycleDocumentsTests.Catalogue)),
        "minutes-recorded" => Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(LifecycleDocumentsTests.Evaluated(), LifecycleDocumentsTests.Catalogue)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static string AllText(WordReader doc) => doc.AllText() + "\n" + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));

    /// <summary>The "Nơi nhận" lines, after the heading line.</summary>
    static List<string> RecipientsOf(WordReader doc)
    {
        var paragraphs = doc.Paragraphs();
        var start = paragraphs.ToList().FindIndex(p => p == "Nơi nhận:");
        Assert.True(start >= 0, "the document has no \"Nơi nhận:\"");
        return paragraphs.Skip(start + 1).TakeWhile(p => p.StartsWith("- ", StringComparison.Ordinal)).ToList();
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NsclWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NsclWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<a href=""(?<url>[^""]+)""[^>]*>\k<url></a>")]
    private static partial Regex LinkShowingItsAddress();

    [GeneratedRegex(@"<a href=""(?<url>https?://[^""]+)"" style=""display:inline-block[^""]*"">(?<label>[^<]+)</a></p>")]
    private static partial Regex Button();
}
