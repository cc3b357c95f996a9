using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Domain.Tests.Calls;

/// <summary>
/// The envelope's movements by <see cref="LedgerRules"/> alone: a call's reservation, approvals drawing from it (the
/// line's balance unchanged), a draw beyond the rest refused, the rest released; entries sum to the balances.
/// </summary>
public class CallLedgerTests
{
    static readonly BudgetKey Key = new("IV.1", 2026);
    const string CallId = "dot-aaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public void Decide_DrawWithinTheEnvelope_MovesReservedFromTheCallToTheApplication()
    {
        var balance = new LedgerBalance(Key, 800_000_000, 500_000_000, 0, 0);
        var call = new LedgerHolding(Key, CallId, 500_000_000, 0, 0);

        var decision = LedgerRules.Decide(Draw("app-1", 200_000_000), balance, new LedgerHolding(Key, "app-1", 0, 0, 0), call);

        Assert.True(decision.Applied);
        Assert.Equal(balance, decision.Balance);
        Assert.Equal(200_000_000, decision.Holding.ReservedVnd);
        Assert.Equal(300_000_000, decision.Source!.ReservedVnd);
    }

    [Fact]
    public void Decide_DrawBeyondTheEnvelopesRest_EnvelopeExceededAndNothingMoves()
    {
        var balance = new LedgerBalance(Key, 800_000_000, 500_000_000, 0, 0);
        var call = new LedgerHolding(Key, CallId, 150_000_000, 0, 0);
        var holding = new LedgerHolding(Key, "app-3", 0, 0, 0);

        var decision = LedgerRules.Decide(Draw("app-3", 200_000_000), balance, holding, call);

        Assert.Equal(LedgerRefusalCodes.EnvelopeExceeded, decision.Refusal!.Code);
        Assert.Contains("150.000.000 đồng", decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal((balance, holding, call), (decision.Balance, decision.Holding, decision.Source));
    }

    [Fact]
    public void Validate_DrawWithoutItsSource_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerRules.Validate(Draw("app-1", 1) with { FromHolderId = null }));

    [Fact]
    public void Validate_ReserveNamingASource_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerRules.Validate(new BudgetMovementRequest("m", Key, "app-1", BudgetMovementKind.Reserve, 1, "a", "r", default)
            { FromHolderId = CallId }));

    [Fact]
    public void Replay_SameDrawFromAnotherCall_MovementIdReused()
    {
        var entry = LedgerRules.EntryOf(Draw("app-1", 100));

        var replay = LedgerRules.Replay(Draw("app-1", 100) with { FromHolderId = "dot-bbbbbbbbbbbbbbbbbbbbbbbbbb" }, entry,
            new LedgerBalance(Key, 800_000_000, 0, 0, 0));

        Assert.Equal(LedgerRefusalCodes.MovementIdReused, replay.RefusalCode);
        Assert.True(LedgerRules.Replay(Draw("app-1", 100), entry, new LedgerBalance(Key, 800_000_000, 0, 0, 0)).WasReplay);
    }

    [Fact]
    public void ToEnvelope_ReleaseOfACallsFile_ReturnFromTheFileToTheCallWithTheSameId()
    {
        var release = new BudgetMovementRequest("app-1:release-cancel", Key, "app-1", BudgetMovementKind.Release, 200_000_000, "Lãnh đạo", "Hủy nhiệm vụ: lý do.", DateTimeOffset.UnixEpoch);

        var returned = CallRules.ToEnvelope(release, CallId);

        Assert.Equal((BudgetMovementKind.Return, CallId, "app-1", "app-1:release-cancel", 200_000_000L),
            (returned.Kind, returned.ApplicationId, returned.FromHolderId, returned.MovementId, returned.AmountVnd));
        Assert.Equal("Hủy nhiệm vụ: lý do: hoàn về kinh phí đợt tuyển chọn", returned.Reason);
        Assert.Same(release, CallRules.ToEnvelope(release, null)); // a file of no call: released to the item as before
        var commit = release with { Kind = BudgetMovementKind.Commit };
        Assert.Same(commit, CallRules.ToEnvelope(commit, CallId));
    }

    [Fact]
    public void Decide_ReturnWithinWhatTheFileHolds_MovesReservedBackToTheEnvelope()
    {
        var balance = new LedgerBalance(Key, 800_000_000, 500_000_000, 0, 0);
        var returned = CallRules.ToEnvelope(new BudgetMovementRequest("app-1:release-cancel", Key, "app-1", BudgetMovementKind.Release, 200_000_000, "a", "r", default), CallId);

        var decision = LedgerRules.Decide(returned, balance, new LedgerHolding(Key, CallId, 100_000_000, 0, 0), new LedgerHolding(Key, "app-1", 200_000_000, 0, 0));
        var beyond = LedgerRules.Decide(returned, balance, new LedgerHolding(Key, CallId, 100_000_000, 0, 0), new LedgerHolding(Key, "app-1", 150_000_000, 0, 0));

        Assert.Equal((balance, 300_000_000L, 0L), (decision.Balance, decision.Holding.ReservedVnd, decision.Source!.ReservedVnd));
        Assert.Equal(LedgerRefusalCodes.ReleaseExceedsReserved, beyond.Refusal!.Code);
    }

    [Fact]
    public void OnToItem_CallOpenFinalisedOrGone_NothingThenTheReturnedAmountReleasedToTheItem()
    {
        var returned = CallRules.ToEnvelope(new BudgetMovementRequest("app-1:release-failed", Key, "app-1", BudgetMovementKind.Release, 200_000_000, "a", "r", default), CallId);
        var call = new Call
        {
            Id = CallId, Unit = "qlcn", Title = "Đợt 1", SupportKindIds = ["science-technology-task"], LineId = "IV.1", Year = 2026, EnvelopeVnd = 500_000_000,
            OpensOn = new(2026, 3, 2), ClosesOn = new(2026, 3, 16), OpensAtUtc = default, ClosesAtUtc = default, FinaliseDueUtc = default, EscalateAtUtc = default,
            RequiredDocuments = [], OpenedBy = new("lanhdao", "Lãnh đạo"), CreatedAtUtc = default, UpdatedAtUtc = default,
        };

        Assert.Null(CallRules.OnToItem(returned, call, 200_000_000));
        var release = CallRules.OnToItem(returned, call with { FinalisedAtUtc = DateTimeOffset.UnixEpoch }, 500_000_000)!;
        Assert.Equal((BudgetMovementKind.Release, CallId, 200_000_000L, "app-1:release-failed:to-item"), (release.Kind, release.ApplicationId, release.AmountVnd, release.MovementId));
        Assert.Equal(50_000_000, CallRules.OnToItem(returned, null, 50_000_000)!.AmountVnd); // the finalising sweep took the rest already
        Assert.Null(CallRules.OnToItem(returned, null, 0));
        Assert.Equal(75_000_000, CallRules.Rest(call with { FinalisedAtUtc = DateTimeOffset.UnixEpoch }, 75_000_000, "lanhdao", default)!.AmountVnd);
        Assert.Null(CallRules.Rest(call, 75_000_000, "lanhdao", default));
    }

    static BudgetMovementRequest Draw(string application, long amount) =>
        new($"{application}:reserve", Key, application, BudgetMovementKind.Draw, amount, "Lãnh đạo", "Phê duyệt", DateTimeOffset.UnixEpoch) { FromHolderId = CallId };
}
