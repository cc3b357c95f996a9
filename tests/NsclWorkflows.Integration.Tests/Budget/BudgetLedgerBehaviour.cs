using NsclWorkflows.Domain.Calls;
using System.Diagnostics;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Budget;

/// <summary>
/// What every <see cref="IBudgetLedger"/> does, run on the real Table storage ledger (Azurite) and on the in-memory fake
/// the orchestrator tests use, so the fake cannot drift from the real thing. Plans are the shipped catalogue's.
/// </summary>
public abstract class BudgetLedgerBehaviour(ITestOutputHelper output)
{
    protected static readonly BudgetPlan Plan = BudgetPlan.From(EmbeddedCatalogue.Load());
    protected static readonly BudgetKey Line2024 = new("IV.1", 2024);   // 800.000.000 đồng
    protected static readonly BudgetKey Line2025 = new("IV.1", 2025);   // 800.000.000 đồng
    protected static readonly DateTimeOffset At = new(2024, 6, 3, 2, 0, 0, TimeSpan.Zero);
    protected static readonly CancellationToken None = CancellationToken.None;

    protected ITestOutputHelper Output => output;

    /// <summary>A new, empty ledger over <see cref="Plan"/>.</summary>
    protected abstract Task<IBudgetLedger> NewLedgerAsync();

    /// <summary>Write races lost so far, where the implementation has such a thing.</summary>
    protected virtual long? ConflictRetries(IBudgetLedger ledger) => null;

    protected static BudgetMovementRequest Move(string id, BudgetKey key, string app, BudgetMovementKind kind, long amount) =>
        new(id, key, app, kind, amount, "lanhdao@dost.danang.gov.vn", $"{kind} {id}", At);

    [Fact]
    public async Task Apply_SameMovementIdTwice_MovesMoneyOnce()
    {
        var ledger = await NewLedgerAsync();
        var request = Move("approve-app1", Line2024, "app1", BudgetMovementKind.Reserve, 150_000_000);

        var first = await ledger.ApplyAsync(request, None);
        var again = await ledger.ApplyAsync(request with { AtUtc = At.AddMinutes(3), Actor = "retry" }, None);

        Assert.Equal((true, false), (first.Applied, first.WasReplay));
        Assert.Equal((true, true), (again.Applied, again.WasReplay));
        Assert.Equal(150_000_000, again.Balance.ReservedVnd);
        Assert.Equal(650_000_000, (await ledger.GetBalanceAsync(Line2024, None)).RemainingVnd);
        Assert.Equal(150_000_000, (await ledger.GetHoldingAsync(Line2024, "app1", None)).ReservedVnd);
        var entry = Assert.Single(await ledger.GetEntriesAsync(Line2024, None));
        Assert.Equal("lanhdao@dost.danang.gov.vn", entry.Actor);
    }

    [Fact]
    public async Task Apply_SameMovementIdConcurrently_ExactlyOneMovesMoney()
    {
        var ledger = await NewLedgerAsync();
        await ledger.GetBalanceAsync(Line2024, None);
        var request = Move("approve-app1", Line2024, "app1", BudgetMovementKind.Reserve, 100_000_000);

        var results = await Race(Enumerable.Repeat(request, 10).ToArray(), ledger);

        Assert.All(results, r => Assert.True(r.Applied));
        Assert.Single(results, r => !r.WasReplay);
        Assert.Equal(100_000_000, (await ledger.GetBalanceAsync(Line2024, None)).ReservedVnd);
        Assert.Single(await ledger.GetEntriesAsync(Line2024, None));
    }

