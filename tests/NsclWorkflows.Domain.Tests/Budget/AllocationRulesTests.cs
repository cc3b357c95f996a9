using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Tests.Budget;

public class AllocationRulesTests
{
    static readonly BudgetKey Key = new("I.3", 2026);
    static readonly DateTimeOffset At = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    static readonly AllocationDocument Decision = new("123/QĐ-UBND", new DateOnly(2026, 1, 15), "UBND thành phố Đà Nẵng");

    static AllocationRequest Ask(AllocationKind kind, long amount, BudgetKey? key = null, string id = "a1") =>
        new(id, key ?? Key, kind, amount, kind == AllocationKind.Allocate ? null : "I.2", Decision, "Giao dự toán", "admin", At);

    static LedgerBalance NoneYet(long reserved = 0, long committed = 0, long disbursed = 0) => new(Key, 0, reserved, committed, disbursed);

    static LedgerBalance Recorded(long ceiling, long reserved = 0, long committed = 0, long disbursed = 0) =>
        new LedgerBalance(Key, 0, reserved, committed, disbursed) with { CeilingVnd = ceiling, CeilingSource = CeilingSource.Recorded };

    [Fact]
    public void Decide_FirstAllocation_SetsTheCeilingAndRecordsTheDelta()
    {
        var (balance, entry, refusal) = AllocationRules.Decide(Ask(AllocationKind.Allocate, 150_000_000), NoneYet(), 1);

        Assert.Null(refusal);
        Assert.Equal((150_000_000L, CeilingSource.Recorded), (balance.CeilingVnd, balance.CeilingSource));
        Assert.Equal((150_000_000L, 150_000_000L, 1L), (entry!.DeltaVnd, entry.CeilingAfterVnd, entry.Sequence));
        Assert.Equal(Decision, entry.Document);
    }

    [Fact]
    public void Decide_RevisionDown_IsANewEntryWithANegativeDelta()
    {
        var (balance, entry, _) = AllocationRules.Decide(Ask(AllocationKind.Allocate, 90_000_000, id: "a2"), Recorded(150_000_000, reserved: 60_000_000), 2);

        Assert.Equal(90_000_000, balance.CeilingVnd);
        Assert.Equal(30_000_000, balance.RemainingVnd);
        Assert.Equal((-60_000_000L, 90_000_000L, 2L), (entry!.DeltaVnd, entry.CeilingAfterVnd, entry.Sequence));
    }

    [Fact]
    public void Decide_AllocationBelowWhatIsHeld_Refused()
    {
        var before = Recorded(150_000_000, reserved: 60_000_000, committed: 30_000_000, disbursed: 10_000_000);

        var (balance, entry, refusal) = AllocationRules.Decide(Ask(AllocationKind.Allocate, 99_999_999), before, 2);

        Assert.Equal(LedgerRefusalCodes.AllocationBelowUsed, refusal!.Code);
        Assert.Contains("100.000.000", refusal.Message, StringComparison.Ordinal);
        Assert.Null(entry);
        Assert.Equal(before, balance);
        Assert.Null(AllocationRules.Decide(Ask(AllocationKind.Allocate, 100_000_000), before, 2).Refusal);
    }

    [Fact]
    public void Decide_ZeroAllocation_AllowedAndLeavesNothingToReserve()
    {
        var (balance, _, refusal) = AllocationRules.Decide(Ask(AllocationKind.Allocate, 0), NoneYet(), 1);

        Assert.Null(refusal);
        Assert.Equal((0L, CeilingSource.Recorded), (balance.RemainingVnd, balance.CeilingSource));
        Assert.Equal(LedgerRefusalCodes.AmountNegative, AllocationRules.Decide(Ask(AllocationKind.Allocate, -1), NoneYet(), 1).Refusal!.Code);
    }

    [Fact]
    public void Decide_AllocationOverThePlanFigure_ReplacesThePrintedFigure()
    {
        var key = new BudgetKey("IV.1", 2024);
        var printed = new LedgerBalance(key, 800_000_000, 100_000_000, 0, 0);

        var (balance, entry, _) = AllocationRules.Decide(Ask(AllocationKind.Allocate, 700_000_000, key), printed, 1);

        Assert.Equal(CeilingSource.Plan, printed.CeilingSource);
        Assert.Equal((700_000_000L, 800_000_000L, CeilingSource.Recorded), (balance.CeilingVnd, balance.PlanVnd, balance.CeilingSource));
        Assert.Equal(-100_000_000, entry!.DeltaVnd);
    }

