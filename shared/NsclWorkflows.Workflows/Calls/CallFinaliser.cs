using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Workflows.Calls;

/// <summary>What finalising a call came to: the call as stored, or why not (the rules' refusal, or the ledger's).</summary>
public sealed record CallFinalisation(Call? Call, CallOutcome? Refused, LedgerResult? LedgerRefusal);

/// <summary>
/// Finalises a call (a leader's decision after the close): what the envelope still holds is released to the item, the call
/// is stored finalised with what was released, and money a file returned to the envelope meanwhile follows
/// (<see cref="CallRules.Rest"/>; the file's own step does the same for a return after the call is stored finalised).
/// The call is stored only if nobody changed it since it was read, so the decision may be worked out again (a file's step
/// wrote the call meanwhile), and a request cut short may be sent again: a release already recorded under the call's
/// release id is never asked again (with another amount the ledger would refuse the id for good, and the call could never
/// be finalised), and the call counts what the ledger recorded under it, not what the envelope holds at the later reading.
/// </summary>
public sealed class CallFinaliser(ICallRepository calls, IBudgetLedger ledger, TimeProvider time)
{
    /// <summary>Null when the call does not exist.</summary>
    public async Task<CallFinalisation?> FinaliseAsync(string callId, string? note, CallOfficer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        CallOutcome? refused = null;
        LedgerResult? ledgerRefusal = null;
        var updated = await calls.UpdateAsync(callId, async current =>
        {
            (refused, ledgerRefusal) = (null, null);
            var key = CallRules.KeyOf(current);
            // Released already by an earlier reading (worked out again, or a request cut short before the call was stored):
            // the envelope then holds only what files returned since, which the rest below releases under its own id.
            var earlier = await RecordedReleaseAsync(key, current.Id, cancellationToken);
            var held = earlier is null ? (await ledger.GetHoldingAsync(key, current.Id, cancellationToken)).ReservedVnd : 0;
            var outcome = CallRules.Finalise(current, note, officer, held, time.GetUtcNow());
            if (!outcome.IsValid)
            {
                refused = outcome;
                return null;
            }

            foreach (var movement in outcome.Movements)
            {
                var result = await ledger.ApplyAsync(movement, cancellationToken);
                if (result.Refused)
                {
                    ledgerRefusal = result;
                    return null;
                }
            }

            return earlier is { } amount ? outcome.Call! with { ReleasedVnd = amount } : outcome.Call;
        }, cancellationToken);

        if (updated is null)
        {
            return null;
        }

        if (refused is not null || ledgerRefusal is not null)
        {
            return new CallFinalisation(updated, refused, ledgerRefusal);
        }

        // A file's money returned to the envelope while finalising was recorded goes on to the item.
        if (CallRules.Rest(updated, (await ledger.GetHoldingAsync(CallRules.KeyOf(updated), updated.Id, cancellationToken)).ReservedVnd, officer.Id,
            time.GetUtcNow()) is { } rest && await ledger.ApplyAsync(rest, cancellationToken) is { Applied: true, WasReplay: false })
        {
            updated = await calls.UpdateAsync(updated.Id, c => Task.FromResult<Call?>(CallRules.AddReleased(c, rest.AmountVnd, rest.AtUtc)), cancellationToken) ?? updated;
        }

        return new CallFinalisation(updated, null, null);
    }

    async Task<long?> RecordedReleaseAsync(BudgetKey key, string callId, CancellationToken cancellationToken)
    {
        var id = CallRules.ReleaseMovementId(callId);
        return (await ledger.GetEntriesAsync(key, cancellationToken)).FirstOrDefault(e => string.Equals(e.MovementId, id, StringComparison.Ordinal))?.AmountVnd;
    }
}
