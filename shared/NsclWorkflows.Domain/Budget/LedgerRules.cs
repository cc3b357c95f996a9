using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Budget;

/// <summary>
/// The ledger's arithmetic, shared by every implementation (Table storage, in-memory): whether a movement applies to
/// a line's balance and an application's holding, and what they become. Pure: no storage, no clock.
/// <list type="bullet">
/// <item>Reserve: the item has a ceiling in the year (an allocation, or the printed figure of 2022–2025; else
/// <c>no_allocation</c>) and amount ≤ the line's remaining amount; available → reserved.</item>
/// <item>Release: amount ≤ what the application holds reserved; reserved → available.</item>
/// <item>Commit: amount ≤ what the application holds reserved; reserved → committed.</item>
/// <item>Disburse: amount ≤ what the application has committed; committed → disbursed.</item>
/// <item>Draw: amount ≤ what the source holder (a call's envelope) holds reserved; its reserved → the application's
/// reserved, the line's balance unchanged.</item>
/// <item>Return: amount ≤ what the source holder (an application of the call) holds reserved; its reserved → the
/// call's reserved (the envelope), the line's balance unchanged.</item>
/// </list>
/// Every amount must be positive. Refusals change nothing and are not recorded: the same movement may be asked again.
/// </summary>
public static class LedgerRules
{
    /// <summary>
    /// Refuses a line the ledger does not hold money on: not an item of the catalogue, or an item funded elsewhere
    /// (lồng ghép, no figure in any year). Whether the year has money is the ceiling's business
    /// (<see cref="NoAllocation"/>), decided with the balance since allocations are data.
    /// </summary>
    public static LedgerRefusal? CheckLine(BudgetPlan plan, BudgetKey key)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(key);
        if (!plan.IsLedgerLine(key.LineId))
        {
            return new(LedgerRefusalCodes.UnknownBudgetLine,
                $"Không có mục chi \"{key.LineId}\" trong danh mục kinh phí; kinh phí được theo dõi theo từng mục chi (ví dụ IV.1).");
        }

