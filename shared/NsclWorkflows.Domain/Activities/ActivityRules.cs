using System.Globalization;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Activities;

/// <summary>Stable codes of an activity's refusals (besides <see cref="ErrorCodes"/>).</summary>
public static class ActivityErrorCodes
{
    /// <summary>The change is not allowed in the activity's state (HTTP 409).</summary>
    public const string WrongState = "activity_wrong_state";

    /// <summary>The line is not a budget item of the plan.</summary>
    public const string UnknownLine = "unknown_budget_line";

    /// <summary>A payment larger than what is committed.</summary>
    public const string DisburseExceedsCommitted = "disburse_exceeds_committed";

    /// <summary>Closing with commitments not yet paid, or without any result.</summary>
    public const string NotReadyToClose = "activity_not_ready_to_close";

    /// <summary>Cancelling after money was committed.</summary>
    public const string SpendingRecorded = "activity_spending_recorded";
}

/// <summary>What an officer asks when planning an activity.</summary>
public sealed record ActivityPlanRequest(
    string? Title,
    string? LineId,
    int? Year,
    long? EstimatedCostVnd,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    string? ExpectedOutputs);

/// <summary>A spending to record: committed and/or disbursed amounts with the payment's document reference.</summary>
public sealed record ActivitySpendingRequest(long? CommittedVnd, long? DisbursedVnd, string? DocumentReference, string? Note);

/// <summary>An output to record.</summary>
public sealed record ActivityOutputRequest(ActivityOutputKind? Kind, int? Quantity, string? Note);

/// <summary>
/// The outcome of a rule: the activity as it becomes and the ledger movements to apply first (in order, each
/// idempotent by its id), or field errors and nothing else. An error coded <see cref="ActivityErrorCodes.WrongState"/>
/// means the state forbids the change (a conflict), any other means the input is wrong.
/// </summary>
public sealed record ActivityOutcome(ProgrammeActivity? Activity, IReadOnlyList<BudgetMovementRequest> Movements, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public bool IsStateConflict => Errors.Any(e => e.Code == ActivityErrorCodes.WrongState);

    internal static ActivityOutcome Refused(params FieldError[] errors) => new(null, [], errors);

    internal static ActivityOutcome Refused(IReadOnlyList<FieldError> errors) => new(null, [], errors);
}

/// <summary>
/// The rules of a programme activity. Planning reserves the estimated cost; a commitment moves reserved money to
/// committed (reserving the shortfall first when it exceeds what is held); a payment moves committed to disbursed;
/// closing or cancelling releases what is still reserved. Every text is checked by <see cref="TextSafety"/>. Pure:
/// the caller applies the movements to the ledger, then stores the activity.
/// </summary>
public static class ActivityRules
{
    public const int MaxTitleLength = 300;
    public const int MaxLongTextLength = 2000;
    public const int MaxReferenceLength = 100;
    public const int MaxNoteLength = 1000;
    public const int MaxQuantity = 1_000_000;
    public const long MaxAmountVnd = 100_000_000_000;
    public const int MaxNotes = 50;
    public const int FirstYear = 2022;
    public const int LastYear = 2100;

    /// <summary>Plans an activity: validated, led by the item's lead unit, its estimated cost reserved.</summary>
    public static ActivityOutcome Plan(string id, ActivityPlanRequest request, ResponsibleOfficer officer, Programme programme, DateTimeOffset nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(programme);
        var errors = FluentFieldErrors.Of(ActivityBodyRules.Plan.Validate(request)).ToList();
        var title = ActivityBodyRules.Kept(request.Title);
        var expected = ActivityBodyRules.Kept(request.ExpectedOutputs);
        var lineId = request.LineId?.Trim();
        if (!string.IsNullOrEmpty(lineId) && !IsFundedItem(programme, lineId))
        {
            errors.Add(new("lineId", ActivityErrorCodes.UnknownLine,
                $"Mục \"{TextSafety.Clean(lineId, multiLine: false)}\" không phải là một mục chi có kinh phí trong Phụ lục của Kế hoạch."));
        }

        CheckOfficer(officer, errors);
        if (errors.Count > 0)
        {
            return ActivityOutcome.Refused(errors);
        }

        var activity = new ProgrammeActivity
        {
            Id = id,
            Title = title!,
            LineId = lineId!,
            Year = request.Year!.Value,
            LeadUnit = Units.ForLine(programme, lineId!),
            Officer = officer,
            EstimatedCostVnd = request.EstimatedCostVnd!.Value,
            PlannedStart = request.PlannedStart!.Value,
            PlannedEnd = request.PlannedEnd!.Value,
            ExpectedOutputs = expected ?? string.Empty,
            State = ActivityState.Planned,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            ReservedVnd = request.EstimatedCostVnd!.Value,
        };
        var reserve = Movement(activity, $"{id}:reserve", BudgetMovementKind.Reserve, activity.EstimatedCostVnd, officer.Id,
            $"Giữ kinh phí dự kiến cho hoạt động \"{activity.Title}\"", nowUtc);
        return new(activity, [reserve], []);
    }

