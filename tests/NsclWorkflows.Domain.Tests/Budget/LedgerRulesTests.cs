using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Tests.Budget;

public class LedgerRulesTests
{
    static readonly BudgetKey Key = new("IV.1", 2024);
    static readonly DateTimeOffset At = new(2024, 5, 2, 3, 0, 0, TimeSpan.Zero);
    const string App = "app1";

    static BudgetMovementRequest Move(BudgetMovementKind kind, long amount, string app = App, string id = "m1") =>
        new(id, Key, app, kind, amount, "lanhdao@dost.danang.gov.vn", "Phê duyệt", At);

    static LedgerBalance Balance(long plan = 800_000_000, long reserved = 0, long committed = 0, long disbursed = 0) =>
        new(Key, plan, reserved, committed, disbursed);

    static LedgerHolding Holding(long reserved = 0, long committed = 0, long disbursed = 0) =>
        new(Key, App, reserved, committed, disbursed);

    [Fact]
    public void Decide_ReserveExactlyTheRemaining_MovesAvailableToReserved()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 400_000_000), Balance(reserved: 100_000_000, committed: 200_000_000, disbursed: 100_000_000), Holding());

        Assert.True(d.Applied);
        Assert.Equal(Balance(reserved: 500_000_000, committed: 200_000_000, disbursed: 100_000_000), d.Balance);
        Assert.Equal(0, d.Balance.RemainingVnd);
        Assert.Equal(Holding(reserved: 400_000_000), d.Holding);
    }

    [Fact]
    public void Decide_ReserveOneDongMoreThanRemaining_RefusedWithAmountsInVietnamese()
    {
        var before = Balance(reserved: 566_000_000);
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 234_000_001), before, Holding());

        Assert.False(d.Applied);
        Assert.Equal(LedgerRefusalCodes.BudgetExceeded, d.Refusal!.Code);
        Assert.Equal("Không đủ kinh phí: mục IV.1 năm 2024 còn 234.000.000 đồng, không đủ để tạm giữ 234.000.001 đồng cho hồ sơ app1.", d.Refusal.Message);
        Assert.Equal(before, d.Balance);
        Assert.Equal(Holding(), d.Holding);
    }

    [Fact]
    public void Decide_ReleaseWithinReserved_ReturnsMoneyToTheLine()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Release, 50_000_000), Balance(reserved: 150_000_000), Holding(reserved: 150_000_000));

        Assert.True(d.Applied);
        Assert.Equal(Balance(reserved: 100_000_000), d.Balance);
        Assert.Equal(700_000_000, d.Balance.RemainingVnd);
        Assert.Equal(Holding(reserved: 100_000_000), d.Holding);
    }

    [Fact]
    public void Decide_ReleaseMoreThanTheApplicationHolds_RefusedEvenIfTheLineHoldsMore()
    {
        // Another application's reservation on the same line must not be releasable through this one.
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Release, 60_000_000), Balance(reserved: 500_000_000), Holding(reserved: 50_000_000));

        Assert.Equal(LedgerRefusalCodes.ReleaseExceedsReserved, d.Refusal!.Code);
        Assert.Equal("Không thể hủy tạm giữ 60.000.000 đồng: hồ sơ app1 chỉ đang tạm giữ 50.000.000 đồng trên mục IV.1 năm 2024.", d.Refusal.Message);
    }

    [Fact]
    public void Decide_CommitWithinReserved_MovesReservedToCommitted()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Commit, 40_000_000), Balance(reserved: 100_000_000), Holding(reserved: 100_000_000));

        Assert.True(d.Applied);
        Assert.Equal(Balance(reserved: 60_000_000, committed: 40_000_000), d.Balance);
        Assert.Equal(700_000_000, d.Balance.RemainingVnd); // committing does not free money
        Assert.Equal(Holding(reserved: 60_000_000, committed: 40_000_000), d.Holding);
    }

    [Fact]
    public void Decide_CommitMoreThanReserved_Refused()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Commit, 100_000_001), Balance(reserved: 100_000_000), Holding(reserved: 100_000_000));

        Assert.Equal(LedgerRefusalCodes.CommitExceedsReserved, d.Refusal!.Code);
        Assert.Contains("cam kết chi 100.000.001 đồng", d.Refusal.Message);
    }

    [Fact]
    public void Decide_DisburseWithinCommitted_MovesCommittedToDisbursed()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Disburse, 40_000_000), Balance(reserved: 10_000_000, committed: 40_000_000),
            Holding(reserved: 10_000_000, committed: 40_000_000));

        Assert.True(d.Applied);
        Assert.Equal(Balance(reserved: 10_000_000, disbursed: 40_000_000), d.Balance);
        Assert.Equal(Holding(reserved: 10_000_000, disbursed: 40_000_000), d.Holding);
    }

    [Fact]
    public void Decide_DisburseFromReservedOnly_RefusedBecauseNothingIsCommitted()
    {
        var d = LedgerRules.Decide(Move(BudgetMovementKind.Disburse, 1), Balance(reserved: 10_000_000), Holding(reserved: 10_000_000));

        Assert.Equal(LedgerRefusalCodes.DisburseExceedsCommitted, d.Refusal!.Code);
        Assert.Equal("Không thể giải ngân 1 đồng: hồ sơ app1 chỉ có 0 đồng đã cam kết chi trên mục IV.1 năm 2024.", d.Refusal.Message);
    }

    [Theory]
    [InlineData(BudgetMovementKind.Reserve, 0L)]
    [InlineData(BudgetMovementKind.Release, -1L)]
    [InlineData(BudgetMovementKind.Commit, 0L)]
    [InlineData(BudgetMovementKind.Disburse, -20_000_000L)]
    public void Decide_AmountNotPositive_Refused(BudgetMovementKind kind, long amount)
    {
        var d = LedgerRules.Decide(Move(kind, amount), Balance(reserved: 50, committed: 50), Holding(reserved: 50, committed: 50));

        Assert.Equal(LedgerRefusalCodes.AmountNotPositive, d.Refusal!.Code);
        Assert.StartsWith("Số tiền phải lớn hơn 0 đồng", d.Refusal.Message);
        Assert.Equal(Balance(reserved: 50, committed: 50), d.Balance);
    }

    [Fact]
    public void Decide_LineOverdrawnByAnAmendedPlan_RefusesReserveButStillReleases()
    {
        // The catalogue was amended to a plan below what is already reserved: remaining is negative.
        var overdrawn = Balance(plan: 100_000_000, reserved: 150_000_000);

        var reserve = LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 1), overdrawn, Holding(reserved: 150_000_000));
        var release = LedgerRules.Decide(Move(BudgetMovementKind.Release, 150_000_000), overdrawn, Holding(reserved: 150_000_000));

        Assert.Equal(LedgerRefusalCodes.BudgetExceeded, reserve.Refusal!.Code);
        Assert.Contains("còn 0 đồng", reserve.Refusal.Message);
        Assert.True(release.Applied);
        Assert.Equal(100_000_000, release.Balance.RemainingVnd);
    }

    [Fact]
    public void Decide_BalanceOfAnotherLine_Throws()
    {
        var other = new LedgerBalance(new BudgetKey("I.2", 2024), 100, 0, 0, 0);

        Assert.Throws<ArgumentException>(() => LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 1), other, Holding()));
        Assert.Throws<ArgumentException>(() => LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 1, app: "other"), Balance(), Holding()));
        Assert.Throws<ArgumentException>(() => LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 1, id: " "), Balance(), Holding()));
    }

    [Fact]
    public void CheckLine_ShippedCatalogue_RefusesGroupsUnknownLinesAndItemsFundedElsewhere()
    {
        var plan = BudgetPlan.From(EmbeddedCatalogue.Load());

        Assert.Null(LedgerRules.CheckLine(plan, new BudgetKey("IV.1", 2025)));
        Assert.Null(LedgerRules.CheckLine(plan, new BudgetKey("IV.1", 2022)));   // an empty cell: the ceiling decides (no_allocation)
        Assert.Null(LedgerRules.CheckLine(plan, new BudgetKey("IV.1", 2026)));   // after the plan: allocations are data
        Assert.Equal(LedgerRefusalCodes.UnknownBudgetLine, LedgerRules.CheckLine(plan, new BudgetKey("IV", 2025))!.Code);
        Assert.Equal(LedgerRefusalCodes.UnknownBudgetLine, LedgerRules.CheckLine(plan, new BudgetKey("IX.9", 2025))!.Code);
        var elsewhere = LedgerRules.CheckLine(plan, new BudgetKey("IV.3", 2024))!;
        Assert.Equal(LedgerRefusalCodes.NoBudgetInYear, elsewhere.Code);
        Assert.Contains("lồng ghép", elsewhere.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ReserveWithoutAllocation_RefusedNoAllocationNamingItemYearAndAdmin()
    {
        var key = new BudgetKey("IV.1", 2026);
        var none = new LedgerBalance(key, 0, 0, 0, 0);

        var d = LedgerRules.Decide(new BudgetMovementRequest("m1", key, App, BudgetMovementKind.Reserve, 1, "a", "r", At), none,
            new LedgerHolding(key, App, 0, 0, 0));

        Assert.Equal(CeilingSource.None, none.CeilingSource);
        Assert.Equal(LedgerRefusalCodes.NoAllocation, d.Refusal!.Code);
        Assert.Contains("IV.1", d.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("năm 2026", d.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Quản trị hệ thống", d.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(none, d.Balance);
    }

    [Fact]
    public void Decide_ReserveAgainstRecordedAllocation_UsesTheAllocationNotThePlan()
    {
        var allocated = Balance() with { CeilingVnd = 300_000_000, CeilingSource = CeilingSource.Recorded };

        var within = LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 300_000_000), allocated, Holding());
        var beyond = LedgerRules.Decide(Move(BudgetMovementKind.Reserve, 300_000_001), allocated, Holding());

        Assert.True(within.Applied);
        Assert.Equal(0, within.Balance.RemainingVnd);
        Assert.Equal(LedgerRefusalCodes.BudgetExceeded, beyond.Refusal!.Code);
    }

    [Fact]
    public void Replay_SameMovement_AppliedAsReplay()
    {
        var request = Move(BudgetMovementKind.Reserve, 10_000_000);
        var existing = LedgerRules.EntryOf(request) with { AtUtc = At.AddMinutes(-5), Actor = "first attempt" };

        var result = LedgerRules.Replay(request, existing, Balance(reserved: 10_000_000));

        Assert.Equal((true, true, (string?)null), (result.Applied, result.WasReplay, result.RefusalCode));
        Assert.Equal(10_000_000, result.Balance.ReservedVnd);
    }

    [Fact]
    public void Replay_IdUsedForADifferentAmount_RefusedAsReused()
    {
        var existing = LedgerRules.EntryOf(Move(BudgetMovementKind.Reserve, 10_000_000));

        var result = LedgerRules.Replay(Move(BudgetMovementKind.Reserve, 20_000_000), existing, Balance(reserved: 10_000_000));

        Assert.True(result.Refused);
        Assert.False(result.WasReplay);
        Assert.Equal(LedgerRefusalCodes.MovementIdReused, result.RefusalCode);
        Assert.Equal("Mã giao dịch \"m1\" đã được dùng cho một giao dịch khác (tạm giữ 10.000.000 đồng cho hồ sơ app1); mỗi giao dịch cần một mã riêng.",
            result.RefusalMessage);
    }
}
