using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>The appraisal record of a file a council appraised: the council, its founding decision, each member and role, recusals, the meeting's times.</summary>
public sealed class CouncilAppraisalRecordTests
{
    static readonly OfficialDocumentBuilder Builder = new();

    static Application Appraised(string hostile = "")
    {
        var application = LifecycleDocumentsTests.Approved();
        var rubric = LifecycleDocumentsTests.Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh");
        var sheet = rubric.Normalise([.. rubric.Criteria.Select(c => new NsclWorkflows.Domain.Lifecycle.CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore) { Comment = "Phù hợp <tốt> & rõ" + hostile })]);
        string[] roles = ["chair", "vice-chair", "secretary", "reviewer", "member"];
        var seats = roles.Select((r, i) => new CouncilSeat("m" + (i + 1), $"Thành viên {i + 1}{hostile}", "PGS.TS.", "Đại học Đà Nẵng", r, i < 4,
            i < 4 ? null : "Là cổ đông của doanh nghiệp" + hostile)).ToList();
        var start = new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.Zero); // 08:30 in Đà Nẵng
        application.Lifecycle.AppraisalsList.Clear();
        foreach (var seat in seats.Take(4))
        {
            application.Lifecycle.AppraisalsList.Add(new AppraisalRecord(seat.FullName, sheet, 80, true, 300_000_000, null, start.AddHours(1))
            {
                AppraiserId = "council:hd-1:" + seat.MemberId,
            });
        }

        application.Lifecycle.AppraisalOutcome = rubric.Assess([sheet, sheet, sheet, sheet]);
        application.Lifecycle.Council = new CouncilSummary("hd-1", "Hội đồng tư vấn thẩm định nhiệm vụ NSCL năm 2026", "15/QĐ-SKHCN", new DateOnly(2026, 3, 2),
            "Nguyễn Văn Ký", "Phó Giám đốc", seats, start, start.AddHours(2).AddMinutes(15)) { Quorum = 4 };
        return application;
    }

    [Fact]
    public void Appraisal_ByACouncil_NamesTheCouncilItsDecisionMembersRolesRecusalAndMeetingTimes()
    {
        using var doc = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(Appraised(), LifecycleDocumentsTests.Catalogue)));
        var paragraphs = doc.Paragraphs();
        var text = doc.AllText() + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));

        Assert.Empty(doc.ValidationErrors());
        Assert.Contains(paragraphs, p => p.StartsWith("Căn cứ Quyết định số 15/QĐ-SKHCN ngày 02/03/2026 (Phó Giám đốc Nguyễn Văn Ký ký)", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Vào lúc 08 giờ 30", StringComparison.Ordinal) && p.Contains("Hội đồng tư vấn thẩm định nhiệm vụ NSCL năm 2026 họp", StringComparison.Ordinal));
        Assert.Contains("1. Thành viên 1 (PGS.TS., Đại học Đà Nẵng) – Chủ tịch Hội đồng.", paragraphs);
        Assert.Contains("3. Thành viên 3 (PGS.TS., Đại học Đà Nẵng) – Ủy viên, Thư ký khoa học.", paragraphs);
        Assert.Contains("4. Thành viên 4 (PGS.TS., Đại học Đà Nẵng) – Ủy viên phản biện.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Thành viên 5 (Ủy viên) không tham gia đánh giá do xung đột lợi ích: Là cổ đông", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Số thành viên chấm phiếu: 4/5", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Phiên họp kết thúc vào lúc 10 giờ 45", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Thành viên 2 (Phó Chủ tịch Hội đồng):", StringComparison.Ordinal));
        Assert.Contains("Hội đồng kiến nghị hỗ trợ", text, StringComparison.Ordinal);
        Assert.Contains("Phù hợp <tốt> & rõ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Appraisal_ByACouncilWithHostileNamesAndComments_StillPassesTheValidator()
    {
        using var doc = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(Appraised("\u202E\uFFFF\u0001\uD800"), LifecycleDocumentsTests.Catalogue)));

        Assert.Empty(doc.ValidationErrors());
        Assert.DoesNotContain("\u202E", doc.AllText(), StringComparison.Ordinal);
    }
}
