using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>The year-end report's appendix table, read back from the generated document, against its sources.</summary>
public sealed class YearEndReportFiguresTests
{
    static readonly int[] Years = [2022, 2023, 2024, 2025];

    /// <summary>The plan's appendix exactly as printed in Kế hoạch 37/KH-UBND (seed text), null where a cell is empty.</summary>
    static readonly Dictionary<string, decimal?[]> Appendix = new()
    {
        ["I"] = [370, 480, 480, 480, 1810],
        ["I.1"] = [100, 100, 100, 100, 400],
        ["I.2"] = [100, 100, 100, 100, 400],
        ["I.3"] = [120, 180, 180, 180, 660],
        ["I.4"] = [50, 100, 100, 100, 350],
        ["I.5"] = [null, null, null, null, null],
        ["II"] = [null, 200, 200, 200, 600],
        ["II.1"] = [null, 200, 200, 200, 600],
        ["II.2"] = [null, null, null, null, null],
        ["III"] = [100, null, null, null, 100],
        ["III.1"] = [100, null, null, null, 100],
        ["III.2"] = [null, null, null, null, null],
        ["IV"] = [null, 800, 800, 800, 2400],
        ["IV.1"] = [null, 800, 800, 800, 2400],
        ["IV.2"] = [null, null, null, null, null],
        ["IV.3"] = [null, null, null, null, null],
        ["IV.4"] = [null, null, null, null, null],
        ["IV.5"] = [null, null, null, null, null],
        ["V"] = [null, 100, 100, 200, 400],
        ["V.1"] = [null, 100, 100, 100, 300],
        ["V.2"] = [null, null, null, 100, 100],
        ["total"] = [470, 1580, 1580, 1580, 5310],
    };

    readonly Dictionary<string, Dictionary<string, decimal?[]>> table = ReadAppendix(new OfficialDocumentBuilder().BuildYearEndReport(YearEndScenario.Data()));

    [Fact]
    public void Appendix_PlanRows_ReproduceThePrintedAppendixForEveryLineAndYear()
    {
        Assert.Equal(Appendix.Keys.Order(), table.Keys.Order());
        Assert.All(Appendix, line => Assert.Equal(line.Value, table[line.Key]["Kế hoạch"]));
    }

    [Fact]
    public void Appendix_ApprovedAndDisbursedRows_EqualTheSeededLedger()
    {
        foreach (var line in Appendix.Keys)
        {
            var expectedApproved = Years.Select(y => Million(Held(line, y, b => b.ReservedVnd + b.CommittedVnd + b.DisbursedVnd))).ToList();
            var expectedDisbursed = Years.Select(y => Million(Held(line, y, b => b.DisbursedVnd))).ToList();
            expectedApproved.Add(expectedApproved.Sum());
            expectedDisbursed.Add(expectedDisbursed.Sum());

            Assert.Equal(expectedApproved.Select(v => (decimal?)v), table[line]["Phê duyệt"]);
            Assert.Equal(expectedDisbursed.Select(v => (decimal?)v), table[line]["Giải ngân"]);
        }
    }

    [Fact]
    public void Appendix_SeededScenario_ShowsKnownTotals()
    {
        // Hand-computed from the seed: a slip in the expected-value code above would not hide a wrong table.
        Assert.Equal([220m, 760m, 262.5m, 278.333m, 1520.833m], table["total"]["Phê duyệt"]);
        Assert.Equal([220m, 290m, 235m, 100m, 845m], table["total"]["Giải ngân"]);
        Assert.Equal([0m, 700m, 12.5m, 145m, 857.5m], table["IV.1"]["Phê duyệt"]);
    }

    [Fact]
    public void Body_SeededScenario_ListsTargetsEnterprisesAndOverdueItems()
    {
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(YearEndScenario.Data()));
        var tables = doc.Tables();
        var targets = tables.Single(t => t[0].SequenceEqual(["TT", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"]));
        var enterprises = tables.Single(t => t[0][1] == "Mã hồ sơ" && t[0][2] == "Doanh nghiệp" && t[0].Count == 12);
        var overdue = tables.Single(t => t[0].Count == 7 && t[0][5] == "Quá hạn (ngày làm việc)");

        Assert.Equal(YearEndScenario.Catalogue.Programme.Targets.Count, targets.Count - 1);
        Assert.Contains(targets, r => r[3] == "16 lượt chuyên gia" && r[4] == "Đạt");
        Assert.Contains(targets, r => r[3] == "3 doanh nghiệp" && r[4] == "Chưa đạt");
        Assert.Equal(["NSCL-2023-AAAA01", "NSCL-2023-AAAA02", "NSCL-2025-AAAA03"], enterprises.Skip(1).Select(r => r[1]));
        Assert.Equal(["450", "250"], enterprises[1].Skip(7).Take(2));
        Assert.Equal("12", overdue[1][5]);
        Assert.Contains("1. Năm 2025: kinh phí theo Kế hoạch 1.680 triệu đồng (cộng các nội dung; dòng Tổng cộng của Phụ lục in 1.580 triệu đồng)", doc.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Report_PutsTheAppendicesInALandscapeSection()
    {
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(YearEndScenario.Data()));
        var sections = doc.Sections();

        Assert.Equal(2, sections.Count);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Portrait, sections[0].GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape, sections[1].GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient!.Value);
    }

    static long Held(string line, int year, Func<Domain.Budget.LedgerBalance, long> amount)
    {
        var programme = YearEndScenario.Catalogue.Programme;
        var items = line == "total"
            ? programme.BudgetLines.SelectMany(g => g.Items).Select(i => i.Id)
            : programme.FindLine(line)!.Items.Count > 0 ? programme.FindLine(line)!.Items.Select(i => i.Id) : [line];
        var ids = items.ToHashSet();
        return YearEndScenario.Balances.Where(b => b.Key.Year == year && ids.Contains(b.Key.LineId)).Sum(amount);
    }

    static decimal Million(long vnd) => decimal.Round(vnd / 1_000_000m, 3);

    /// <summary>line id → (Kế hoạch | Phê duyệt | Giải ngân) → [years…, Cộng], from the table headed TT | Nội dung | Số liệu.</summary>
    static Dictionary<string, Dictionary<string, decimal?[]>> ReadAppendix(byte[] docx)
    {
        using var doc = new WordReader(docx);
        var rows = doc.Tables().Single(t => t[0].Take(3).SequenceEqual(["TT", "Nội dung", "Số liệu"]));
        Assert.Equal([.. Years.Select(y => $"Năm {y}"), "Cộng", "Ghi chú"], rows[0].Skip(3));
        var result = new Dictionary<string, Dictionary<string, decimal?[]>>();
        string? group = null, current = null;
        foreach (var row in rows.Skip(1))
        {
            if (row[1].Length > 0)
            {
                var label = row[0];
                if (row[1] == "Tổng cộng")
                {
                    current = "total";
                }
                else if (label.All(char.IsAsciiDigit))
                {
                    current = $"{group}.{label}";
                }
                else
                {
                    current = group = label;
                }

                result[current] = [];
            }

            result[current!][row[2]] = row.Skip(3).Take(Years.Length + 1).Select(WordReader.Number).ToArray();
        }

        return result;
    }
}
