using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// The year-end report's content for a year after the plan's figures (2026), its execution rates over what may be
/// spent, and its assessment column without the repeated calculator sentence.
/// </summary>
public sealed class YearEndReportContentTests
{
    static readonly DateOnly AsOf2026 = new(2026, 12, 31);

    static LedgerBalance Recorded(string line, int year, long ceiling, long reserved, long committed, long disbursed) =>
        new(new BudgetKey(line, year), 0, reserved, committed, disbursed) { CeilingVnd = ceiling, CeilingSource = CeilingSource.Recorded };

    static YearEndReportData Report2026(ProgrammeProgress? progress = null) => YearEndReportAssembler.Assemble(
        YearEndScenario.Catalogue,
        [.. YearEndScenario.Balances, Recorded("IV.1", 2026, 500_000_000, 100_000_000, 50_000_000, 100_000_000), Recorded("I.3", 2026, 100_000_000, 0, 0, 25_000_000)],
        progress ?? YearEndScenario.Progress, YearEndReportLayout.Default, 2026, AsOf2026, []);

    [Fact]
    public void Build_YearAfterThePlansFigures_HasItsOwnAppendixColumnWithAllocationAndExecution()
    {
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(Report2026()));
        var appendix = doc.Tables().Single(t => t[0].Take(3).SequenceEqual(["TT", "Nội dung", "Số liệu"]));

        Assert.Equal(["Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025", "Năm 2026", "Cộng", "Ghi chú"], appendix[0].Skip(3));
        var iv1 = appendix.SkipWhile(r => r[1] != YearEndScenario.Catalogue.Programme.FindLine("IV.1")!.Name).Take(4).ToList();
        Assert.Equal(["Kế hoạch", "Dự toán giao", "Phê duyệt", "Giải ngân"], iv1.Select(r => r[2]));
        Assert.Equal(string.Empty, iv1[0][7]); // the plan prints nothing for 2026
        Assert.Equal(["500", "250", "100"], iv1.Skip(1).Select(r => r[7]));
    }

    [Fact]
    public void Build_YearAfterThePlansFigures_SaysThePlanHasNoFigureAndRatesOverTheAllocation()
    {
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(Report2026()));
        var text = doc.AllText();

        Assert.DoesNotContain("kinh phí theo Kế hoạch 0 triệu đồng", text, StringComparison.Ordinal);
        // 600 million may be spent in 2026 (IV.1 500 + I.3 100 allocated); 250 + 25 approved, 100 + 25 disbursed.
        Assert.Equal(
            "1. Năm 2026: Kế hoạch không ghi kinh phí năm 2026 (Phụ lục của Kế hoạch ghi kinh phí các năm 2022-2025); kinh phí được sử dụng (dự toán được giao; số Kế hoạch cho nội dung chưa có dự toán) 600 triệu đồng; đã phê duyệt hỗ trợ 275 triệu đồng (45,8% kinh phí được sử dụng); đã giải ngân 125 triệu đồng (20,8% kinh phí được sử dụng).",
            doc.Paragraphs().Single(p => p.StartsWith("1. Năm 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public void Assemble_AllocationBelowThePlan_RatesOverTheAllocationAndNeverOverLongGhepItems()
    {
        // 2025: the plan prints 1.680 over the items; IV.1 is given 400 instead of 800, so 1.280 may be spent.
        var balances = YearEndScenario.Balances.Where(b => b.Key != new BudgetKey("IV.1", 2025))
            .Append(Recorded("IV.1", 2025, 400_000_000, 0, 145_000_000, 0)).ToList();
        var data = YearEndReportAssembler.Assemble(YearEndScenario.Catalogue, balances, YearEndScenario.Progress, YearEndReportLayout.Default, 2025, YearEndScenario.AsOf, []);

        Assert.Equal(1_280_000_000, data.TotalRow.In(2025)!.AllocatedVnd);
        Assert.All(data.BudgetRows.Where(r => YearEndScenario.Catalogue.Programme.FindLine(r.LineId)!.IsIntegrated), r => Assert.Equal(0, r.AllocatedTotalVnd));
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(data));
        Assert.Contains("đã phê duyệt hỗ trợ 278,333 triệu đồng (21,7% kinh phí được sử dụng)", doc.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CountedTarget_AssessmentDoesNotRepeatTheResultOrTheVerdict()
    {
        var progress = YearEndScenario.Progress with
        {
            TargetResults =
            [
                new("enterprises-supported", 0, "Đạt 0 doanh nghiệp đến năm 2025 (0%), chỉ tiêu ít nhất 15 doanh nghiệp đến năm 2025. Chưa đạt chỉ tiêu."),
                new("experts-certified", 2, "Đạt 2 lượt chuyên gia đến năm 2025 (13%), chỉ tiêu ít nhất 15 lượt chuyên gia đến năm 2025; 3 lượt chuyên gia đang trong quy trình. Chưa đạt chỉ tiêu."),
            ],
        };
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(Report2026(progress)));
        var targets = doc.Tables().Single(t => t[0].SequenceEqual(["TT", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"]));

        Assert.Contains(targets, r => r[3] == "0 doanh nghiệp" && r[4] == "Chưa đạt");
        Assert.Contains(targets, r => r[3] == "2 lượt chuyên gia" && r[4] == "Chưa đạt (3 lượt chuyên gia đang trong quy trình)");
        Assert.DoesNotContain(targets, r => r[4].Contains("chỉ tiêu", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteYearEndReport_ToANonSeekableStream_GivesTheSameValidDocument()
    {
        var data = Report2026();
        using var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
        {
            new OfficialDocumentBuilder().WriteYearEndReport(data, forwardOnly);
        }

        using var doc = new WordReader(target.ToArray());
        Assert.Empty(doc.ValidationErrors());
        Assert.Contains("Năm 2026", doc.AllText(), StringComparison.Ordinal);
    }

    /// <summary>A write-only stream without seeking, like an HTTP response or a blob upload stream.</summary>
    sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
