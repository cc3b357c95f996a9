using NsclWorkflows.Domain.Catalogue;
using static NsclWorkflows.Domain.Tests.Catalogue.TestCatalogues;

namespace NsclWorkflows.Domain.Tests.Catalogue;

public class CatalogueValidatorTests
{
    [Fact]
    public void Parse_ConsistentCatalogue_LoadsWithoutBlockingFindings()
    {
        var catalogue = CatalogueLoader.Parse(Valid);

        Assert.True(catalogue.Report.IsLoadable);
        Assert.DoesNotContain(catalogue.Report.Findings, f => f.Kind is FindingKind.Mismatch or FindingKind.Error);
        Assert.Equal(20000000, catalogue.FindKind("k1")!.MaxAmountVnd);
        Assert.Equal(15, catalogue.FindKind("k1")!.Policy.AppraisalWorkingDays);
    }

    [Fact]
    public void Validate_ItemWithAllCellsEmpty_ReportedAsIntegratedElsewhereAndExcluded()
    {
        var finding = Single(ReportOf(Valid), CatalogueFindingCodes.ItemIntegratedElsewhere, "I.3", null);

        Assert.Equal(FindingKind.IntegratedElsewhere, finding.Kind);
        Assert.False(finding.IsBlocking);
        Assert.Contains("Nguồn khác", finding.Message);
    }

    [Fact]
    public void Validate_RowTotalDiffersFromYears_ReportsRowTotalMismatch()
    {
        var json = Valid.Replace(ItemOne, ItemOne.Replace("\"printedTotal\": 30", "\"printedTotal\": 31"));

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(json));

        var finding = Single(ex.Report, CatalogueFindingCodes.RowTotalMismatch, "I.1", null);
        Assert.Equal((31m, 30m), (finding.Printed!.Value, finding.Computed!.Value));
        Assert.True(finding.IsBlocking);
        Assert.Contains("I.1 | Cộng | in 31 | tính 30 | row_total_mismatch", ex.Message);
    }

    [Fact]
    public void Validate_GroupYearDiffersFromItems_ReportsGroupSumMismatch()
    {
        var json = Valid.Replace(ItemTwo, ItemTwo.Replace("\"2022\": 5", "\"2022\": 6").Replace("\"printedTotal\": 20", "\"printedTotal\": 21"));

        var report = ReportOf(json);

        var year = Single(report, CatalogueFindingCodes.GroupSumMismatch, "I", 2022);
        Assert.Equal((15m, 16m), (year.Printed!.Value, year.Computed!.Value));
        var column = Single(report, CatalogueFindingCodes.GroupSumMismatch, "I", null);
        Assert.Equal((50m, 51m), (column.Printed!.Value, column.Computed!.Value));
        Assert.DoesNotContain(report.Findings, f => f.Code == CatalogueFindingCodes.GrandTotalMismatch);
    }

    [Fact]
    public void Validate_TotalRowYearDiffersFromGroups_ReportsGrandTotalMismatch()
    {
        var json = Valid.Replace(TotalRow, TotalRow.Replace("\"2023\": 135", "\"2023\": 136").Replace("\"printedTotal\": 150", "\"printedTotal\": 151"));

        var report = ReportOf(json);

        var finding = Single(report, CatalogueFindingCodes.GrandTotalMismatch, "total", 2023);
        Assert.Equal((136m, 135m), (finding.Printed!.Value, finding.Computed!.Value));
        Assert.False(report.IsLoadable);
    }

    [Fact]
    public void Validate_TotalRowOverallDiffers_ReportsRowAndGrandTotalMismatch()
    {
        var json = Valid.Replace(TotalRow, TotalRow.Replace("\"printedTotal\": 150", "\"printedTotal\": 160"));

        var report = ReportOf(json);

        Assert.Equal(150m, Single(report, CatalogueFindingCodes.RowTotalMismatch, "total", null).Computed);
        Assert.Equal(150m, Single(report, CatalogueFindingCodes.GrandTotalMismatch, "total", null).Computed);
    }

    [Fact]
    public void Validate_DuplicateLineId_ReportsDuplicateId()
    {
        var json = Valid.Replace(ItemTwo, ItemTwo.Replace("\"I.2\"", "\"I.1\""));

        var finding = Single(ReportOf(json), CatalogueFindingCodes.DuplicateId, "I.1", null);

        Assert.Equal(FindingKind.Error, finding.Kind);
    }

    [Fact]
    public void Validate_DuplicateSupportKindId_ReportsDuplicateId()
    {
        var json = Valid.Replace(Kind, Kind + ", " + Kind);

        Assert.Equal(FindingKind.Error, Single(ReportOf(json), CatalogueFindingCodes.DuplicateId, "k1", null).Kind);
    }

    [Fact]
    public void Validate_SupportKindPointsAtMissingLine_ReportsUnknownBudgetLine()
    {
        var json = Valid.Replace(Kind, Kind.Replace("\"I.1\"", "\"IX.9\""));

        var finding = Single(ReportOf(json), CatalogueFindingCodes.UnknownBudgetLine, "IX.9", null);

        Assert.Contains("k1", finding.Message);
    }

    [Fact]
    public void Validate_NonPositivePolicyValue_ReportsIt()
    {
        var json = Valid.Replace(Kind, Kind.Replace("}", ", \"policy\": { \"appraisalWorkingDays\": 0 } }"));

        var finding = Single(ReportOf(json), CatalogueFindingCodes.NonPositivePolicyValue, "k1", null);

        Assert.Equal(0m, finding.Printed);
        Assert.Contains("appraisalWorkingDays", finding.Message);
    }

    [Fact]
    public void Validate_NonPositiveMaxAmount_ReportsIt()
    {
        var json = Valid.Replace(Kind, Kind.Replace("20000000", "0"));

        Assert.Contains("maxAmountVnd", Single(ReportOf(json), CatalogueFindingCodes.NonPositivePolicyValue, "k1", null).Message);
    }
}
