using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// The acceptance scenario's document: a six-monthly run for UBND; Sở Công Thương answered with its figures, Sở NN&amp;PTNT
/// did not and was escalated; the narrative written and approved. The Word file is valid and carries all of it.
/// </summary>
public sealed class ReportRunDocumentTests
{
    static readonly DateTimeOffset Now = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);

    internal static byte[] Build()
    {
        var opened = ReportRunRules.Open(new("sixMonthly", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "Ủy ban nhân dân thành phố Đà Nẵng",
            new DateOnly(2026, 7, 10), null, "1234/UBND-KT", new DateOnly(2026, 5, 28)), "run-1", "Nguyễn Văn Đức", Now, new DateOnly(2026, 6, 1)).Value!;
        var waiting = opened with
        {
            State = ReportRunState.AwaitingLeadUnits,
            LeadUnits =
            [
                new("sct", "Sở Công Thương", "sct@danang.gov.vn"),
                new("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "snn@danang.gov.vn") { RemindedAtUtc = Now.AddDays(-2), EscalatedAtUtc = Now },
            ],
        };
        var answered = ReportRunRules.SubmitLeadUnit(waiting, "sct",
            [new("Doanh nghiệp được hỗ trợ tham gia sàn thương mại điện tử", 12, "doanh nghiệp"), new("Kinh phí lồng ghép", 350.5m, "triệu đồng")],
            "Sở Công Thương đã phối hợp tổ chức 02 lớp tập huấn <thương mại điện tử> & kết nối sàn.", "Trần Thị Bình", Now).Value!;
        var drafting = answered with { State = ReportRunState.Drafting };
        var written = ReportRunRules.SaveNarrative(drafting, new(
            "Sáu tháng đầu năm 2026, Kế hoạch được triển khai đúng tiến độ.\nCác đơn vị chủ trì phối hợp chặt chẽ.",
            "Kinh phí năm 2026 chưa được giao đủ.", "Đề nghị UBND thành phố bổ sung dự toán.", "Tập trung hỗ trợ 05 doanh nghiệp xây dựng mô hình điểm."), 0,
            "Nguyễn Văn Đức", Now).Value!;
        var approved = ReportRunRules.Decide(ReportRunRules.SubmitForApproval(written).Value!, true, null, "Lê Thị Hạnh", Now).Value!;
        var figures = YearEndReportAssembler.Assemble(YearEndScenario.Catalogue, YearEndScenario.Balances, YearEndScenario.Progress, YearEndReportLayout.Default,
            2026, approved.DataCutOff, YearEndScenario.Indicators);
        using var stream = new MemoryStream();
        OfficialDocumentBuilder.WriteReportRun(
            new ReportRunDocumentData(DocumentHeader.OfDepartment(DocumentSymbols.Report, new DateOnly(2026, 7, 5)), Signatory.DeputyDirector("Lê Thị Hạnh"),
                approved, figures, YearEndReportLayout.Default.Recipients),
            stream);
        return stream.ToArray();
    }

    [Fact]
    public void WriteReportRun_ApprovedSixMonthlyRun_PassesTheValidator()
    {
        using var doc = new WordReader(Build());

        Assert.Empty(doc.ValidationErrors());
    }

    [Fact]
    public void WriteReportRun_ApprovedSixMonthlyRun_CarriesTheRequestNarrativeLeadUnitFiguresAndAppendix()
    {
        using var doc = new WordReader(Build());
        var text = doc.AllText();
        var tables = doc.Tables();

        Assert.Contains("Kính gửi: Ủy ban nhân dân thành phố Đà Nẵng.", text, StringComparison.Ordinal);
        Assert.Contains("theo yêu cầu tại Văn bản số 1234/UBND-KT ngày 28/05/2026", text, StringComparison.Ordinal);
        Assert.Contains("từ ngày 01/01/2026 đến ngày 30/06/2026 (số liệu đến ngày 30/06/2026)", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "I. ĐÁNH GIÁ CHUNG", "III. KHÓ KHĂN, VƯỚNG MẮC", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" })
        {
            Assert.Contains(heading, doc.Paragraphs());
        }

        Assert.Contains("Các đơn vị chủ trì phối hợp chặt chẽ.", doc.Paragraphs());
        Assert.Contains("Đề nghị UBND thành phố bổ sung dự toán.", doc.Paragraphs());
        var sct = tables.Single(t => t[0].SequenceEqual(["TT", "Chỉ tiêu", "Số liệu", "Đơn vị tính"]));
        Assert.Equal(["1", "Doanh nghiệp được hỗ trợ tham gia sàn thương mại điện tử", "12", "doanh nghiệp"], sct[1]);
        Assert.Equal("350,5", sct[2][2]);
        Assert.Contains("Sở Công Thương đã phối hợp tổ chức 02 lớp tập huấn <thương mại điện tử> & kết nối sàn.", doc.Paragraphs());
        Assert.Contains("Đơn vị chưa gửi số liệu đến hạn (đã nhắc và báo cáo lãnh đạo Sở); số liệu sẽ được bổ sung khi đơn vị gửi.", doc.Paragraphs());
        var appendix = tables.Single(t => t[0].Take(3).SequenceEqual(["TT", "Nội dung", "Số liệu"]));
        Assert.Contains("Năm 2026", appendix[0]);
        Assert.Contains(tables, t => t[0].SequenceEqual(["TT", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"]));
        Assert.Contains(YearEndScenario.TfpSource, text, StringComparison.Ordinal); // a target's source
    }
}
