using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Domain.Calls;

/// <summary>
/// Money an approved file of a call no longer needs (cancelled, failed or under-spent evaluation: any release of its
/// reservation) goes back to the call's envelope while the call is not finalised, where another file of the call may
/// draw it; once the call is finalised it goes on to the item's allocation, as finalising did with the envelope's rest.
/// The return is always the same movement (idempotent by its id, whatever the call's state when a step runs again);
/// when the call is finalised a release of the envelope follows it. Finalising, for its part, releases what a return
/// brought in while it was being recorded (<see cref="RestMovementId"/>), so no money stays held by a finalised call.
/// </summary>
public static partial class CallRules
{
    /// <summary>The ledger id of the release, after finalising, of what returns brought to the envelope meanwhile (one per call).</summary>
    public static string RestMovementId(string callId) => $"{callId}:release-rest";

    /// <summary>
    /// The application's release turned into a return to its call's envelope (<see cref="BudgetMovementKind.Return"/>, the
    /// same movement id); any other movement unchanged.
    /// </summary>
    public static BudgetMovementRequest ToEnvelope(BudgetMovementRequest movement, string? callId)
    {
        ArgumentNullException.ThrowIfNull(movement);
        return movement.Kind != BudgetMovementKind.Release || string.IsNullOrWhiteSpace(callId)
            || string.Equals(movement.ApplicationId, callId, StringComparison.Ordinal)
            ? movement
            : movement with
            {
                Kind = BudgetMovementKind.Return,
                ApplicationId = callId,
                FromHolderId = movement.ApplicationId,
                Reason = $"{movement.Reason.TrimEnd('.', ' ')}: hoàn về kinh phí đợt tuyển chọn",
            };
    }

    /// <summary>
    /// After a return to <paramref name="call"/>'s envelope: null while the call is not finalised (the money stays in the
    /// envelope); once it is (or when the call is gone), the release of what was returned and the envelope still holds
    /// (<paramref name="envelopeHeldVnd"/>) to the item, with an id derived from the return's.
    /// </summary>
    public static BudgetMovementRequest? OnToItem(BudgetMovementRequest returned, Call? call, long envelopeHeldVnd)
    {
        ArgumentNullException.ThrowIfNull(returned);
        if (returned.Kind != BudgetMovementKind.Return || call is { FinalisedAtUtc: null })
        {
            return null;
        }

        var amount = Math.Min(returned.AmountVnd, envelopeHeldVnd);
        return amount <= 0
            ? null
            : new BudgetMovementRequest($"{returned.MovementId}:to-item", returned.Key, returned.ApplicationId, BudgetMovementKind.Release, amount, returned.Actor,
                $"Hủy tạm giữ: đợt tuyển chọn đã kết thúc, kinh phí của hồ sơ {returned.FromHolderId} hoàn về mục {returned.Key.LineId}", returned.AtUtc);
    }

    /// <summary>The call with <paramref name="amountVnd"/> more released to the item after finalising (a file's money returned late).</summary>
    public static Call AddReleased(Call call, long amountVnd, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call with { ReleasedVnd = call.ReleasedVnd + Math.Max(amountVnd, 0), UpdatedAtUtc = atUtc };
    }

    /// <summary>After finalising: the release of what the envelope still holds (returns recorded while finalising), or null.</summary>
    public static BudgetMovementRequest? Rest(Call call, long heldVnd, string actor, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.FinalisedAtUtc is null || heldVnd <= 0
            ? null
            : new BudgetMovementRequest(RestMovementId(call.Id), KeyOf(call), call.Id, BudgetMovementKind.Release, heldVnd, actor,
                $"Hủy tạm giữ kinh phí hoàn về đợt tuyển chọn \"{call.Title}\" khi kết thúc đợt", nowUtc);
    }
}
