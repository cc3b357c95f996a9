using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// A file that another sở handles (Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn) is appraised, decided,
/// evaluated and recognised in that sở's name: its heading, its symbol, its director, its seat, its filing line; the
/// Department (Sở Khoa học và Công nghệ) appears nowhere in its documents. The Department's files keep theirs.
/// </summary>
public sealed class IssuingUnitDocumentsTests
{
    static readonly OfficialDocumentBuilder Builder = new();

    [Theory]
    [InlineData(Units.IndustryAndTrade, "SỞ CÔNG THƯƠNG", "SCT", "Sở Công Thương")]
    [InlineData(Units.Agriculture, "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn")]
    [InlineData(Units.ScienceAndTechnology, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN", "Sở Khoa học và Công nghệ")]
    public void Documents_OfAUnitsFile_AreIssuedInThatUnitsName(string unit, string issuingBody, string abbreviation, string name)
    {
        var application = LifecycleDocumentsTests.Evaluated();
        application.Lifecycle.Unit = unit;
        var catalogue = LifecycleDocumentsTests.Catalogue;

        var documents = new Dictionary<string, byte[]>
        {
            ["decision"] = Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, catalogue)),
            ["recognition"] = Builder.BuildRecognitionDecision(ApplicationDocumentMapper.Recognition(application, catalogue)),
            ["appraisal"] = Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, catalogue)),
            ["minutes"] = Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, catalogue)),
        };

        foreach (var (kind, docx) in documents)
        {
            using var doc = new WordReader(docx);
            Assert.True(doc.ValidationErrors().Count == 0, $"{kind}: {string.Join("; ", doc.ValidationErrors())}");
            var text = doc.AllText() + "\n" + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));
            Assert.Contains(issuingBody, text, StringComparison.Ordinal);
            Assert.Contains(kind is "decision" or "recognition" ? $"/QĐ-{abbreviation}" : $"/BB-{abbreviation}", text, StringComparison.Ordinal);
            Assert.Contains(name, text, StringComparison.Ordinal);
            if (unit != Units.ScienceAndTechnology)
            {
                Assert.DoesNotContain("Sở Khoa học và Công nghệ", text, StringComparison.Ordinal); // the organ (the funding source "sự nghiệp khoa học và công nghệ" is a budget category)
                Assert.DoesNotContain("KHOA HỌC VÀ CÔNG NGHỆ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("QLKH", text, StringComparison.Ordinal);
            }
        }

        using var decision = new WordReader(documents["decision"]);
        var paragraphs = decision.Paragraphs();
        Assert.Contains("GIÁM ĐỐC " + issuingBody, paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Căn cứ Quyết định của Ủy ban nhân dân thành phố Đà Nẵng quy định chức năng", StringComparison.Ordinal)
            && p.Contains($"của {name} thành phố Đà Nẵng", StringComparison.Ordinal));
        Assert.Contains($"- Báo cáo tiến độ thực hiện nhiệm vụ về {name} theo lịch sau:", paragraphs);
        Assert.Contains(unit == Units.ScienceAndTechnology ? "- Lưu: VT, QLKH." : "- Lưu: VT.", paragraphs);
        using var appraisal = new WordReader(documents["appraisal"]);
        Assert.Contains(appraisal.Paragraphs(), p => p.Contains($"{name} thành phố Đà Nẵng tổ chức thẩm định hồ sơ", StringComparison.Ordinal));
    }

    [Fact]
    public void Issuer_OfAnUnknownOrEmptyUnit_IsTheDepartment()
    {
        Assert.Same(DocumentIssuer.Department, DocumentIssuer.For(""));
        Assert.Same(DocumentIssuer.Department, DocumentIssuer.For("khong-co"));
        Assert.Equal(("QĐ-SKHCN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), (DocumentIssuer.Department.Symbol(DocumentSymbols.DecisionKind), DocumentIssuer.Department.IssuingBody));
        Assert.Equal(DocumentSymbols.Decision, DocumentIssuer.Department.Symbol(DocumentSymbols.DecisionKind));
        Assert.Equal(DocumentHeader.Department, DocumentIssuer.Department.IssuingBody);
    }
}