    [Fact]
    public void Decide_TransferOut_NeverBelowWhatIsHeld()
    {
        var source = Recorded(200_000_000, reserved: 50_000_000, committed: 50_000_000);

        var exact = AllocationRules.Decide(Ask(AllocationKind.TransferOut, 100_000_000), source, 3);
        var beyond = AllocationRules.Decide(Ask(AllocationKind.TransferOut, 100_000_001), source, 3);

        Assert.Null(exact.Refusal);
        Assert.Equal((100_000_000L, 0L, -100_000_000L), (exact.Balance.CeilingVnd, exact.Balance.RemainingVnd, exact.Entry!.DeltaVnd));
        Assert.Equal(LedgerRefusalCodes.TransferExceedsAvailable, beyond.Refusal!.Code);
        Assert.Contains("100.000.000", beyond.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TransferOutOfAnItemWithoutAllocation_RefusedNoAllocation()
    {
        Assert.Equal(LedgerRefusalCodes.NoAllocation, AllocationRules.Decide(Ask(AllocationKind.TransferOut, 1), NoneYet(), 1).Refusal!.Code);
    }

    [Fact]
    public void Decide_TransferIn_AddsToTheCeilingOrStartsOne()
    {
        var intoNone = AllocationRules.Decide(Ask(AllocationKind.TransferIn, 40_000_000), NoneYet(), 1);
        var intoRecorded = AllocationRules.Decide(Ask(AllocationKind.TransferIn, 40_000_000), Recorded(100_000_000), 2);

        Assert.Equal((40_000_000L, CeilingSource.Recorded), (intoNone.Balance.CeilingVnd, intoNone.Balance.CeilingSource));
        Assert.Equal(140_000_000, intoRecorded.Balance.CeilingVnd);
        Assert.Equal(LedgerRefusalCodes.AmountNotPositive, AllocationRules.Decide(Ask(AllocationKind.TransferIn, 0), NoneYet(), 1).Refusal!.Code);
    }

    [Fact]
    public void Replay_SameEntry_AppliedAsReplay_DifferentEntry_Refused()
    {
        var request = Ask(AllocationKind.Allocate, 150_000_000);
        var (_, entry, _) = AllocationRules.Decide(request, NoneYet(), 1);

        Assert.True(AllocationRules.Replay(request, entry!, Recorded(150_000_000)).WasReplay);
        Assert.Equal(LedgerRefusalCodes.MovementIdReused,
            AllocationRules.Replay(request with { AmountVnd = 1 }, entry!, Recorded(150_000_000)).RefusalCode);
    }

    [Fact]
    public void BudgetPlan_ShippedCatalogue_FundsNineItemsAndAllowsYearsTo2035()
    {
        var plan = BudgetPlan.From(EmbeddedCatalogue.Load());

        Assert.Equal(["I.1", "I.2", "I.3", "I.4", "II.1", "III.1", "IV.1", "V.1", "V.2"], plan.FundedItems);
        Assert.False(plan.IsFundedItem("IV.3"));
        Assert.Equal((2022, 2035), (plan.FirstYear, plan.LastYear));
        Assert.True(plan.IsAllocationYear(2030));
        Assert.False(plan.IsAllocationYear(2036));
    }

    [Fact]
    public void LedgerBalance_PrintedFigureWithoutAllocation_StandsAsTheCeiling()
    {
        var printed = new LedgerBalance(new BudgetKey("IV.1", 2025), 800_000_000, 100_000_000, 0, 0);
        var none = new LedgerBalance(new BudgetKey("IV.1", 2026), 0, 0, 0, 0);

        Assert.Equal((800_000_000L, CeilingSource.Plan, 700_000_000L), (printed.CeilingVnd, printed.CeilingSource, printed.RemainingVnd));
        Assert.Equal((0L, CeilingSource.None), (none.CeilingVnd, none.CeilingSource));
    }
}