    /// <summary>Records a spending (committed and/or disbursed amounts with its document reference).</summary>
    public static ActivityOutcome RecordSpending(ProgrammeActivity activity, string spendingId, ActivitySpendingRequest request, string actorId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(spendingId);
        ArgumentNullException.ThrowIfNull(request);
        if (StateError(activity, "ghi nhận chi") is { } stateError)
        {
            return ActivityOutcome.Refused(stateError);
        }

        var errors = FluentFieldErrors.Of(ActivityBodyRules.Spending.Validate(request)).ToList();
        var reference = ActivityBodyRules.Kept(request.DocumentReference);
        var note = ActivityBodyRules.Kept(request.Note);
        var committed = request.CommittedVnd ?? 0;
        var disbursed = request.DisbursedVnd ?? 0;
        if (errors.All(e => e.Field is not ("committedVnd" or "disbursedVnd")) && disbursed > activity.HeldCommittedVnd + committed)
        {
            errors.Add(new("disbursedVnd", ActivityErrorCodes.DisburseExceedsCommitted,
                $"Số tiền giải ngân {Dong(disbursed)} vượt số đã cam kết chi chưa giải ngân ({Dong(activity.HeldCommittedVnd + committed)})."));
        }

        if (errors.Count > 0)
        {
            return ActivityOutcome.Refused(errors);
        }

        var movements = new List<BudgetMovementRequest>();
        var reserved = activity.ReservedVnd;
        if (committed > 0)
        {
            var shortfall = committed - activity.HeldReservedVnd;
            if (shortfall > 0)
            {
                movements.Add(Movement(activity, $"{activity.Id}:{spendingId}:topup", BudgetMovementKind.Reserve, shortfall, actorId,
                    $"Giữ thêm kinh phí cho chứng từ {reference}", nowUtc));
                reserved += shortfall;
            }

            movements.Add(Movement(activity, $"{activity.Id}:{spendingId}:commit", BudgetMovementKind.Commit, committed, actorId,
                $"Cam kết chi theo chứng từ {reference}", nowUtc));
        }

        if (disbursed > 0)
        {
            movements.Add(Movement(activity, $"{activity.Id}:{spendingId}:disburse", BudgetMovementKind.Disburse, disbursed, actorId,
                $"Giải ngân theo chứng từ {reference}", nowUtc));
        }

        var updated = activity with
        {
            State = activity.State == ActivityState.Planned ? ActivityState.InProgress : activity.State,
            Spending = [.. activity.Spending, new ActivitySpending(spendingId, committed, disbursed, reference!, note, actorId, nowUtc)],
            ReservedVnd = reserved,
            CommittedVnd = activity.CommittedVnd + committed,
            DisbursedVnd = activity.DisbursedVnd + disbursed,
            UpdatedAtUtc = nowUtc,
        };
        return new(updated, movements, []);
    }

    /// <summary>Records an output (a kind, a quantity, a note).</summary>
    public static ActivityOutcome RecordOutput(ProgrammeActivity activity, string outputId, ActivityOutputRequest request, string actorId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputId);
        ArgumentNullException.ThrowIfNull(request);
        if (StateError(activity, "ghi nhận kết quả") is { } stateError)
        {
            return ActivityOutcome.Refused(stateError);
        }

        var errors = FluentFieldErrors.Of(ActivityBodyRules.Output.Validate(request));
        var note = ActivityBodyRules.Kept(request.Note);
        if (errors.Count > 0)
        {
            return ActivityOutcome.Refused(errors);
        }