    [Fact]
    public async Task Apply_ReserveCommitDisburseRelease_BalanceAndHoldingAfterEachStep()
    {
        var ledger = await NewLedgerAsync();
        (BudgetMovementKind Kind, long Amount, long Reserved, long Committed, long Disbursed, long Remaining)[] steps =
        [
            (BudgetMovementKind.Reserve, 300_000_000, 300_000_000, 0, 0, 500_000_000),
            (BudgetMovementKind.Commit, 100_000_000, 200_000_000, 100_000_000, 0, 500_000_000),
            (BudgetMovementKind.Disburse, 60_000_000, 200_000_000, 40_000_000, 60_000_000, 500_000_000),
            (BudgetMovementKind.Release, 200_000_000, 0, 40_000_000, 60_000_000, 700_000_000),
            (BudgetMovementKind.Disburse, 40_000_000, 0, 0, 100_000_000, 700_000_000),
        ];

        for (var i = 0; i < steps.Length; i++)
        {
            var s = steps[i];
            var result = await ledger.ApplyAsync(Move($"m{i}", Line2025, "app1", s.Kind, s.Amount), None);

            Assert.True(result.Applied, result.RefusalMessage);
            Assert.Equal(new LedgerBalance(Line2025, 800_000_000, s.Reserved, s.Committed, s.Disbursed), result.Balance);
            Assert.Equal(s.Remaining, result.Balance.RemainingVnd);
            Assert.Equal(new LedgerHolding(Line2025, "app1", s.Reserved, s.Committed, s.Disbursed), await ledger.GetHoldingAsync(Line2025, "app1", None));
        }

        var entries = await ledger.GetEntriesAsync(Line2025, None);
        Assert.Equal(steps.Select(s => (s.Kind, s.Amount)), entries.Select(e => (e.Kind, e.AmountVnd)));
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], entries.Select(e => e.MovementId));
        Assert.Equal(await ledger.GetBalanceAsync(Line2025, None), Replay(Line2025, entries));
    }

    [Fact]
    public async Task Apply_Refusals_LeaveBalanceHoldingsAndEntriesUnchanged()
    {
        var ledger = await NewLedgerAsync();
        await ledger.ApplyAsync(Move("r1", Line2024, "app1", BudgetMovementKind.Reserve, 700_000_000), None);
        await ledger.ApplyAsync(Move("c1", Line2024, "app1", BudgetMovementKind.Commit, 200_000_000), None);
        var balanceBefore = await ledger.GetBalanceAsync(Line2024, None);
        var holdingBefore = await ledger.GetHoldingAsync(Line2024, "app1", None);

        (BudgetMovementRequest Request, string Code)[] refused =
        [
            (Move("x1", Line2024, "app2", BudgetMovementKind.Reserve, 100_000_001), LedgerRefusalCodes.BudgetExceeded),
            (Move("x2", Line2024, "app1", BudgetMovementKind.Release, 500_000_001), LedgerRefusalCodes.ReleaseExceedsReserved),
            (Move("x3", Line2024, "app2", BudgetMovementKind.Release, 1), LedgerRefusalCodes.ReleaseExceedsReserved),
            (Move("x4", Line2024, "app1", BudgetMovementKind.Commit, 500_000_001), LedgerRefusalCodes.CommitExceedsReserved),
            (Move("x5", Line2024, "app1", BudgetMovementKind.Disburse, 200_000_001), LedgerRefusalCodes.DisburseExceedsCommitted),
            (Move("x6", Line2024, "app1", BudgetMovementKind.Reserve, 0), LedgerRefusalCodes.AmountNotPositive),
            (Move("x7", Line2024, "app1", BudgetMovementKind.Release, -5), LedgerRefusalCodes.AmountNotPositive),
            (Move("r1", Line2024, "app1", BudgetMovementKind.Reserve, 1), LedgerRefusalCodes.MovementIdReused),
            (Move("x8", new BudgetKey("IV", 2024), "app1", BudgetMovementKind.Reserve, 1), LedgerRefusalCodes.UnknownBudgetLine),
            (Move("x9", new BudgetKey("IV.1", 2022), "app1", BudgetMovementKind.Reserve, 1), LedgerRefusalCodes.NoAllocation),
            (Move("x10", new BudgetKey("IV.1", 2026), "app1", BudgetMovementKind.Reserve, 1), LedgerRefusalCodes.NoAllocation),
            (Move("x11", new BudgetKey("IV.3", 2024), "app1", BudgetMovementKind.Reserve, 1), LedgerRefusalCodes.NoBudgetInYear),
        ];

        foreach (var (request, code) in refused)
        {
            var result = await ledger.ApplyAsync(request, None);
            Assert.Equal((false, false, code), (result.Applied, result.WasReplay, result.RefusalCode));
            Assert.False(string.IsNullOrWhiteSpace(result.RefusalMessage));
        }

        Assert.Equal(balanceBefore, await ledger.GetBalanceAsync(Line2024, None));
        Assert.Equal(holdingBefore, await ledger.GetHoldingAsync(Line2024, "app1", None));
        Assert.Equal(new LedgerHolding(Line2024, "app2", 0, 0, 0), await ledger.GetHoldingAsync(Line2024, "app2", None));
        Assert.Equal(["r1", "c1"], (await ledger.GetEntriesAsync(Line2024, None)).Select(e => e.MovementId));
        Assert.Empty(await ledger.GetEntriesAsync(new BudgetKey("IV.1", 2022), None));
        Assert.Empty(await ledger.GetEntriesAsync(new BudgetKey("IV", 2024), None));
    }

    [Fact]
    public async Task GetBalances_OneLineMoved_EveryPlannedLineAndYearWithUntouchedOnesAtTheirPlan()
    {
        var ledger = await NewLedgerAsync();
        await ledger.ApplyAsync(Move("r1", Line2024, "app1", BudgetMovementKind.Reserve, 20_000_000), None);

        var balances = await ledger.GetBalancesAsync(None);

        Assert.Equal(Plan.Keys.OrderBy(k => k.LineId, StringComparer.Ordinal).ThenBy(k => k.Year), balances.Select(b => b.Key));
        Assert.Equal(new LedgerBalance(Line2024, 800_000_000, 20_000_000, 0, 0), balances.Single(b => b.Key == Line2024));
        Assert.All(balances.Where(b => b.Key != Line2024), b => Assert.Equal(Plan.PlanVnd(b.Key), b.RemainingVnd));
        Assert.Equal(100_000_000, balances.Single(b => b.Key == new BudgetKey("I.2", 2022)).PlanVnd);
    }

    [Fact]
    public async Task GetBalances_OneYear_TheWholeLedgersBalancesOfThatYearOnly()
    {
        var ledger = await NewLedgerAsync();
        await ledger.ApplyAsync(Move("r1", Line2024, "app1", BudgetMovementKind.Reserve, 20_000_000), None);
        await ledger.ApplyAsync(Move("r2", Line2025, "app2", BudgetMovementKind.Reserve, 30_000_000), None);

        var all = await ledger.GetBalancesAsync(None);
        var year2024 = await ledger.GetBalancesAsync(2024, None);

        Assert.NotEmpty(year2024);
        Assert.Equal(all.Where(b => b.Key.Year == 2024), year2024);
        Assert.Equal(20_000_000, year2024.Single(b => b.Key == Line2024).ReservedVnd);
        Assert.Empty(await ledger.GetBalancesAsync(1999, None));
    }

    [Fact]
    public async Task Apply_FiftyConcurrentReservesBeyondThePlan_NeverExceedsItAndEntriesAddUp()
    {
        var ledger = await NewLedgerAsync();
        await ledger.GetBalanceAsync(Line2024, None); // the table exists before the race starts
        // 50 applications ask 20–40 million each: 1.500.000.000 đồng against a plan of 800.000.000.
        var requests = Enumerable.Range(0, 50)
            .Select(i => Move($"approve-app{i:D2}", Line2024, $"app{i:D2}", BudgetMovementKind.Reserve, 20_000_000 + (i % 5) * 5_000_000))
            .ToArray();

        var clock = Stopwatch.StartNew();
        var results = await Race(requests, ledger);
        clock.Stop();

        var approved = requests.Zip(results).Where(p => p.Second.Applied).ToArray();
        var refused = requests.Zip(results).Where(p => p.Second.Refused).ToArray();
        var balance = await ledger.GetBalanceAsync(Line2024, None);
        var entries = await ledger.GetEntriesAsync(Line2024, None);
        Output.WriteLine(
            $"{GetType().Name} race: 50 reserves, {approved.Length} approved ({approved.Sum(p => p.First.AmountVnd):N0} VND), " +
            $"{refused.Length} refused, {clock.ElapsedMilliseconds} ms, conflict retries {ConflictRetries(ledger)?.ToString() ?? "n/a"}, " +
            $"remaining {balance.RemainingVnd:N0} VND");

        Assert.InRange(approved.Sum(p => p.First.AmountVnd), 1, 800_000_000);
        Assert.Equal(approved.Sum(p => p.First.AmountVnd), balance.ReservedVnd);
        Assert.True(balance.RemainingVnd >= 0);
        Assert.NotEmpty(refused);
        Assert.All(refused, p =>
        {
            Assert.Equal(LedgerRefusalCodes.BudgetExceeded, p.Second.RefusalCode);
            Assert.StartsWith("Không đủ kinh phí: mục IV.1 năm 2024 còn ", p.Second.RefusalMessage);
            Assert.Contains($"cho hồ sơ {p.First.ApplicationId}.", p.Second.RefusalMessage);
            // Only reserves race, so the remaining amount only shrank: a refusal was right at the end too.
            Assert.True(p.First.AmountVnd > balance.RemainingVnd, $"{p.First.MovementId} refused with {balance.RemainingVnd} left");
        });
        Assert.All(results.Where(r => r.Applied), r => Assert.False(r.WasReplay));
        Assert.Equal(approved.Select(p => p.First.MovementId).Order(), entries.Select(e => e.MovementId).Order());
        Assert.Equal(balance, Replay(Line2024, entries));
        foreach (var (request, _) in approved)
        {
            Assert.Equal(request.AmountVnd, (await ledger.GetHoldingAsync(Line2024, request.ApplicationId, None)).ReservedVnd);
        }

        foreach (var (request, _) in refused)
        {
            Assert.Equal(0, (await ledger.GetHoldingAsync(Line2024, request.ApplicationId, None)).ReservedVnd);
        }
    }

    protected static readonly BudgetKey Line2026 = new("IV.1", 2026);   // no printed figure: only allocations
    protected static readonly AllocationDocument Decision = new("4567/QĐ-UBND", new DateOnly(2025, 12, 20), "UBND thành phố Đà Nẵng");

    protected static AllocationRequest Allocate(string id, BudgetKey key, long amount) =>
        new(id, key, AllocationKind.Allocate, amount, null, Decision, "Giao dự toán", "admin@dost.danang.gov.vn", At);

    [Fact]
    public async Task Reserve_NoAllocationThenAllocationRecorded_RefusedThenApplied()
    {
        var ledger = await NewLedgerAsync();
        var allocations = (IBudgetAllocations)ledger;

        var before = await ledger.ApplyAsync(Move("r1", Line2026, "app1", BudgetMovementKind.Reserve, 100_000_000), None);
        var allocated = await allocations.AllocateAsync(Allocate("a1", Line2026, 500_000_000), None);
        var after = await ledger.ApplyAsync(Move("r1", Line2026, "app1", BudgetMovementKind.Reserve, 100_000_000), None);

        Assert.Equal(LedgerRefusalCodes.NoAllocation, before.RefusalCode);
        Assert.Equal(CeilingSource.None, before.Balance.CeilingSource);
        Assert.True(allocated.Applied, allocated.RefusalMessage);
        Assert.True(after.Applied, after.RefusalMessage);
        var balance = await ledger.GetBalanceAsync(Line2026, None);
        Assert.Equal((0L, 500_000_000L, CeilingSource.Recorded, 100_000_000L, 400_000_000L),
            (balance.PlanVnd, balance.CeilingVnd, balance.CeilingSource, balance.ReservedVnd, balance.RemainingVnd));
        Assert.Contains(await ledger.GetBalancesAsync(None), b => b == balance);
        var entry = Assert.Single(await allocations.GetAllocationsAsync(2026, "IV.1", None));
        Assert.Equal((AllocationKind.Allocate, 500_000_000L, Decision, 1L), (entry.Kind, entry.CeilingAfterVnd, entry.Document, entry.Sequence));
    }

    [Fact]
    public async Task Allocate_Revisions_AreNewEntriesAndTheLatestIsTheCeiling()
    {
        var ledger = await NewLedgerAsync();
        var allocations = (IBudgetAllocations)ledger;
        await allocations.AllocateAsync(Allocate("a1", Line2024, 600_000_000), None);   // replaces the printed 800.000.000
        await ledger.ApplyAsync(Move("r1", Line2024, "app1", BudgetMovementKind.Reserve, 450_000_000), None);

        var below = await allocations.AllocateAsync(Allocate("a2", Line2024, 449_999_999), None);
        var revised = await allocations.AllocateAsync(Allocate("a3", Line2024, 700_000_000), None);
        var replay = await allocations.AllocateAsync(Allocate("a3", Line2024, 700_000_000), None);

        Assert.Equal(LedgerRefusalCodes.AllocationBelowUsed, below.RefusalCode);
        Assert.True(revised.Applied);
        Assert.True(replay.WasReplay);
        var balance = await ledger.GetBalanceAsync(Line2024, None);
        Assert.Equal((800_000_000L, 700_000_000L, 250_000_000L), (balance.PlanVnd, balance.CeilingVnd, balance.RemainingVnd));
        var log = await allocations.GetAllocationsAsync(2024, null, None);
        Assert.Equal([("a1", -200_000_000L, 600_000_000L), ("a3", 100_000_000L, 700_000_000L)], log.Select(e => (e.EntryId, e.DeltaVnd, e.CeilingAfterVnd)));
        Assert.Equal(balance.CeilingVnd, Plan.PlanVnd(Line2024) + log.Sum(e => e.DeltaVnd));
        Assert.Empty(await allocations.GetAllocationsAsync(2025, null, None));
    }

    [Fact]
    public async Task Transfer_BetweenItems_MovesCeilingsAndIsInTheLog()
    {
        var ledger = await NewLedgerAsync();
        var allocations = (IBudgetAllocations)ledger;
        var from = new BudgetKey("I.3", 2026);
        var to = new BudgetKey("I.2", 2026);
        await allocations.AllocateAsync(Allocate("a1", from, 200_000_000), None);
        await allocations.AllocateAsync(Allocate("a2", to, 100_000_000), None);
        await ledger.ApplyAsync(Move("r1", from, "act1", BudgetMovementKind.Reserve, 120_000_000), None);

        var tooMuch = await AllocationTransfers.TransferAsync(allocations, "t0", 2026, "I.3", "I.2", 80_000_001, Decision, null, "admin", At, None);
        var moved = await AllocationTransfers.TransferAsync(allocations, "t1", 2026, "I.3", "I.2", 80_000_000, Decision, "Điều chỉnh theo V.2.b", "admin", At, None);
        var again = await AllocationTransfers.TransferAsync(allocations, "t1", 2026, "I.3", "I.2", 80_000_000, Decision, "Điều chỉnh theo V.2.b", "admin", At, None);

        Assert.Equal(LedgerRefusalCodes.TransferExceedsAvailable, tooMuch.Out.RefusalCode);
        Assert.Null(tooMuch.In);
        Assert.True(moved.Out.Applied && moved.In!.Applied);
        Assert.True(again.Out.WasReplay && again.In!.WasReplay);
        Assert.Equal((120_000_000L, 0L), ((await ledger.GetBalanceAsync(from, None)).CeilingVnd, (await ledger.GetBalanceAsync(from, None)).RemainingVnd));
        Assert.Equal(180_000_000, (await ledger.GetBalanceAsync(to, None)).CeilingVnd);
        var log = await allocations.GetAllocationsAsync(2026, null, None);
        Assert.Equal(
            [("I.2", AllocationKind.Allocate, 100_000_000L, (string?)null), ("I.2", AllocationKind.TransferIn, 80_000_000L, "I.3"),
             ("I.3", AllocationKind.Allocate, 200_000_000L, null), ("I.3", AllocationKind.TransferOut, -80_000_000L, "I.2")],
            log.Select(e => (e.Key.LineId, e.Kind, e.DeltaVnd, e.CounterpartLineId)));
        Assert.Equal(2, (await allocations.GetAllocationsAsync(null, "I.3", None)).Count);
    }

    [Fact]
    public async Task Reserve_ConcurrentWithRevisionsOfTheAllocation_NeverOverspends()
    {
        var ledger = await NewLedgerAsync();
        var allocations = (IBudgetAllocations)ledger;
        await allocations.AllocateAsync(Allocate("a0", Line2026, 500_000_000), None);
        // 40 approvals of 20 million (800 million) race 6 revisions of the allocation between 200 and 700 million.
        var reserves = Enumerable.Range(0, 40)
            .Select(i => Move($"approve-app{i:D2}", Line2026, $"app{i:D2}", BudgetMovementKind.Reserve, 20_000_000)).ToArray();
        long[] revisions = [300_000_000, 600_000_000, 200_000_000, 700_000_000, 400_000_000, 250_000_000];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reserveTasks = reserves.Select(r => Task.Run(async () => { await gate.Task; return await ledger.ApplyAsync(r, None); })).ToArray();
        var revisionTasks = revisions.Select((amount, i) => Task.Run(async () =>
        {
            await gate.Task;
            return await allocations.AllocateAsync(Allocate($"a{i + 1}", Line2026, amount), None);
        })).ToArray();
        gate.SetResult();
        var reserved = await Task.WhenAll(reserveTasks);
        var revised = await Task.WhenAll(revisionTasks);

        var balance = await ledger.GetBalanceAsync(Line2026, None);
        var log = await allocations.GetAllocationsAsync(2026, "IV.1", None);
        Output.WriteLine($"{GetType().Name}: {reserved.Count(r => r.Applied)} of 40 reserves and {revised.Count(r => r.Applied)} of 6 revisions applied; " +
            $"ceiling {balance.CeilingVnd:N0}, reserved {balance.ReservedVnd:N0}, conflict retries {ConflictRetries(ledger)?.ToString() ?? "n/a"}");
        Assert.True(balance.ReservedVnd <= balance.CeilingVnd, $"reserved {balance.ReservedVnd} above the ceiling {balance.CeilingVnd}");
        Assert.Equal(reserved.Count(r => r.Applied) * 20_000_000L, balance.ReservedVnd);
        Assert.All(reserved.Where(r => r.Refused), r => Assert.Equal(LedgerRefusalCodes.BudgetExceeded, r.RefusalCode));
        Assert.All(revised.Where(r => r.Refused), r => Assert.Equal(LedgerRefusalCodes.AllocationBelowUsed, r.RefusalCode));
        // Every accepted revision was at or above what was held when it was decided; the latest is the ceiling.
        Assert.All(revised.Where(r => r.Applied), r => Assert.True(r.Balance.RemainingVnd >= 0));
        Assert.Equal(1 + revised.Count(r => r.Applied), log.Count);
        Assert.Equal(log.MaxBy(e => e.Sequence)!.CeilingAfterVnd, balance.CeilingVnd);
        Assert.Equal(balance.CeilingVnd, log.Sum(e => e.DeltaVnd));
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Sequence));
    }

    /// <summary>Starts every request at once (released together by one gate) and waits for all.</summary>
    [Fact]
    public async Task Apply_CallEnvelopeReserveDrawsReplayAndRelease_HoldingsAndEntriesAddUpToTheBalance()
    {
        var ledger = await NewLedgerAsync();
        const string call = "dot-aaaaaaaaaaaaaaaaaaaaaaaaaa";
        BudgetMovementRequest Draw(string app, long amount) => Move($"{app}:reserve", Line2025, app, BudgetMovementKind.Draw, amount) with { FromHolderId = call };

        Assert.True((await ledger.ApplyAsync(Move($"{call}:envelope", Line2025, call, BudgetMovementKind.Reserve, 500_000_000), None)).Applied);
        Assert.True((await ledger.ApplyAsync(Draw("app1", 200_000_000), None)).Applied);
        Assert.True((await ledger.ApplyAsync(Draw("app2", 250_000_000), None)).Applied);
        var beyond = await ledger.ApplyAsync(Draw("app3", 100_000_000), None);
        var replay = await ledger.ApplyAsync(Draw("app1", 200_000_000), None);
        var released = await ledger.ApplyAsync(Move($"{call}:release", Line2025, call, BudgetMovementKind.Release, 50_000_000), None);

        Assert.Equal((false, LedgerRefusalCodes.EnvelopeExceeded), (beyond.Applied, beyond.RefusalCode));
        Assert.Equal((true, true), (replay.Applied, replay.WasReplay));
        Assert.True(released.Applied);
        var balance = await ledger.GetBalanceAsync(Line2025, None);
        Assert.Equal((450_000_000L, 350_000_000L), (balance.ReservedVnd, balance.RemainingVnd));
        var holdings = new Dictionary<string, long>();
        foreach (var holder in new[] { call, "app1", "app2", "app3" })
        {
            holdings[holder] = (await ledger.GetHoldingAsync(Line2025, holder, None)).ReservedVnd;
        }

        Assert.Equal(new Dictionary<string, long> { [call] = 0, ["app1"] = 200_000_000, ["app2"] = 250_000_000, ["app3"] = 0 }, holdings);
        Assert.Equal(balance.ReservedVnd, holdings.Values.Sum());
        var entries = await ledger.GetEntriesAsync(Line2025, None);
        Assert.Equal(4, entries.Count);
        Assert.Equal(call, entries.Single(e => e.ApplicationId == "app2").FromHolderId);
        var replayed = Replay(Line2025, entries);
        Assert.Equal((balance.ReservedVnd, balance.CommittedVnd, balance.DisbursedVnd), (replayed.ReservedVnd, replayed.CommittedVnd, replayed.DisbursedVnd));
    }

    [Fact]
    public async Task Apply_CancelledFilesMoneyReturnedToTheEnvelope_AnotherFileDrawsItAndEntriesAddUpToBalanceAndHoldings()
    {
        var ledger = await NewLedgerAsync();
        const string call = "dot-cccccccccccccccccccccccccc";
        BudgetMovementRequest Draw(string app, long amount) => Move($"{app}:reserve", Line2025, app, BudgetMovementKind.Draw, amount) with { FromHolderId = call };
        var giveBack = CallRules.ToEnvelope(Move("app1:release-cancel", Line2025, "app1", BudgetMovementKind.Release, 300_000_000), call);

        Assert.True((await ledger.ApplyAsync(Move($"{call}:envelope", Line2025, call, BudgetMovementKind.Reserve, 500_000_000), None)).Applied);
        Assert.True((await ledger.ApplyAsync(Draw("app1", 300_000_000), None)).Applied);
        Assert.True((await ledger.ApplyAsync(Draw("app2", 200_000_000), None)).Applied);
        Assert.Equal(LedgerRefusalCodes.EnvelopeExceeded, (await ledger.ApplyAsync(Draw("app3", 250_000_000), None)).RefusalCode);
        Assert.True((await ledger.ApplyAsync(giveBack, None)).Applied);
        Assert.True((await ledger.ApplyAsync(giveBack, None)).WasReplay);
        var tooMuch = await ledger.ApplyAsync(CallRules.ToEnvelope(Move("app2:release-failed", Line2025, "app2", BudgetMovementKind.Release, 200_000_001), call), None);
        Assert.True((await ledger.ApplyAsync(Draw("app3", 250_000_000), None)).Applied);
        Assert.True((await ledger.ApplyAsync(Move($"{call}:release", Line2025, call, BudgetMovementKind.Release, 50_000_000), None)).Applied);

        Assert.Equal(LedgerRefusalCodes.ReleaseExceedsReserved, tooMuch.RefusalCode);
        var balance = await ledger.GetBalanceAsync(Line2025, None);
        Assert.Equal(450_000_000L, balance.ReservedVnd);
        var entries = await ledger.GetEntriesAsync(Line2025, None);
        Assert.Equal([BudgetMovementKind.Reserve, BudgetMovementKind.Draw, BudgetMovementKind.Draw, BudgetMovementKind.Return, BudgetMovementKind.Draw,
            BudgetMovementKind.Release], entries.Select(e => e.Kind));
        var replayed = Replay(Line2025, entries);
        Assert.Equal((balance.ReservedVnd, balance.CommittedVnd, balance.DisbursedVnd), (replayed.ReservedVnd, replayed.CommittedVnd, replayed.DisbursedVnd));
        // Each holder's reservation is what its entries add up to: in by a reserve or as the target of a draw or return, out by a release or as the source.
        foreach (var holder in new[] { call, "app1", "app2", "app3" })
        {
            var fromEntries = entries.Sum(e =>
                (e.ApplicationId == holder ? (e.Kind == BudgetMovementKind.Release ? -e.AmountVnd : e.AmountVnd) : 0)
                - (e.FromHolderId == holder ? e.AmountVnd : 0));
            Assert.Equal(fromEntries, (await ledger.GetHoldingAsync(Line2025, holder, None)).ReservedVnd);
        }

        var held = await Task.WhenAll(new[] { call, "app1", "app2", "app3" }.Select(async h => (await ledger.GetHoldingAsync(Line2025, h, None)).ReservedVnd));
        Assert.Equal([0L, 0L, 200_000_000L, 250_000_000L], held);
    }

    [Fact]
    public async Task Apply_ConcurrentDrawsFromOneEnvelope_NeverDrawMoreThanItHolds()
    {
        var ledger = await NewLedgerAsync();
        const string call = "dot-bbbbbbbbbbbbbbbbbbbbbbbbbb";
        await ledger.ApplyAsync(Move($"{call}:envelope", Line2024, call, BudgetMovementKind.Reserve, 300_000_000), None);

        var results = await Race([.. Enumerable.Range(1, 10).Select(i =>
            Move($"app{i}:reserve", Line2024, $"app{i}", BudgetMovementKind.Draw, 50_000_000) with { FromHolderId = call })], ledger);

        Assert.Equal(6, results.Count(r => r.Applied));
        Assert.All(results.Where(r => r.Refused), r => Assert.Equal(LedgerRefusalCodes.EnvelopeExceeded, r.RefusalCode));
        Assert.Equal(0, (await ledger.GetHoldingAsync(Line2024, call, None)).ReservedVnd);
        Assert.Equal(300_000_000, (await ledger.GetBalanceAsync(Line2024, None)).ReservedVnd);
        Output.WriteLine($"conflict retries: {ConflictRetries(ledger)}");
    }

    protected static async Task<LedgerResult[]> Race(IReadOnlyList<BudgetMovementRequest> requests, IBudgetLedger ledger)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = requests.Select(r => Task.Run(async () =>
        {
            await gate.Task;
            return await ledger.ApplyAsync(r, None);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>The balance the entries add up to: each entry applied in order from the plan.</summary>
    protected static LedgerBalance Replay(BudgetKey key, IReadOnlyList<LedgerEntry> entries)
    {
        var balance = new LedgerBalance(key, Plan.PlanVnd(key)!.Value, 0, 0, 0);
        foreach (var e in entries)
        {
            balance = e.Kind switch
            {
                BudgetMovementKind.Reserve => balance with { ReservedVnd = balance.ReservedVnd + e.AmountVnd },
                BudgetMovementKind.Release => balance with { ReservedVnd = balance.ReservedVnd - e.AmountVnd },
                BudgetMovementKind.Commit => balance with { ReservedVnd = balance.ReservedVnd - e.AmountVnd, CommittedVnd = balance.CommittedVnd + e.AmountVnd },
                BudgetMovementKind.Draw => balance, // reserved by the call → reserved by the application: the line's balance does not move
                BudgetMovementKind.Return => balance, // reserved by the application → reserved by its call again
                _ => balance with { CommittedVnd = balance.CommittedVnd - e.AmountVnd, DisbursedVnd = balance.DisbursedVnd + e.AmountVnd },
            };
        }

        return balance;
    }
}
