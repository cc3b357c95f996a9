using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// Text already stored (before the input rule, or by another path) may hold anything a .NET string can: the writers
/// of Word documents and e-mails clean it, so building never throws and the output is valid.
/// </summary>
public sealed class HostileTextDocumentsTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly OfficialDocumentBuilder Builder = new();

    /// <summary>U+FFFF, U+FFFE, both lone surrogates, U+202E, U+0000, U+001B, U+200B, U+FEFF, a private-use char, emoji.</summary>
    static readonly string Hostile = "\uFFFF\uFFFE\uD800x\uDC00\u202E\u0000\u001B\u200B\uFEFF\uE000\u0085 🤖👨‍👩‍👧";

    static string H(string text) => $"{text} {Hostile} {text}";

    [Fact]
    public void Build_EveryApplicationDocumentWithHostileStoredText_NeverThrowsAndIsValid()
    {
        var application = HostileApplication();

        var documents = new Dictionary<string, byte[]>
        {
            ["decision"] = Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, Catalogue)),
            ["appraisal"] = Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, Catalogue)),
            ["minutes"] = Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, Catalogue)),
        };

        foreach (var (kind, docx) in documents)
        {
            using var doc = new WordReader(docx);
            Assert.True(doc.ValidationErrors().Count == 0, $"{kind}: {string.Join("; ", doc.ValidationErrors())}");
            var text = doc.AllText() + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));
            Assert.True(TextSafety.IsSafe(text), $"{kind} still holds {TextSafety.Find(text).CodePointText}");
            Assert.Contains("Công ty Ánh Dương", text, StringComparison.Ordinal);
            Assert.Contains("🤖", text, StringComparison.Ordinal);
            Assert.True(TextSafety.IsSafe(doc.Document.PackageProperties.Title), kind);
        }
    }

    [Fact]
    public async Task Build_YearEndReportWithHostileNames_NeverThrowsAndIsValid()
    {
        var progress = new ProgrammeProgress(
            [new("app-1", "NSCL-2025-AAAA01", H("Công ty Ánh Dương"), "0401234567", H("Áp dụng 5S"), "IV.1", 2025, 145_000_000, 0, H("Đang thực hiện"))],
            [new("NSCL-2025-AAAA01", H("Công ty Ánh Dương"), H("Báo cáo định kỳ lần 2"), new DateOnly(2025, 11, 28), 12, H("Nguyễn Cán Bộ"))],
            [new("enterprises-supported", 1), new("pilot-model-enterprises", 1, H("mô hình điểm"))]);
        var data = YearEndReportAssembler.Assemble(Catalogue, await new FakeBudgetLedger(YearEndScenario.Balances).GetBalancesAsync(CancellationToken.None),
            progress, YearEndReportLayout.Default, 2025, YearEndScenario.AsOf);

        using var doc = new WordReader(Builder.BuildYearEndReport(data));

        Assert.Empty(doc.ValidationErrors());
        var text = doc.AllText() + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));
        Assert.True(TextSafety.IsSafe(text), TextSafety.Find(text).CodePointText);
        Assert.Contains("Công ty Ánh Dương", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_VeryLongHostileText_NeverThrowsAndIsValid()
    {
        var application = HostileApplication();
        application.Lifecycle.Approval = application.Lifecycle.Approval! with { Note = string.Concat(Enumerable.Repeat(H("Đồng ý.") + "\n", 2_000)) };

        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, Catalogue)));

        Assert.Empty(doc.ValidationErrors());
    }

    public static TheoryData<NotificationEvent> Events() => [.. Enum.GetValues<NotificationEvent>()];

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryEmailWithHostileFacts_NeverThrowsAndCarriesNoneOfThem(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);
        var facts = NotificationFacts.Standard.Concat(spec.Required).Concat(spec.OptionalFacts).Distinct()
            .ToDictionary(n => n, n => n.EndsWith("Url", StringComparison.Ordinal) ? "https://nscl.example.vn/x" : H($"Giá trị {n}"), StringComparer.Ordinal);

        var email = new EmailRenderer(EmailTemplates.LoadEmbedded()).Render(e, facts);

        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            Assert.True(TextSafety.IsSafe(part), $"{e}: {TextSafety.Find(part).CodePointText}");
        }
    }

    static Application HostileApplication()
    {
        var at = new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);
        var application = new Application("aaaaaaaaaaaaaaaaaaaaaaaaaa", "NSCL-2026-ABC123",
            new ApplicationSubmission("0401234567", H("Công ty Ánh Dương"), H("Trần Thị Ánh"), "anh@anhduong.vn", "0236 3822 000",
                "productivity-tools", H("Áp dụng 5S và Kaizen"), H("Triển khai 5S,\nKaizen tại xưởng may."), 300_000_000)
            {
                LegalRepresentativeName = H("Trần Văn Minh"),
                LegalRepresentativePosition = H("Giám đốc"),
                Address = H("Lô 12, đường số 3, phường Hòa Khánh"),
                DistrictId = H("lien-chieu"),
                SectorCode = H("25"),
                Employees = 45,
                RevenueBandId = H("tren-10-den-50-ty"),
                OwnContributionVnd = 100_000_000,
                DurationMonths = 12,
            },
            Catalogue.Version, at, at.AddDays(7));
        var state = application.Lifecycle;
        state.Unit = Units.ScienceAndTechnology;
        state.BudgetLineId = "IV.1";
        state.SupplementationsList.Add(new SupplementationRound(1, H("Cán bộ Một"), [H("Bản sao giấy phép"), H("Báo giá")], H("Bổ sung trong 10 ngày."), at.AddDays(2), at.AddDays(12))
        {
            ResubmittedAtUtc = at.AddDays(5),
            ResubmissionNote = H("Đã bổ sung."),
            Attachments = [H("giay-phep.pdf")],
        });
        state.AppraisalsList.Add(new AppraisalRecord(H("Nguyễn Thẩm Định"), [new NsclWorkflows.Domain.Lifecycle.CriterionScore(H("Tính khả thi"), 35, 40)], 35, true, 300_000_000, H("Khả thi."), at.AddDays(20)));
        state.RecommendedAmountVnd = 300_000_000;
        state.Approval = new ApprovalRecord(H("Lê Lãnh Đạo"), 300_000_000, 2025, H("Đồng ý."), at.AddDays(30));
        state.CheckInsList.Add(new CheckInRecord
        {
            Number = 1,
            DueUtc = new DateTimeOffset(2026, 4, 15, 16, 59, 59, TimeSpan.Zero),
            Status = CheckInStatus.Accepted,
            Reports = [new ReportRecord(H("Đã triển khai 5S."), 50, 100_000_000, [H("bao-cao.pdf")], at.AddDays(80))],
            ReviewNote = H("Đạt."),
            ReviewedBy = H("Cán bộ Hai"),
        });
        state.FinalReport = new ReportRecord(H("Báo cáo tổng kết."), 100, 280_000_000, [H("tong-ket.docx")], at.AddDays(200));
        state.Evaluation = new EvaluationRecord(H("Lãnh đạo Sở"), true, [new NsclWorkflows.Domain.Lifecycle.CriterionScore(H("Kết quả áp dụng 5S"), 90, 100)], 280_000_000, H("Đạt yêu cầu."), at.AddDays(210));
        return application;
    }
}
