using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Budget;

/// <summary>
/// What one allocation entry does to an item's ceiling in a year. Stored by name: only add.
/// <list type="bullet">
/// <item>Allocate: the allocation given (dự toán được giao) or its revision: the ceiling becomes the amount.</item>
/// <item>TransferOut / TransferIn: the two halves of a rebalancing between items of one year (V.2.b): the source's
/// ceiling goes down by the amount, the destination's up.</item>
/// </list>
/// </summary>
public enum AllocationKind
{
    Allocate,
    TransferOut,
    TransferIn,
}

/// <summary>The document that decides an allocation: its number/symbol (số/ký hiệu), date and issuing body.</summary>
public sealed record AllocationDocument(string Number, DateOnly IssuedOn, string Issuer);

/// <summary>
/// One entry asked of the allocation log of an item and year. <see cref="EntryId"/> makes it idempotent (the same id
/// applied twice changes the ceiling once). <see cref="CounterpartLineId"/> is the other item of a transfer.
/// </summary>
public sealed record AllocationRequest(
    string EntryId,
    BudgetKey Key,
    AllocationKind Kind,
    long AmountVnd,
    string? CounterpartLineId,
    AllocationDocument Document,
    string? Note,
    string Actor,
    DateTimeOffset AtUtc);

/// <summary>
/// One entry of the append-only allocation log: nothing is ever edited, a revision or a transfer is a new entry.
/// <see cref="DeltaVnd"/> is the signed change to the ceiling and <see cref="CeilingAfterVnd"/> the ceiling after it
/// (so the latest entry's ceiling equals the printed figure, or 0, plus the sum of the deltas).
/// </summary>
public sealed record AllocationEntry(
    string EntryId,
    BudgetKey Key,
    AllocationKind Kind,
    long AmountVnd,
    long DeltaVnd,
    long CeilingAfterVnd,
    string? CounterpartLineId,
    AllocationDocument Document,
    string? Note,
    string Actor,
    DateTimeOffset AtUtc,
    long Sequence);

/// <summary>The outcome of an allocation entry: applied (or a replay), or refused with a code and a Vietnamese reason.</summary>
public sealed record AllocationResult(bool Applied, bool WasReplay, string? RefusalCode, string? RefusalMessage, LedgerBalance Balance, AllocationEntry? Entry)
{
    public bool Refused => !Applied;
}

/// <summary>
/// The allocation log of the ledger. Entries live with the balances they change, so a reservation and a revision of
/// the same item and year are decided against one consistent state: no interleaving of approvals and revisions can
/// leave the reserved money above the ceiling.
/// </summary>
public interface IBudgetAllocations
{
    Task<AllocationResult> AllocateAsync(AllocationRequest request, CancellationToken cancellationToken);

    /// <summary>The log, optionally of one year and/or one item, ordered by item, year and sequence.</summary>
    Task<IReadOnlyList<AllocationEntry>> GetAllocationsAsync(int? year, string? lineId, CancellationToken cancellationToken);
}