        return plan.IsFundedItem(key.LineId)
            ? null
            : new(LedgerRefusalCodes.NoBudgetInYear,
                $"Mục chi {key.LineId} được bố trí kinh phí từ nguồn khác (lồng ghép), không theo dõi trên sổ kinh phí của Sở.");
    }

    /// <summary>The refusal of a reservation on an item and year without an allocation (no figure printed, none recorded).</summary>
    public static LedgerRefusal NoAllocation(BudgetKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(LedgerRefusalCodes.NoAllocation,
            $"Mục chi {key.LineId} chưa có dự toán được giao năm {key.Year}. Quản trị hệ thống cần ghi nhận dự toán được giao " +
            $"(số, ngày và cơ quan ban hành văn bản giao dự toán) cho mục {key.LineId} năm {key.Year} trước khi phê duyệt kinh phí.");
    }

    /// <summary>Checks the request's shape: programming errors throw, they are not refusals.</summary>
    public static void Validate(BudgetMovementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.MovementId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ApplicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key.LineId);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown movement kind.");
        }

        if (IsTransfer(request.Kind) != !string.IsNullOrWhiteSpace(request.FromHolderId)
            || string.Equals(request.FromHolderId, request.ApplicationId, StringComparison.Ordinal))
        {
            throw new ArgumentException("A draw or a return (and only those) names the holder it moves from, another than the one it moves to.", nameof(request));
        }
    }

    /// <summary>A movement between two holders of one line (<see cref="BudgetMovementKind.Draw"/>, <see cref="BudgetMovementKind.Return"/>): the line's balance does not change.</summary>
    public static bool IsTransfer(BudgetMovementKind kind) => kind is BudgetMovementKind.Draw or BudgetMovementKind.Return;

    /// <summary>
    /// Decides a draw from <paramref name="source"/> (the holding of <see cref="BudgetMovementRequest.FromHolderId"/>) into
    /// <paramref name="holding"/>; any other movement as <see cref="Decide(BudgetMovementRequest, LedgerBalance, LedgerHolding)"/>.
    /// </summary>
    public static LedgerDecision Decide(BudgetMovementRequest request, LedgerBalance balance, LedgerHolding holding, LedgerHolding? source)
    {
        Validate(request);
        if (!IsTransfer(request.Kind))
        {
            return Decide(request, balance, holding);
        }

        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(holding);
        ArgumentNullException.ThrowIfNull(source);
        if (balance.Key != request.Key || holding.Key != request.Key || source.Key != request.Key
            || !string.Equals(holding.ApplicationId, request.ApplicationId, StringComparison.Ordinal)
            || !string.Equals(source.ApplicationId, request.FromHolderId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The balance and holdings must be those of the request's line, year, application and source.", nameof(request));
        }

        var amount = request.AmountVnd;
        if (amount <= 0)
        {
            return new(balance, holding, new LedgerRefusal(LedgerRefusalCodes.AmountNotPositive, $"Số tiền phải lớn hơn 0 đồng (nhận được {Dong(amount)}).")) { Source = source };
        }

        if (amount > source.ReservedVnd && request.Kind == BudgetMovementKind.Return)
        {
            return new(balance, holding, new LedgerRefusal(LedgerRefusalCodes.ReleaseExceedsReserved,
                $"Không thể hoàn {Dong(amount)} về kinh phí của đợt tuyển chọn {request.ApplicationId}: hồ sơ {source.ApplicationId} chỉ đang tạm giữ " +
                $"{Dong(source.ReservedVnd)} trên mục {request.Key.LineId} năm {request.Key.Year}."))
            { Source = source };
        }

        if (amount > source.ReservedVnd)
        {
            return new(balance, holding, new LedgerRefusal(LedgerRefusalCodes.EnvelopeExceeded,
                $"Kinh phí của đợt tuyển chọn {source.ApplicationId} (mục {request.Key.LineId} năm {request.Key.Year}) chỉ còn {Dong(source.ReservedVnd)} " +
                $"chưa phân bổ, không đủ để phê duyệt {Dong(amount)} cho hồ sơ {request.ApplicationId}."))
            { Source = source };
        }

        return new(balance, holding with { ReservedVnd = holding.ReservedVnd + amount }, null) { Source = source with { ReservedVnd = source.ReservedVnd - amount } };
    }

    /// <summary>Decides <paramref name="request"/> against the line's current balance and the application's holding.</summary>
    public static LedgerDecision Decide(BudgetMovementRequest request, LedgerBalance balance, LedgerHolding holding)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(holding);
        if (balance.Key != request.Key || holding.Key != request.Key || !string.Equals(holding.ApplicationId, request.ApplicationId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The balance and holding must be those of the request's line, year and application.", nameof(request));
        }

        var amount = request.AmountVnd;
        if (amount <= 0)
        {
            return Refuse(LedgerRefusalCodes.AmountNotPositive, $"Số tiền phải lớn hơn 0 đồng (nhận được {Dong(amount)}).");
        }

        var where = $"mục {request.Key.LineId} năm {request.Key.Year}";
        var app = request.ApplicationId;
        return request.Kind switch
        {
            BudgetMovementKind.Reserve when balance.CeilingSource == CeilingSource.None => new LedgerDecision(balance, holding, NoAllocation(request.Key)),
            BudgetMovementKind.Reserve when amount > balance.RemainingVnd => Refuse(LedgerRefusalCodes.BudgetExceeded,
                $"Không đủ kinh phí: {where} còn {Dong(Math.Max(balance.RemainingVnd, 0))}, không đủ để tạm giữ {Dong(amount)} cho hồ sơ {app}."),
            BudgetMovementKind.Reserve => Apply(reserved: amount, committed: 0, disbursed: 0),
            BudgetMovementKind.Release when amount > holding.ReservedVnd => Refuse(LedgerRefusalCodes.ReleaseExceedsReserved,
                $"Không thể hủy tạm giữ {Dong(amount)}: hồ sơ {app} chỉ đang tạm giữ {Dong(holding.ReservedVnd)} trên {where}."),
            BudgetMovementKind.Release => Apply(reserved: -amount, committed: 0, disbursed: 0),
            BudgetMovementKind.Commit when amount > holding.ReservedVnd => Refuse(LedgerRefusalCodes.CommitExceedsReserved,
                $"Không thể cam kết chi {Dong(amount)}: hồ sơ {app} chỉ đang tạm giữ {Dong(holding.ReservedVnd)} trên {where}."),
            BudgetMovementKind.Commit => Apply(reserved: -amount, committed: amount, disbursed: 0),
            BudgetMovementKind.Disburse when amount > holding.CommittedVnd => Refuse(LedgerRefusalCodes.DisburseExceedsCommitted,
                $"Không thể giải ngân {Dong(amount)}: hồ sơ {app} chỉ có {Dong(holding.CommittedVnd)} đã cam kết chi trên {where}."),
            BudgetMovementKind.Disburse => Apply(reserved: 0, committed: -amount, disbursed: amount),
            BudgetMovementKind.Draw or BudgetMovementKind.Return => throw new ArgumentException("A draw or a return is decided with its source holding.", nameof(request)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown movement kind."),
        };

        LedgerDecision Refuse(string code, string message) => new(balance, holding, new LedgerRefusal(code, message));

        LedgerDecision Apply(long reserved, long committed, long disbursed) => new(
            balance with
            {
                ReservedVnd = balance.ReservedVnd + reserved,
                CommittedVnd = balance.CommittedVnd + committed,
                DisbursedVnd = balance.DisbursedVnd + disbursed,
            },
            holding with
            {
                ReservedVnd = holding.ReservedVnd + reserved,
                CommittedVnd = holding.CommittedVnd + committed,
                DisbursedVnd = holding.DisbursedVnd + disbursed,
            },
            null);
    }

    /// <summary>
    /// The answer to a movement whose id the ledger already holds: a replay (money moved once, nothing changes) when it
    /// is the same movement, a refusal when the id was used for a different one.
    /// </summary>
    public static LedgerResult Replay(BudgetMovementRequest request, LedgerEntry existing, LedgerBalance balance)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(balance);
        var same = existing.Key == request.Key && existing.Kind == request.Kind && existing.AmountVnd == request.AmountVnd
            && string.Equals(existing.ApplicationId, request.ApplicationId, StringComparison.Ordinal)
            && string.Equals(existing.FromHolderId, request.FromHolderId, StringComparison.Ordinal);
        return same
            ? new LedgerResult(true, true, null, null, balance)
            : new LedgerResult(false, false, LedgerRefusalCodes.MovementIdReused,
                $"Mã giao dịch \"{request.MovementId}\" đã được dùng cho một giao dịch khác ({KindText(existing.Kind)} {Dong(existing.AmountVnd)} " +
                $"cho hồ sơ {existing.ApplicationId}); mỗi giao dịch cần một mã riêng.",
                balance);
    }

    /// <summary>The entry an applied movement writes.</summary>
    public static LedgerEntry EntryOf(BudgetMovementRequest request)
    {
        Validate(request);
        return new(request.MovementId, request.Key, request.ApplicationId, request.Kind, request.AmountVnd, request.Actor, request.Reason, request.AtUtc)
        {
            FromHolderId = request.FromHolderId,
        };
    }

    /// <summary>How a movement kind reads in Vietnamese ("tạm giữ", "hủy tạm giữ", "cam kết chi", "giải ngân").</summary>
    public static string KindText(BudgetMovementKind kind) => kind switch
    {
        BudgetMovementKind.Reserve => "tạm giữ",
        BudgetMovementKind.Release => "hủy tạm giữ",
        BudgetMovementKind.Commit => "cam kết chi",
        BudgetMovementKind.Disburse => "giải ngân",
        BudgetMovementKind.Draw => "phân bổ từ kinh phí đợt tuyển chọn",
        BudgetMovementKind.Return => "hoàn về kinh phí đợt tuyển chọn",
        _ => kind.ToString(),
    };
}
