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

    static BudgetMovementRequest Draw(string application, long amount) =>
        new($"{application}:reserve", Key, application, BudgetMovementKind.Draw, amount, "Lãnh đạo", "Phê duyệt", DateTimeOffset.UnixEpoch) { FromHolderId = CallId };
}
