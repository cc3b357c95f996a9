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
    public void Load_ShippedCatalogue_I3ClassesTargetIsThePlansYearlyQuantityCountedFromActivityOutputs()
    {
        var target = catalogue.Programme.Targets.Single(t => t.Id == "i3-classes-held");
        var classes = catalogue.Programme.FindLine("I.3")!.YearlyQuantities.Single(q => q.Id == "classes-per-year");

        Assert.Equal(catalogue.Programme.Years.Where(y => y <= target.ByYear).Sum(classes.In), target.Value);
        Assert.Equal(("I.3", classes.Unit), (target.BudgetLineId, target.Unit));
        Assert.Equal((TargetCount.ActivityOutputs, TargetStage.Completed), (target.Measure!.Count, target.Measure.Stage));
        Assert.Equal([NsclWorkflows.Domain.Activities.ActivityOutputKind.ClassesHeld], target.Measure.OutputKinds);
        Assert.DoesNotContain(catalogue.Programme.Targets.Where(t => t.Id != target.Id), t => t.Measure?.Count == TargetCount.ActivityOutputs);
    }

    [Fact]
    public void Load_ShippedCatalogue_KeepsSupportKindsOnExistingLines()
    {
        Assert.Equal(12, catalogue.Kinds.Count);
        Assert.All(catalogue.Kinds, k => Assert.NotNull(catalogue.Programme.FindLine(k.BudgetLineId)));
        var experts = catalogue.FindKind("expert-training")!;
        Assert.Equal(("I.2", 20000000L, 1), (experts.BudgetLineId, experts.MaxAmountVnd!.Value, experts.Policy.CheckInCount));
        Assert.Equal(4, catalogue.FindKind("pilot-model")!.Policy.CheckInCount);
        Assert.Equal("37-KH-UBND-2022.5", catalogue.Version);
    }

    [Theory]
    [InlineData("e-commerce", "IV.5", "sct", "Kế hoạch số 121/KH-UBND")]
    [InlineData("traceability-gap", "IV.4", "snnptnt", "Sở Nông nghiệp và Phát triển nông thôn")]
    [InlineData("digital-management", "IV.3", "skhcn", "sở, ban, ngành")]
    public void Load_ShippedCatalogue_IntegratedKindsSitOnThePlansItemAndUnit(string kindId, string lineId, string unit, string fundedFrom)
    {
        var kind = catalogue.FindKind(kindId)!;

        Assert.Equal(lineId, kind.BudgetLineId);
        Assert.True(catalogue.LineOf(kind)!.IsIntegrated);
        Assert.Equal(unit, NsclWorkflows.Domain.Lifecycle.Units.ForLine(catalogue.Programme, kind.BudgetLineId));
        Assert.Contains(fundedFrom, catalogue.IntegratedFundingOf(kind), StringComparison.Ordinal);
        Assert.Null(kind.Cap);
    }

    [Fact]
    public void Load_ShippedCatalogue_EveryEmptyItemIsMarkedIntegratedAndEveryFundedItemIsNot()
    {
        var items = catalogue.Programme.BudgetLines.SelectMany(g => g.Items).ToList();

        Assert.Equal(["I.5", "II.2", "III.2", "IV.2", "IV.3", "IV.4", "IV.5"], items.Where(i => i.IsIntegrated).Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(!i.HasFigures, i.IsIntegrated));
        Assert.All(items.Where(i => i.IsIntegrated), i => Assert.False(string.IsNullOrWhiteSpace(i.FundedFrom)));
    }

    [Fact]
    public void Load_ShippedCatalogue_PlanFundedKindsHaveCapsWithTheirSource()
    {
        var planFunded = catalogue.Kinds.Where(k => !catalogue.LineOf(k)!.IsIntegrated).ToList();

        Assert.Equal(9, planFunded.Count);
        Assert.All(planFunded, k => Assert.NotNull(k.Cap));
        var experts = catalogue.FindKind("expert-training")!;
        Assert.Equal((20_000_000L, CapUnit.Person, CapSource.Plan, true), (experts.Cap!.AmountVnd, experts.Cap.Per, experts.Cap.Source, experts.NominatesPersons));
        Assert.All(planFunded.Where(k => k.BudgetLineId == "IV.1"), k => Assert.Equal(CapSource.DepartmentDefault, k.Cap!.Source));
    }

    [Fact]
    public void Load_ShippedCatalogue_YearlyQuantitiesAreThePlansText()
    {
        var experts = Assert.Single(catalogue.Programme.FindLine("I.2")!.YearlyQuantities);
        var classes = Assert.Single(catalogue.Programme.FindLine("I.3")!.YearlyQuantities);
        var support = catalogue.Programme.FindLine("IV.1")!.YearlyQuantities;

        Assert.Equal((5m, QuantityQualifier.About, 20_000_000L), (experts.Value, experts.Qualifier, experts.UnitCostVnd!.Value));
        Assert.Equal((2m, 3m, 3m), (classes.In(2022), classes.In(2023), classes.In(2026)));
        Assert.Equal([(5m, QuantityQualifier.About), (1m, QuantityQualifier.AtLeast)], support.Select(q => (q.Value, q.Qualifier)));
    }
}
