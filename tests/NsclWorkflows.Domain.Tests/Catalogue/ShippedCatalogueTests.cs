using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Tests.Catalogue;

public class ShippedCatalogueTests
{
    readonly ProgrammeCatalogue catalogue = EmbeddedCatalogue.Load();

    [Fact]
    public void Load_ShippedCatalogue_HasNoUnacknowledgedFinding()
    {
        Assert.Empty(catalogue.Report.Blocking);
        Assert.DoesNotContain(catalogue.Report.Findings, f => f.Kind == FindingKind.Notice);
    }

    [Fact]
    public void Load_ShippedCatalogue_AcknowledgesOnlyThePrintedTotalRowMismatches()
    {
        var mismatches = catalogue.Report.Findings.Where(f => f.Kind == FindingKind.Mismatch)
            .Select(f => (f.Code, f.LineId, f.Year, f.Printed, f.Computed)).ToArray();

        Assert.Equal(
            [
                (CatalogueFindingCodes.RowTotalMismatch, "total", (int?)null, (decimal?)5310m, (decimal?)5210m),
                (CatalogueFindingCodes.GrandTotalMismatch, "total", 2025, 1580m, 1680m),
            ],
            mismatches);
    }

    [Fact]
    public void Load_ShippedCatalogue_CarriesAppendixAsPrinted()
    {
        var programme = catalogue.Programme;

        Assert.Equal(["I", "II", "III", "IV", "V"], programme.BudgetLines.Select(l => l.Id));
        Assert.Equal(21, programme.AllLines.Count()); // 5 groups, 16 items (I: 5, II: 2, III: 2, IV: 5, V: 2)
        Assert.Equal([120m, 180m, 180m, 180m], programme.FindLine("I.3")!.Amounts.Values.Select(v => v!.Value));
        Assert.Null(programme.FindLine("V.2")!.AmountIn(2024));
        Assert.Equal(100m, programme.FindLine("V.2")!.AmountIn(2025));
        Assert.Equal("Sở Công Thương", programme.FindLine("IV.5")!.LeadUnit);
        Assert.Equal([470m, 1580m, 1580m, 1580m], programme.PrintedTotalRow.Amounts.Values.Select(v => v!.Value));
        Assert.Equal(5310m, programme.PrintedTotalRow.PrintedTotal);
        Assert.Equal(7, catalogue.Report.Findings.Count(f => f.Kind == FindingKind.IntegratedElsewhere));
    }

    [Fact]
    public void Load_ShippedCatalogue_HasSectionII2Targets()
    {
        var targets = catalogue.Programme.Targets.ToDictionary(t => t.Id);

        Assert.Equal(15m, targets["experts-certified"].Value);
        Assert.Equal((45m, "%", 2025), (targets["tfp-contribution-2025"].Value, targets["tfp-contribution-2025"].Unit, targets["tfp-contribution-2025"].ByYear));
        Assert.Equal(TargetComparison.GreaterThan, targets["tfp-contribution-2030"].Comparison);
        Assert.Equal(5m, targets["st-tasks"].Value);
        Assert.Equal(15m, targets["enterprises-supported"].Value);
        Assert.Equal(3m, targets["pilot-model-enterprises"].Value);
    }

    [Fact]
    public void Load_ShippedCatalogue_KeepsSupportKindsOnExistingLines()
    {
        Assert.Equal(11, catalogue.Kinds.Count);
        Assert.All(catalogue.Kinds, k => Assert.NotNull(catalogue.Programme.FindLine(k.BudgetLineId)));
        var experts = catalogue.FindKind("expert-training")!;
        Assert.Equal(("I.2", 20000000L, 1), (experts.BudgetLineId, experts.MaxAmountVnd!.Value, experts.Policy.CheckInCount));
        Assert.Equal(4, catalogue.FindKind("pilot-model")!.Policy.CheckInCount);
        Assert.Equal("37-KH-UBND-2022.1", catalogue.Version);
    }
}