        var updated = activity with
        {
            State = activity.State == ActivityState.Planned ? ActivityState.InProgress : activity.State,
            Outputs = [.. activity.Outputs, new ActivityOutput(outputId, request.Kind!.Value, request.Quantity!.Value, note, actorId, nowUtc)],
            UpdatedAtUtc = nowUtc,
        };
        return new(updated, [], []);
    }

    /// <summary>Marks an open activity whose planned end has passed as awaiting its result; null when nothing changes.</summary>
    public static ProgrammeActivity? MarkResultDue(ProgrammeActivity activity, DateOnly today, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.State is ActivityState.Planned or ActivityState.InProgress && today > activity.PlannedEnd
            ? activity with { State = ActivityState.ResultDue, UpdatedAtUtc = nowUtc }
            : null;
    }

    /// <summary>Adds a system note (at most <see cref="MaxNotes"/> kept); null when the same note is already there (a re-executed step).</summary>
    public static ProgrammeActivity? AddNote(ProgrammeActivity activity, string text, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var note = new ActivityNote(atUtc, TextSafety.Clean(text, multiLine: false));
        return activity.Notes.Contains(note)
            ? null
            : activity with { Notes = [.. activity.Notes.TakeLast(MaxNotes - 1), note] };
    }

    /// <summary>Closes the activity with its result: at least one output, every commitment paid; the rest of the reservation is released.</summary>
    public static ActivityOutcome Close(ProgrammeActivity activity, string? note, string actorId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (StateError(activity, "kết thúc") is { } stateError)
        {
            return ActivityOutcome.Refused(stateError);
        }

        var errors = FluentFieldErrors.Of(ActivityBodyRules.Close.Validate(new ActivityCloseRequest(note))).ToList();
        var cleanNote = ActivityBodyRules.Kept(note);
        if (activity.Outputs.Count == 0)
        {
            errors.Add(new("outputs", ActivityErrorCodes.NotReadyToClose, "Chưa ghi nhận kết quả nào của hoạt động; vui lòng ghi nhận kết quả trước khi kết thúc."));
        }

        if (activity.HeldCommittedVnd > 0)
        {
            errors.Add(new("disbursedVnd", ActivityErrorCodes.NotReadyToClose,
                $"Còn {Dong(activity.HeldCommittedVnd)} đã cam kết chi nhưng chưa giải ngân; vui lòng ghi nhận giải ngân trước khi kết thúc."));
        }

        return errors.Count > 0 ? ActivityOutcome.Refused(errors) : Finish(activity, ActivityState.Closed, cleanNote, actorId, nowUtc);
    }

    /// <summary>Cancels an activity on which nothing was committed; its reservation is released.</summary>
    public static ActivityOutcome Cancel(ProgrammeActivity activity, string? reason, string actorId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (StateError(activity, "hủy") is { } stateError)
        {
            return ActivityOutcome.Refused(stateError);
        }

        var errors = FluentFieldErrors.Of(ActivityBodyRules.Cancel.Validate(new ActivityCancelRequest(reason))).ToList();
        var cleanReason = ActivityBodyRules.Kept(reason);
        if (activity.CommittedVnd > 0)
        {
            errors.Add(new("reason", ActivityErrorCodes.SpendingRecorded,
                $"Hoạt động đã cam kết chi {Dong(activity.CommittedVnd)}; không thể hủy, vui lòng kết thúc hoạt động với kết quả đã đạt."));
        }

        return errors.Count > 0 ? ActivityOutcome.Refused(errors) : Finish(activity, ActivityState.Cancelled, cleanReason, actorId, nowUtc);
    }

    /// <summary>True when <paramref name="lineId"/> is a budget item (not a group, not the total) of the programme.</summary>
    public static bool IsFundedItem(Programme programme, string lineId)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return BudgetPlan.From(programme).IsLedgerLine(lineId);
    }

    /// <summary>The ledger key of the activity.</summary>
    public static BudgetKey KeyOf(ProgrammeActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(activity.LineId, activity.Year);
    }

    static ActivityOutcome Finish(ProgrammeActivity activity, ActivityState state, string? note, string actorId, DateTimeOffset nowUtc)
    {
        var held = activity.HeldReservedVnd;
        var movements = held > 0
            ? new[]
            {
                Movement(activity, $"{activity.Id}:release", BudgetMovementKind.Release, held, actorId,
                    state == ActivityState.Closed ? "Hủy tạm giữ kinh phí còn lại khi kết thúc hoạt động" : "Hủy tạm giữ kinh phí khi hủy hoạt động", nowUtc),
            }
            : [];
        var updated = activity with
        {
            State = state,
            ReleasedVnd = activity.ReleasedVnd + Math.Max(held, 0),
            ClosingNote = note,
            UpdatedAtUtc = nowUtc,
        };
        return new(updated, movements, []);
    }

    static FieldError? StateError(ProgrammeActivity activity, string what) => activity.IsOpen
        ? null
        : new FieldError("state", ActivityErrorCodes.WrongState,
            $"Hoạt động đã {(activity.State == ActivityState.Closed ? "kết thúc" : "bị hủy")}; không thể {what}.");

    static void CheckOfficer(ResponsibleOfficer officer, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(officer.Id) || string.IsNullOrWhiteSpace(officer.Name))
        {
            errors.Add(new("officer", ErrorCodes.Required, "Cần có cán bộ phụ trách hoạt động."));
            return;
        }

        if (TextSafety.Check(officer.Name, "officer", "Tên cán bộ phụ trách") is { } bad)
        {
            errors.Add(bad);
        }
    }

    static BudgetMovementRequest Movement(ProgrammeActivity activity, string movementId, BudgetMovementKind kind, long amount, string actor, string reason, DateTimeOffset at) =>
        new(movementId, KeyOf(activity), activity.Id, kind, amount, actor, reason, at);
}
