using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// The evaluation minutes of a file an evaluation council evaluated (biên bản họp hội đồng đánh giá, nghiệm thu): the
/// council and its founding decision, members and roles, the recusal, each counted member's scores, the averages against
/// the rubric, the meeting's start and end; clean under the OpenXML validator, hostile text included. Not the enterprise's.
/// </summary>
public sealed class CouncilEvaluationMinutesTests
{
    static readonly OfficialDocumentBuilder Builder = new();

    static Application Evaluated(string hostile = "")
    {
        var application = LifecycleDocumentsTests.Approved();
        var rubric = LifecycleDocumentsTests.Catalogue.Rubrics.Single(r => r.Id == "nscl-nghiem-thu");
        var sheet = rubric.Normalise([.. rubric.Criteria.Select(c => new NsclWorkflows.Domain.Lifecycle.CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore)
        {
            Comment = "Đạt chỉ tiêu <năng suất> & chất lượng" + hostile,
        })]);
        string[] roles = ["chair", "vice-chair", "secretary", "reviewer", "member"];
        var seats = roles.Select((r, i) => new CouncilSeat("m" + (i + 1), $"Thành viên {i + 1}{hostile}", "TS.", "Đại học Đà Nẵng", r, i < 4,
            i < 4 ? null : "Là cổ đông của doanh nghiệp" + hostile)).ToList();
        var start = new DateTimeOffset(2026, 8, 1, 1, 30, 0, TimeSpan.Zero); // 08:30 in Đà Nẵng
        var summary = new CouncilSummary("hd-nt", "Hội đồng đánh giá, nghiệm thu nhiệm vụ NSCL năm 2026" + hostile, "42/QĐ-SKHCN", new DateOnly(2026, 7, 20),
            "Nguyễn Văn Ký", "Phó Giám đốc", seats, start, start.AddHours(2).AddMinutes(15)) { Quorum = 4 };
        var sheets = seats.Take(4).Select((s, i) => new CouncilSeatSheet(s.MemberId, sheet, true, 250_000_000 + (i * 10_000_000), "Đề nghị nghiệm thu đạt.", start)).ToList();
        application.Lifecycle.CouncilEvaluation = new CouncilEvaluationRecord(summary, sheets, rubric.Assess([sheet, sheet, sheet, sheet]), true, 250_000_000,
            start.AddHours(3));
        application.Lifecycle.Evaluation = new EvaluationRecord("Lãnh đạo Sở", true, [], 250_000_000, "Đạt theo kết luận của hội đồng.", start.AddHours(4));
        return application;
    }

    [Fact]
    public void Minutes_ByAnEvaluationCouncil_NameTheCouncilDecisionMembersRecusalScoresAndMeetingTimes()
    {
        using var doc = new WordReader(Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(Evaluated(), LifecycleDocumentsTests.Catalogue)));
        var paragraphs = doc.Paragraphs();
        var tables = doc.Tables();
        var text = doc.AllText() + string.Join("\n", tables.SelectMany(t => t).SelectMany(r => r));

        Assert.Empty(doc.ValidationErrors());
        Assert.Contains(paragraphs, p => p.StartsWith("Căn cứ Quyết định số 42/QĐ-SKHCN ngày 20/07/2026 (Phó Giám đốc Nguyễn Văn Ký ký) về việc thành lập Hội đồng đánh giá, nghiệm thu", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Vào lúc 08 giờ 30", StringComparison.Ordinal) && p.Contains("Hội đồng đánh giá, nghiệm thu nhiệm vụ NSCL năm 2026 họp", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Số thành viên chấm phiếu: 4/5", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Thành viên 5 (Ủy viên) không tham gia đánh giá do xung đột lợi ích: Là cổ đông", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Cuộc họp kết thúc lúc 10 giờ 45 phút", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Thành viên 3 (Ủy viên, Thư ký khoa học):", StringComparison.Ordinal));
        Assert.Contains("Ủy viên phản biện", text, StringComparison.Ordinal);
        // The members' score table: a column per counted member, and the average.
        Assert.Contains(tables, t => t[0].Contains("TV 4") && t[0].Contains("Trung bình") && !t[0].Contains("TV 5"));
        Assert.Contains("Đạt chỉ tiêu <năng suất> & chất lượng", text, StringComparison.Ordinal);
        Assert.Contains("Thành viên 1", text, StringComparison.Ordinal); // the chair signs
    }

    [Fact]
    public void Minutes_ByAnEvaluationCouncilWithHostileText_StillPassTheValidator()
    {
        using var doc = new WordReader(Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(Evaluated("\u202E\uFFFF\u0001\uD800"), LifecycleDocumentsTests.Catalogue)));

        Assert.Empty(doc.ValidationErrors());
        Assert.DoesNotContain("\u202E", doc.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void MayReadDocument_EvaluationMinutesOfACouncil_NotTheEnterprises()
    {
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.EvaluationMinutes, LifecycleDocumentsTests.Evaluated().Lifecycle));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.EvaluationMinutes, Evaluated().Lifecycle));
    }
}

/// <summary>The draft recognition decision (quyết định công nhận kết quả thực hiện nhiệm vụ): the approval and the council's minutes cited, the result, the amount accepted.</summary>
public sealed class RecognitionDecisionDocumentTests
{
    static readonly OfficialDocumentBuilder Builder = new();

    [Fact]
    public void Recognition_AfterAnEvaluationCouncil_CitesTheApprovalAndTheCouncilAndStatesTheResult()
    {
        var application = LifecycleDocumentsTests.Evaluated();
        var council = new CouncilSummary("hd-nt", "Hội đồng đánh giá, nghiệm thu nhiệm vụ NSCL năm 2026", "42/QĐ-SKHCN", new DateOnly(2026, 7, 20), "Nguyễn Văn Ký",
            "Phó Giám đốc", [], new DateTimeOffset(2026, 8, 1, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 8, 1, 3, 45, 0, TimeSpan.Zero));
        application.Lifecycle.CouncilEvaluation = new CouncilEvaluationRecord(council, [], null, true, 280_000_000, council.MeetingEndUtc);

        using var doc = new WordReader(Builder.BuildRecognitionDecision(ApplicationDocumentMapper.Recognition(application, LifecycleDocumentsTests.Catalogue)));
        var paragraphs = doc.Paragraphs();

        Assert.Empty(doc.ValidationErrors());
        Assert.Contains(paragraphs, p => p.Contains("công nhận kết quả thực hiện nhiệm vụ “Áp dụng 5S và Kaizen”", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Căn cứ biên bản họp Hội đồng đánh giá, nghiệm thu nhiệm vụ NSCL năm 2026 (thành lập theo Quyết định số 42/QĐ-SKHCN", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Điều 1.", StringComparison.Ordinal) && p.EndsWith(": ĐẠT.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Điều 2. Kinh phí hỗ trợ được nghiệm thu, thanh quyết toán: 280.000.000 đồng", StringComparison.Ordinal));
        Assert.Contains("Như Điều 3;", doc.AllText(), StringComparison.Ordinal);
        Assert.Contains("DỰ THẢO", doc.AllText(), StringComparison.Ordinal);
    }
}
