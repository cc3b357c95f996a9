using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Activities;

/// <summary>An output as sent: its kind by name (<see cref="ActivityOutputKinds.Name"/>), the quantity, a note.</summary>
public sealed record ActivityOutputBody(string? Kind, int? Quantity, string? Note)
{
    /// <summary>The request the rules check (a kind that is no known name is left out: <see cref="ActivityBodyRules.OutputBody"/> refuses it first).</summary>
    public ActivityOutputRequest ToRequest() =>
        new(ActivityOutputKinds.TryParse(Kind, out var kind) ? kind : null, Quantity, Note);
}

/// <summary>The body of closing an activity.</summary>
/// <param name="Note">What was done, for the record.</param>
public sealed record ActivityCloseRequest(string? Note);

/// <summary>The body of cancelling an activity.</summary>
/// <param name="Reason">Why the activity is cancelled.</param>
public sealed record ActivityCancelRequest(string? Reason);

/// <summary>
/// The field rules of the activity bodies (FluentValidation), with the codes and Vietnamese messages clients see. The
/// rules that need the programme or the activity (a funded item, the activity's state, what is committed) are
/// <see cref="ActivityRules"/>', which apply these first.
/// </summary>
public static class ActivityBodyRules
{
    public static readonly IValidator<ActivityPlanRequest> Plan = PlanRules();

    public static readonly IValidator<ActivitySpendingRequest> Spending = SpendingRules();

    public static readonly IValidator<ActivityOutputRequest> Output = OutputRules();

    /// <summary>The output's kind as sent: absent (the output's rules ask for it) or one of the kinds' names.</summary>
    public static readonly IValidator<ActivityOutputBody> OutputBody = OutputBodyRules();

    public static readonly IValidator<ActivityCloseRequest> Close = CloseRules();

    public static readonly IValidator<ActivityCancelRequest> Cancel = CancelRules();