/// <summary>
/// The arithmetic of allocations, shared by every ledger implementation. Pure: no storage, no clock.
/// <list type="bullet">
/// <item>Allocate: amount ≥ 0 and ≥ what the item already holds in the year (reserved + committed + disbursed).</item>
/// <item>TransferOut: amount &gt; 0; the item has a ceiling; ceiling − amount ≥ what it already holds.</item>
/// <item>TransferIn: amount &gt; 0; the ceiling (0 when none) grows by the amount.</item>
/// </list>
/// </summary>
public static class AllocationRules
{
    public static void Validate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Key);
        ArgumentNullException.ThrowIfNull(request.Document);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.EntryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key.LineId);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown allocation kind.");
        }
    }

    /// <summary>Decides <paramref name="request"/> against the item's balance; <paramref name="sequence"/> numbers the entry.</summary>
    public static (LedgerBalance Balance, AllocationEntry? Entry, LedgerRefusal? Refusal) Decide(AllocationRequest request, LedgerBalance balance, long sequence)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(balance);
        if (balance.Key != request.Key)
        {
            throw new ArgumentException("The balance must be that of the request's item and year.", nameof(balance));
        }

        var amount = request.AmountVnd;
        var where = $"mục {request.Key.LineId} năm {request.Key.Year}";
        var used = balance.UsedVnd;
        var current = balance.CeilingSource == CeilingSource.None ? 0 : balance.CeilingVnd;
        long after;
        switch (request.Kind)
        {
            case AllocationKind.Allocate when amount < 0:
                return Refuse(LedgerRefusalCodes.AmountNegative, $"Dự toán được giao không được âm (nhận được {Dong(amount)}).");
            case AllocationKind.Allocate when amount < used:
                return Refuse(LedgerRefusalCodes.AllocationBelowUsed,
                    $"Không thể giao dự toán {Dong(amount)} cho {where}: mục đã tạm giữ, cam kết chi và giải ngân " +
                    $"{Dong(used)}; dự toán không được thấp hơn số này.");
            case AllocationKind.Allocate:
                after = amount;
                break;
            case AllocationKind.TransferOut or AllocationKind.TransferIn when amount <= 0:
                return Refuse(LedgerRefusalCodes.AmountNotPositive, $"Số tiền điều chuyển phải lớn hơn 0 đồng (nhận được {Dong(amount)}).");
            case AllocationKind.TransferOut when balance.CeilingSource == CeilingSource.None:
                return Refuse(LedgerRefusalCodes.NoAllocation, LedgerRules.NoAllocation(request.Key).Message);
            case AllocationKind.TransferOut when current - amount < used:
                return Refuse(LedgerRefusalCodes.TransferExceedsAvailable,
                    $"Không thể điều chuyển {Dong(amount)} khỏi {where}: dự toán {Dong(current)}, " +
                    $"đã tạm giữ, cam kết chi và giải ngân {Dong(used)}, chỉ còn {Dong(Math.Max(current - used, 0))} có thể điều chuyển.");
            case AllocationKind.TransferOut:
                after = current - amount;
                break;
            case AllocationKind.TransferIn:
                after = checked(current + amount);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown allocation kind.");
        }

        var entry = new AllocationEntry(request.EntryId, request.Key, request.Kind, amount, after - current, after, request.CounterpartLineId,
            request.Document, request.Note, request.Actor, request.AtUtc, sequence);
        return (balance with { CeilingVnd = after, CeilingSource = CeilingSource.Recorded }, entry, null);

        (LedgerBalance, AllocationEntry?, LedgerRefusal?) Refuse(string code, string message) => (balance, null, new LedgerRefusal(code, message));
    }

    /// <summary>The answer to an entry id the log already holds: a replay when it is the same entry, else a refusal.</summary>
    public static AllocationResult Replay(AllocationRequest request, AllocationEntry existing, LedgerBalance balance)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(balance);
        var same = existing.Key == request.Key && existing.Kind == request.Kind && existing.AmountVnd == request.AmountVnd;
        return same
            ? new AllocationResult(true, true, null, null, balance, existing)
            : new AllocationResult(false, false, LedgerRefusalCodes.MovementIdReused,
                $"Mã bút toán \"{request.EntryId}\" đã được dùng cho một bút toán dự toán khác; mỗi bút toán cần một mã riêng.", balance, null);
    }

    /// <summary>How an entry kind reads in Vietnamese.</summary>
    public static string KindText(AllocationKind kind) => kind switch
    {
        AllocationKind.Allocate => "giao dự toán",
        AllocationKind.TransferOut => "điều chuyển đi",
        AllocationKind.TransferIn => "điều chuyển đến",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A transfer between two items of one year (V.2.b) as two log entries: the source's out (which may be refused: it
/// may not take the source below what it holds), then the destination's in (never refused for a funded item). Both
/// carry ids derived from the transfer's id, so running the same transfer again after a failure between the two halves
/// completes it without moving money twice.
/// </summary>
public static class AllocationTransfers
{
    public static async Task<(AllocationResult Out, AllocationResult? In)> TransferAsync(
        IBudgetAllocations allocations, string transferId, int year, string fromLineId, string toLineId, long amountVnd,
        AllocationDocument document, string? note, string actor, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        if (string.Equals(fromLineId, toLineId, StringComparison.Ordinal))
        {
            throw new ArgumentException("A transfer needs two different items.", nameof(toLineId));
        }

        var outResult = await allocations.AllocateAsync(
            new AllocationRequest(transferId + ":out", new BudgetKey(fromLineId, year), AllocationKind.TransferOut, amountVnd, toLineId, document, note, actor, atUtc),
            cancellationToken).ConfigureAwait(false);
        if (outResult.Refused)
        {
            return (outResult, null);
        }

        var inResult = await allocations.AllocateAsync(
            new AllocationRequest(transferId + ":in", new BudgetKey(toLineId, year), AllocationKind.TransferIn, amountVnd, fromLineId, document, note, actor, atUtc),
            cancellationToken).ConfigureAwait(false);
        return (outResult, inResult);
    }
}
