using NsclWorkflows.Domain.Catalogue;
using static NsclWorkflows.Domain.Tests.Catalogue.TestCatalogues;

namespace NsclWorkflows.Domain.Tests.Catalogue;

public class CatalogueAcknowledgementTests
{
    static readonly string Broken = Valid.Replace(ItemOne, ItemOne.Replace("\"printedTotal\": 30", "\"printedTotal\": 31"));

    [Fact]
    public void Parse_AcknowledgedMismatches_LoadsAndReportsThemAcknowledged()
    {
        var json = Broken.Replace(NoAcknowledgements, """
            "acknowledgedMismatches": [
              { "lineId": "I.1", "year": null, "printed": 31, "computed": 30, "note": "Số liệu in trong Phụ lục." },
              { "lineId": "I", "year": null, "printed": 50, "computed": 51, "note": "Hệ quả của dòng I.1." }
            ]
            """);

        var catalogue = CatalogueLoader.Parse(json);

        var finding = Single(catalogue.Report, CatalogueFindingCodes.RowTotalMismatch, "I.1", null);
        Assert.True(finding.Acknowledged);
        Assert.Equal("Số liệu in trong Phụ lục.", finding.AcknowledgementNote);
        Assert.Contains("[CHÊNH LỆCH - ĐÃ GHI NHẬN] | I.1 | Cộng | in 31 | tính 30", catalogue.Report.ToText());
    }

    [Fact]
    public void Parse_AcknowledgementWithOtherFigures_StillFailsAndFlagsUnusedAcknowledgement()
    {
        var json = Broken.Replace(NoAcknowledgements, """
            "acknowledgedMismatches": [
              { "lineId": "I.1", "year": null, "printed": 31, "computed": 29, "note": "Số cũ." },
              { "lineId": "I", "year": null, "printed": 50, "computed": 51, "note": "Hệ quả của dòng I.1." }
            ]
            """);

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(json));

        Assert.False(Single(ex.Report, CatalogueFindingCodes.RowTotalMismatch, "I.1", null).Acknowledged);
        Assert.Equal(FindingKind.Notice, Single(ex.Report, CatalogueFindingCodes.UnusedAcknowledgement, "I.1", null).Kind);
    }

    [Fact]
    public void LoadFile_AmendedCatalogueOnDisk_Loads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Valid);

            Assert.Equal("test.1", CatalogueLoader.LoadFile(path).Version);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_MalformedJson_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse("{ \"version\": "));
    }
}
