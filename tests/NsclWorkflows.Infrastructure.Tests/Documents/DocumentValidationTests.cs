using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>Every document kind is schema-valid and carries Vietnamese text, &lt; and &amp; intact, in the official layout.</summary>
public sealed class DocumentValidationTests
{
    static readonly OfficialDocumentBuilder Builder = new();

    public static TheoryData<string> Kinds() => new() { "appraisal", "decision-draft", "decision", "minutes", "year-end" };

    static byte[] Build(string kind) => kind switch
    {
        "appraisal" => Builder.BuildAppraisalRecord(VietnameseSamples.Appraisal()),
        "decision-draft" => Builder.BuildApprovalDecision(VietnameseSamples.Decision(draft: true)),
        "decision" => Builder.BuildApprovalDecision(VietnameseSamples.Decision(draft: false)),
        "minutes" => Builder.BuildEvaluationMinutes(VietnameseSamples.Minutes()),
        "year-end" => Builder.BuildYearEndReport(YearEndScenario.Report()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_VietnameseDataWithMarkupCharacters_PassesOpenXmlValidatorWithNoError(string kind)
    {
        using var doc = new WordReader(Build(kind));

        Assert.Empty(doc.ValidationErrors());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_VietnameseDataWithMarkupCharacters_KeepsEveryLetterAndCharacter(string kind)
    {
        using var doc = new WordReader(Build(kind));
        var text = doc.AllText();

        Assert.Contains(VietnameseSamples.EnterpriseName, text, StringComparison.Ordinal);
        Assert.Contains(VietnameseSamples.AllLetters, text, StringComparison.Ordinal);
        Assert.Contains(VietnameseSamples.AllLettersUpper, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_AnyKind_HasTheOfficialHeadingAndA4PagesWithTheDecreesMargins(string kind)
    {
        using var doc = new WordReader(Build(kind));
        var heading = doc.Tables()[0];

        Assert.Equal(["UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", string.Empty], heading[0][0].Split('\n'));
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", string.Empty], heading[0][1].Split('\n'));
        Assert.StartsWith("Số: ", heading[1][0], StringComparison.Ordinal);
        Assert.StartsWith("Đà Nẵng, ngày ", heading[1][1], StringComparison.Ordinal);
        foreach (var section in doc.Sections())
        {
            var size = section.GetFirstChild<PageSize>()!;
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.Equal([11906u, 16838u], new[] { size.Width!.Value, size.Height!.Value }.Order());
            Assert.InRange(margin.Top!.Value, 1134, 1417);      // 20–25 mm
            Assert.InRange(margin.Bottom!.Value, 1134, 1417);   // 20–25 mm
            Assert.InRange(margin.Left!.Value, 1701u, 1984u);   // 30–35 mm
            Assert.InRange(margin.Right!.Value, 850u, 1134u);   // 15–20 mm
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_AnyKind_NumbersPagesInTheHeaderExceptTheFirst(string kind)
    {
        using var doc = new WordReader(Build(kind));
        var main = doc.Document.MainDocumentPart!;
        var first = doc.Sections()[0];

        Assert.NotNull(first.GetFirstChild<TitlePage>());
        var numbered = main.GetPartById(first.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.Default).Id!);
        var blank = main.GetPartById(first.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.First).Id!);
        Assert.Contains(((DocumentFormat.OpenXml.Packaging.HeaderPart)numbered).Header.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.Empty(((DocumentFormat.OpenXml.Packaging.HeaderPart)blank).Header.Descendants<SimpleField>());
    }

    [Fact]
    public void Build_AnyKind_UsesTimesNewRomanInVietnamese()
    {
        using var doc = new WordReader(Build("decision"));
        var defaults = doc.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("Times New Roman", defaults.RunFonts!.HighAnsi!.Value);
        Assert.Equal("28", defaults.FontSize!.Val!.Value); // 14 pt
        Assert.Equal("vi-VN", defaults.Languages!.Val!.Value);
    }

    [Fact]
    public void BuildApprovalDecision_Numbered_PrintsNumberDateAmountInFiguresAndWords()
    {
        using var doc = new WordReader(Build("decision"));
        var text = doc.AllText();

        Assert.Equal("Số: 125/QĐ-SKHCN", doc.Tables()[0][1][0]);
        Assert.Equal("Đà Nẵng, ngày 05 tháng 3 năm 2025", doc.Tables()[0][1][1]);
        Assert.Contains("4. Kinh phí hỗ trợ: 145.000.000 đồng (Bằng chữ: Một trăm bốn mươi lăm triệu đồng).", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian thực hiện: từ ngày 01/04/2025 đến ngày 30/11/2025.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DỰ THẢO", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildApprovalDecision_Draft_IsMarkedAndLeavesTheNumberBlank()
    {
        using var doc = new WordReader(Build("decision-draft"));

        Assert.Equal("DỰ THẢO", doc.Paragraphs()[0]);
        Assert.Matches(@"^Số: +/QĐ-SKHCN$", doc.Tables()[0][1][0]);
    }

    [Fact]
    public void BuildAppraisalRecord_ThreeAppraisers_TabulatesScoresAndAverages()
    {
        using var doc = new WordReader(Build("appraisal"));
        var scores = doc.Tables().Single(t => t[0].SequenceEqual(["TT", "Tiêu chí", "Điểm tối đa", "TV 1", "TV 2", "TV 3", "Trung bình"]));

        Assert.Equal(["1", "Tính cấp thiết & mục tiêu <rõ ràng>", "20", "18", "16", "17", "17"], scores[1]);
        Assert.Equal(["Tổng điểm", "80", "71", "65", "68", "68"], scores[^1]);
        Assert.Contains("Kinh phí đề nghị hỗ trợ: 145.000.000 đồng (Bằng chữ: Một trăm bốn mươi lăm triệu đồng).", doc.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildEvaluationMinutes_Passed_StatesTheVerdictAndEachCriterion()
    {
        using var doc = new WordReader(Build("minutes"));
        var results = doc.Tables().Single(t => t[0][0] == "TT" && t[0][1] == "Nội dung");

        Assert.Contains("Hội đồng thống nhất đánh giá nhiệm vụ: ĐẠT.", doc.AllText(), StringComparison.Ordinal);
        Assert.Equal(["Đạt", "Đạt", "Không đạt"], results.Skip(1).Select(r => r[^1]));
    }
}
