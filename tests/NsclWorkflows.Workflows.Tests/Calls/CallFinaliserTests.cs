using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Workflows.Calls;
using NsclWorkflows.Workflows.Tests.Support;

namespace NsclWorkflows.Workflows.Tests.Calls;

/// <summary>
/// Finalising a call while a file's step writes the call (its row changes between the leader's reading and the store, so
/// the decision is worked out again): the envelope's money is released once, a file's return in between follows it to
/// the item, and the call counts exactly what the ledger released for it, never the later reading's holding.
/// </summary>
public sealed class CallFinaliserTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly CallOfficer Leader = new("oid-leader", "Lê Văn Lãnh Đạo");

    [Theory]
    [InlineData(0L)] // the step only wrote a note: the second reading finds nothing held
    [InlineData(50_000_000L)] // the step returned a file's money: the second reading finds only that
    public async Task Finalise_CallWrittenMeanwhile_ReleasedOnceAndCountedAsTheLedgerRecords(long returned)
    {
        var ledger = new InMemoryBudgetLedger();
        var inner = new InMemoryCallRepository();
        var call = await ClosedCallAsync(inner, ledger, envelope: 500_000_000, drawnByAFile: 200_000_000);
        var key = CallRules.KeyOf(call);
        var raced = new RaceOnFirstStore(inner, async () =>
        {
            if (returned > 0)
            {
                var back = CallRules.ToEnvelope(new BudgetMovementRequest("ho-so-1:release:7", key, "ho-so-1", BudgetMovementKind.Release, returned, "system",
                    "Hủy hỗ trợ.", DateTimeOffset.UtcNow), call.Id);
                Assert.True((await ledger.ApplyAsync(back, default)).Applied);
            }

            await inner.UpdateAsync(call.Id, c => Task.FromResult(CallRules.AddNote(c, "Đã báo các cán bộ đợt hết hạn nhận hồ sơ.", DateTimeOffset.UtcNow)), default);
        });

        var finalised = await new CallFinaliser(raced, ledger, TimeProvider.System).FinaliseAsync(call.Id, "Kết thúc đợt.", Leader, default);

        Assert.True(raced.Raced);
        Assert.Null(finalised!.Refused);
        var stored = (await inner.FindAsync(call.Id, default))!;
        Assert.NotNull(stored.FinalisedAtUtc);
        Assert.Contains(stored.Notes, n => n.Text.StartsWith("Đã báo", StringComparison.Ordinal)); // the other write kept
        var releases = (await ledger.GetEntriesAsync(key, default)).Where(e => e.ApplicationId == call.Id && e.Kind == BudgetMovementKind.Release).ToList();
        Assert.Equal(300_000_000 + returned, releases.Sum(e => e.AmountVnd)); // the envelope's rest once, then the return
        Assert.Equal(releases.Sum(e => e.AmountVnd), stored.ReleasedVnd);
        Assert.Equal(0, (await ledger.GetHoldingAsync(key, call.Id, default)).ReservedVnd);
        Assert.Equal(200_000_000 - returned, (await ledger.GetHoldingAsync(key, "ho-so-1", default)).ReservedVnd);
    }

    /// <summary>
    /// The leader's request stopped after the release and before the call was stored; a file returned money before the
    /// leader sent it again. Asking the release again with the envelope's new holding would reuse its id for another
    /// amount, which the ledger refuses for good: the call could never be finalised.
    /// </summary>
    [Theory]
    [InlineData(0L)]
    [InlineData(30_000_000L)]
    public async Task Finalise_RequestCutShortAfterTheReleaseThenSentAgain_FinalisedCountingTheReleaseRecordedBefore(long returnedBetween)
    {
        var ledger = new InMemoryBudgetLedger();
        var calls = new InMemoryCallRepository();
        var call = await ClosedCallAsync(calls, ledger, envelope: 500_000_000, drawnByAFile: 120_000_000);
        var key = CallRules.KeyOf(call);
        var first = CallRules.Finalise(call, null, Leader, 380_000_000, DateTimeOffset.UtcNow);
        Assert.True((await ledger.ApplyAsync(first.Movements[0], default)).Applied); // then the process stopped before storing the call
        if (returnedBetween > 0)
        {
            Assert.True((await ledger.ApplyAsync(CallRules.ToEnvelope(new BudgetMovementRequest("ho-so-1:release:9", key, "ho-so-1", BudgetMovementKind.Release,
                returnedBetween, "system", "Hủy hỗ trợ.", DateTimeOffset.UtcNow), call.Id), default)).Applied);
        }

        var finalised = await new CallFinaliser(calls, ledger, TimeProvider.System).FinaliseAsync(call.Id, null, Leader, default);

        Assert.Null(finalised!.LedgerRefusal);
        Assert.Null(finalised.Refused);
        Assert.NotNull(finalised.Call!.FinalisedAtUtc);
        Assert.Equal(380_000_000 + returnedBetween, finalised.Call.ReleasedVnd);
        Assert.Equal(380_000_000 + returnedBetween,
            (await ledger.GetEntriesAsync(key, default)).Where(e => e.ApplicationId == call.Id && e.Kind == BudgetMovementKind.Release).Sum(e => e.AmountVnd));
        Assert.Equal(0, (await ledger.GetHoldingAsync(key, call.Id, default)).ReservedVnd);
    }

    [Fact]
    public async Task Finalise_Twice_SecondRefusedAsAStateConflict()
    {
        var ledger = new InMemoryBudgetLedger();
        var calls = new InMemoryCallRepository();
        var call = await ClosedCallAsync(calls, ledger, envelope: 500_000_000, drawnByAFile: 0);
        var finaliser = new CallFinaliser(calls, ledger, TimeProvider.System);

        Assert.Null((await finaliser.FinaliseAsync(call.Id, null, Leader, default))!.Refused);
        var again = await finaliser.FinaliseAsync(call.Id, null, Leader, default);

        Assert.True(again!.Refused!.IsStateConflict);
        Assert.Equal(500_000_000, again.Call!.ReleasedVnd);
        Assert.Null(await finaliser.FinaliseAsync("dot-khongco", null, Leader, default));
    }

    /// <summary>A call of 2025 past its close, its envelope reserved, and one file of it approved (drawn from the envelope).</summary>
    static async Task<Call> ClosedCallAsync(InMemoryCallRepository calls, InMemoryBudgetLedger ledger, long envelope, long drawnByAFile)
    {
        var opened = CallRules.Open(CallIds.FromRandom(Guid.NewGuid().ToByteArray()),
            new CallOpenRequest("Đợt tuyển chọn nhiệm vụ KH&CN về NSCL năm 2025", ["science-technology-task"], 2025, envelope,
                new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 14), null, null),
            Leader, Catalogue, ApplicationForm.Shipped, VietnamStatutoryCalendar.FromEmbeddedData(), new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
        var call = opened.Call!;
        Assert.Equal(CallState.Closed, call.StateAt(DateTimeOffset.UtcNow));
        Assert.True((await ledger.ApplyAsync(opened.Movements[0], default)).Applied);
        if (drawnByAFile > 0)
        {
            var draw = new BudgetMovementRequest("ho-so-1:reserve:5", CallRules.KeyOf(call), "ho-so-1", BudgetMovementKind.Draw, drawnByAFile, "oid-leader",
                "Phê duyệt hỗ trợ.", DateTimeOffset.UtcNow) { FromHolderId = call.Id };
            Assert.True((await ledger.ApplyAsync(draw, default)).Applied);
        }

        Assert.True(await calls.TryAddAsync(call, default));
        return call;
    }

    /// <summary>
    /// Calls whose first store loses to another writer, as the Table adapter's ETag does: <paramref name="meanwhile"/> writes,
    /// then the change is asked again on what is stored now.
    /// </summary>
    sealed class RaceOnFirstStore(ICallRepository inner, Func<Task> meanwhile) : ICallRepository
    {
        public bool Raced { get; private set; }

        public Task<Call?> UpdateAsync(string id, Func<Call, Task<Call?>> change, CancellationToken cancellationToken) =>
            inner.UpdateAsync(id, async current =>
            {
                var wanted = await change(current);
                if (wanted is null || Raced)
                {
                    return wanted;
                }

                Raced = true;
                await meanwhile();
                return await change((await inner.FindAsync(id, cancellationToken))!);
            }, cancellationToken);

        public Task<bool> TryAddAsync(Call call, CancellationToken cancellationToken) => inner.TryAddAsync(call, cancellationToken);

        public Task<Call?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task AddApplicationAsync(string callId, string applicationId, CancellationToken cancellationToken) =>
            inner.AddApplicationAsync(callId, applicationId, cancellationToken);

        public Task<IReadOnlyList<string>> ApplicationIdsAsync(string callId, CancellationToken cancellationToken) => inner.ApplicationIdsAsync(callId, cancellationToken);
    }
}
