using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>The year-end report shows support funded from another programme (lồng ghép) as such, never as this plan's money.</summary>
public sealed class IntegratedFundingReportTests
{
    [Fact]
    public async Task Report_WithSupportFundedElsewhere_SaysWhereFromAndLeavesItOutOfThePlansTotals()
    {
        const string From = "Kế hoạch số 121/KH-UBND ngày 23/6/2021 của Chủ tịch UBND thành phố Đà Nẵng (kinh phí hoạt động hằng năm của Sở Công Thương)";
        var planned = YearEndScenario.Progress;
        var progress = planned with
        {
            Enterprises =
            [
                .. planned.Enterprises,
                new SupportedEnterpriseRow("app-5", "NSCL-2025-AAAA05", "Công ty TNHH Thương mại Sơn Trà", "0404444444", "Bán hàng trên sàn thương mại điện tử",
                    "IV.5", 2025, 90_000_000, 0, "Đang thực hiện") { IntegratedFundingFrom = From, OwnContributionVnd = 35_000_000 },
            ],
        };
        var data = YearEndReportAssembler.Assemble(YearEndScenario.Catalogue,
            await new FakeBudgetLedger(YearEndScenario.Balances).GetBalancesAsync(CancellationToken.None), progress, YearEndReportLayout.Default, 2025, YearEndScenario.AsOf);

        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(data));

        var enterprises = doc.Tables().Single(t => t[0][1] == "Mã hồ sơ" && t[0][2] == "Doanh nghiệp" && t[0].Count == 12);
        var row = enterprises.Single(r => r[1] == "NSCL-2025-AAAA05");
        Assert.Equal(["Lồng ghép", "Lồng ghép", "35"], row.Skip(7).Take(3)); // the enterprise's own contribution (đối ứng) is its own, whoever funds the support
        Assert.Equal($"Đang thực hiện; kinh phí lồng ghép từ {From}", row[11]);
        var text = doc.AllText();
        Assert.Contains($"- 1 nhiệm vụ được hỗ trợ bằng kinh phí lồng ghép từ {From}", text, StringComparison.Ordinal);
        Assert.Contains("với tổng kinh phí 845 triệu đồng", text, StringComparison.Ordinal); // 450 + 250 + 145: the 90 of IV.5 is not this plan's
        Assert.Contains("Kinh phí đối ứng của doanh nghiệp theo hồ sơ đề nghị hỗ trợ (Mục V.1.b của Kế hoạch): 35 triệu đồng", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithCoFundedTasks_TotalsTheCoFundingBySourceInSectionThreeAndListsItInTheAppendix()
    {
        var planned = YearEndScenario.Progress;
        var first = planned.Enterprises[0] with
        {
            OwnContributionVnd = 100_000_000,
            CoFunding = [new CoFundingSource("khuyen-cong", "Chương trình khuyến công thành phố Đà Nẵng", 50_000_000), new CoFundingSource("khac", "Quỹ đổi mới công nghệ", 30_000_000)],
        };
        var second = planned.Enterprises[1] with { CoFunding = [new CoFundingSource("khuyen-cong", "Chương trình khuyến công thành phố Đà Nẵng", 20_000_000)] };
        var progress = planned with { Enterprises = [first, second, .. planned.Enterprises.Skip(2)] };
        var data = YearEndReportAssembler.Assemble(YearEndScenario.Catalogue,
            await new FakeBudgetLedger(YearEndScenario.Balances).GetBalancesAsync(CancellationToken.None), progress, YearEndReportLayout.Default, 2025, YearEndScenario.AsOf);

        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(data));

        Assert.Empty(doc.ValidationErrors());
        var enterprises = doc.Tables().Single(t => t[0][1] == "Mã hồ sơ" && t[0][2] == "Doanh nghiệp" && t[0].Count == 12);
        Assert.Equal("Lồng ghép nguồn khác", enterprises[0][10]);
        Assert.Equal(["80", "20", string.Empty], enterprises.Skip(1).Select(r => r[10]));
        Assert.EndsWith("kinh phí lồng ghép: Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng; Quỹ đổi mới công nghệ: 30.000.000 đồng", enterprises[1][11], StringComparison.Ordinal);
        var text = doc.AllText();
        Assert.Contains("- Kinh phí lồng ghép từ chương trình, nguồn khác cho các nhiệm vụ: 100 triệu đồng (Chương trình khuyến công thành phố Đà Nẵng: 70 triệu đồng; Quỹ đổi mới công nghệ: 30 triệu đồng).",
            text, StringComparison.Ordinal);
        var total = progress.Enterprises.Sum(e => e.ApprovedVnd + (e.OwnContributionVnd ?? 0)) + 100_000_000;
        Assert.Contains($"- Tổng kinh phí thực hiện các nhiệm vụ (kinh phí hỗ trợ, đối ứng của doanh nghiệp và lồng ghép): {VietnameseFormat.Million(total)} triệu đồng.", text, StringComparison.Ordinal);
    }
}
