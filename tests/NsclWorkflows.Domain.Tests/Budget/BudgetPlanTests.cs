using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Tests.Budget;

public class BudgetPlanTests
{
    static readonly BudgetPlan Shipped = BudgetPlan.From(EmbeddedCatalogue.Load());

    [Fact]
    public void From_ShippedCatalogue_PlansItemsInDongFromMillionVnd()
    {
        Assert.Equal(800_000_000L, Shipped.PlanVnd(new BudgetKey("IV.1", 2024)));
        Assert.Equal(100_000_000L, Shipped.PlanVnd(new BudgetKey("I.2", 2022)));
        Assert.Equal(120_000_000L, Shipped.PlanVnd(new BudgetKey("I.3", 2022)));
        Assert.Equal(100_000_000L, Shipped.PlanVnd(new BudgetKey("V.2", 2025)));
    }

    [Fact]
    public void From_ShippedCatalogue_GroupsTotalAndEmptyCellsHaveNoPlan()
    {
        Assert.Null(Shipped.PlanVnd(new BudgetKey("IV", 2024)));        // a group: the sum of its items
        Assert.Null(Shipped.PlanVnd(new BudgetKey("total", 2024)));     // the printed total row
        Assert.Null(Shipped.PlanVnd(new BudgetKey("IV.1", 2022)));      // empty cell
        Assert.Null(Shipped.PlanVnd(new BudgetKey("IV.3", 2024)));      // funded elsewhere (lồng ghép)
        Assert.True(Shipped.IsLedgerLine("IV.3"));
        Assert.False(Shipped.IsLedgerLine("IV"));
        Assert.False(Shipped.IsLedgerLine("total"));
    }

    [Fact]
    public void From_ShippedCatalogue_EveryKeyOfAYearAddsUpToTheGroupsOfThatYear()
    {
        // 2024: I 480 + II 200 + IV 800 + V 100 = 1.580 million; III has nothing in 2024.
        var total2024 = Shipped.Keys.Where(k => k.Year == 2024).Sum(k => Shipped.PlanVnd(k)!.Value);

        Assert.Equal(1_580_000_000L, total2024);
        Assert.Contains(new BudgetKey("IV.1", 2023), Shipped.Keys);
        Assert.DoesNotContain(Shipped.Keys, k => k.LineId is "IV" or "total" or "IV.3");
    }

    [Fact]
    public void From_EverySupportKind_PointsAtALedgerLine()
    {
        var catalogue = EmbeddedCatalogue.Load();

        Assert.All(catalogue.Kinds, k => Assert.True(Shipped.IsLedgerLine(k.BudgetLineId), k.Id));
    }

    [Theory]
    [InlineData("800", 800_000_000L)]
    [InlineData("0.5", 500_000L)]
    [InlineData("12.3456789", 12_345_679L)]
    public void ToDong_MillionVnd_WholeDong(string million, long expected) =>
        Assert.Equal(expected, BudgetPlan.ToDong(decimal.Parse(million, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0L, "0 đồng")]
    [InlineData(20_000_000L, "20.000.000 đồng")]
    [InlineData(1_234_000_000L, "1.234.000.000 đồng")]
    [InlineData(-5_000L, "-5.000 đồng")]
    public void Dong_Amount_VietnameseThousandsSeparator(long amount, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Dong(amount));
}