    /// <summary>A text as kept: trimmed, null when blank.</summary>
    public static string? Kept(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static InlineValidator<ActivityPlanRequest> PlanRules()
    {
        var rules = new InlineValidator<ActivityPlanRequest>();
        rules.Text(r => r.Title, "title", "Tên hoạt động", ActivityRules.MaxTitleLength, required: true);
        rules.Text(r => r.ExpectedOutputs, "expectedOutputs", "Kết quả dự kiến", ActivityRules.MaxLongTextLength, multiLine: true);
        rules.RuleFor(r => r.LineId).Must(l => Kept(l) is not null)
            .WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng chọn mục chi (ví dụ I.3).");
        rules.RuleFor(r => r.Year).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập năm ngân sách.")
            .InclusiveBetween(ActivityRules.FirstYear, ActivityRules.LastYear)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Năm ngân sách phải từ {ActivityRules.FirstYear} đến {ActivityRules.LastYear}.");
        rules.RuleFor(r => r.EstimatedCostVnd).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập kinh phí dự kiến (đồng).")
            .InclusiveBetween(1, ActivityRules.MaxAmountVnd)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Kinh phí dự kiến phải lớn hơn 0 và không quá {Dong(ActivityRules.MaxAmountVnd)}.");
        rules.RuleFor(r => r.PlannedStart).NotNull()
            .WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập ngày bắt đầu dự kiến.");
        rules.RuleFor(r => r.PlannedEnd).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập ngày kết thúc dự kiến.")
            .Must((r, end) => r.PlannedStart is not { } start || end >= start)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage("Ngày kết thúc dự kiến không được trước ngày bắt đầu.");
        return rules;
    }

    static InlineValidator<ActivitySpendingRequest> SpendingRules()
    {
        var rules = new InlineValidator<ActivitySpendingRequest>();
        rules.Text(r => r.DocumentReference, "documentReference", "Số chứng từ", ActivityRules.MaxReferenceLength, required: true);
        rules.Text(r => r.Note, "note", "Ghi chú", ActivityRules.MaxNoteLength, multiLine: true);
        rules.RuleFor(r => r.CommittedVnd).Must(a => InRange(a ?? 0)).WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Số tiền cam kết chi phải từ 0 đến {Dong(ActivityRules.MaxAmountVnd)}.");
        rules.RuleFor(r => r.DisbursedVnd).Must(a => InRange(a ?? 0)).WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Số tiền giải ngân phải từ 0 đến {Dong(ActivityRules.MaxAmountVnd)}.");
        rules.RuleFor(r => r.CommittedVnd).Must((r, _) => (r.CommittedVnd ?? 0) != 0 || (r.DisbursedVnd ?? 0) != 0)
            .When(r => InRange(r.CommittedVnd ?? 0) && InRange(r.DisbursedVnd ?? 0))
            .WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập số tiền cam kết chi hoặc số tiền giải ngân (lớn hơn 0).");
        return rules;

        static bool InRange(long amount) => amount is >= 0 and <= ActivityRules.MaxAmountVnd;
    }

    static InlineValidator<ActivityOutputRequest> OutputRules()
    {
        var rules = new InlineValidator<ActivityOutputRequest>();
        rules.Text(r => r.Note, "note", "Ghi chú", ActivityRules.MaxNoteLength, multiLine: true);
        rules.RuleFor(r => r.Kind).Must(k => k is { } kind && Enum.IsDefined(kind))
            .WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng chọn loại kết quả (lớp đã tổ chức, lượt người tham dự, bài viết…).");
        rules.RuleFor(r => r.Quantity).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng nhập số lượng.")
            .InclusiveBetween(1, ActivityRules.MaxQuantity)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Số lượng phải từ 1 đến {Number(ActivityRules.MaxQuantity)}.");
        return rules;
    }

    static InlineValidator<ActivityOutputBody> OutputBodyRules()
    {
        var rules = new InlineValidator<ActivityOutputBody>();
        rules.RuleFor(b => b.Kind).Must(k => ActivityOutputKinds.TryParse(k, out _)).When(b => b.Kind is not null)
            .WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage($"Loại kết quả không hợp lệ; các loại: {string.Join(", ", Enum.GetValues<ActivityOutputKind>().Select(ActivityOutputKinds.Name))}.");
        return rules;
    }

    static InlineValidator<ActivityCloseRequest> CloseRules()
    {
        var rules = new InlineValidator<ActivityCloseRequest>();
        rules.Text(r => r.Note, "note", "Ghi chú", ActivityRules.MaxNoteLength, multiLine: true);
        return rules;
    }

    static InlineValidator<ActivityCancelRequest> CancelRules()
    {
        var rules = new InlineValidator<ActivityCancelRequest>();
        rules.Text(r => r.Reason, "reason", "Lý do hủy", ActivityRules.MaxNoteLength, required: true, multiLine: true);
        return rules;
    }

    /// <summary>
    /// A text of an activity: safe (<see cref="TextSafety"/>), present when required, on one line unless
    /// <paramref name="multiLine"/>, at most <paramref name="max"/> characters once trimmed; the first failure only.
    /// </summary>
    static void Text<T>(this AbstractValidator<T> rules, Expression<Func<T, string?>> field, string name, string label, int max,
        bool required = false, bool multiLine = false) =>
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(v => TextSafety.Check(v, name, label) is null).WithErrorCode(ErrorCodes.InvalidCharacters)
                .WithMessage((_, v) => TextSafety.Check(v, name, label)?.Message ?? string.Empty)
            .Must(v => Kept(v) is not null).When(_ => required, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label.ToLowerInvariant()}.")
            .Must(v => multiLine || Kept(v) is not { } t || !(t.Contains('\n', StringComparison.Ordinal) || t.Contains('\r', StringComparison.Ordinal)))
                .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage($"{label} phải nằm trên một dòng.")
            .Must(v => Kept(v) is not { } t || t.Length <= max)
                .WithErrorCode(ErrorCodes.TooLong).WithMessage($"{label} không được dài quá {max.ToString(CultureInfo.InvariantCulture)} ký tự.");
}
