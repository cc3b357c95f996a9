using System.ComponentModel;
using FluentValidation;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Reports;

/// <summary>What a lead unit sends through its link: who sends, its figures, its assessment.</summary>
public sealed record LeadUnitInputBody(string? SubmittedBy, IReadOnlyList<LeadUnitFigureBody>? Figures, string? Narrative)
{
    /// <summary>The figures as recorded (the rules have checked each has a label and a value).</summary>
    public IReadOnlyList<LeadUnitFigure> ToFigures() => [.. (Figures ?? []).Select(f => new LeadUnitFigure(f.Label!, f.Value!.Value, f.Unit ?? string.Empty))];
}

/// <summary>One figure as sent: <c>{label, value, unit}</c>.</summary>
[Description(ReportRunBodyRules.FigureShape)]
public sealed record LeadUnitFigureBody(string? Label, decimal? Value, string? Unit);

/// <summary>A save of the narrative: the revision it was edited from (one editor at a time) and the sections.</summary>
public sealed record ReportNarrativeBody(int? Revision, string? GeneralAssessment, string? Difficulties, string? Recommendations, string? Directions)
{
    public ReportNarrative ToNarrative() => new(GeneralAssessment ?? string.Empty, Difficulties ?? string.Empty, Recommendations ?? string.Empty, Directions ?? string.Empty);
}

/// <summary>A leader's decision on a run: approve, or return with a reason.</summary>
public sealed record ReportRunDecisionBody(bool? Approve, string? Reason);

/// <summary>
/// The field rules of report-run bodies (FluentValidation), with the codes and Vietnamese messages clients see. The
/// rules that need the run (its state, the revision being edited, lengths of what is kept) are <see cref="ReportRunRules"/>'.
/// </summary>
public static class ReportRunBodyRules
{
    public const string FigureShape = "Mỗi số liệu gồm tên chỉ tiêu (label), giá trị số (value) và đơn vị tính (unit).";

    /// <summary>
    /// Opening a run, on <paramref name="today"/> (Vietnam): kind, period, addressee, due date, the request's number and
    /// date, and the lead units asked among <paramref name="leadUnits"/> (ids; not checked when null).
    /// </summary>
    public static IValidator<ReportRunRequest> Open(DateOnly today, IReadOnlyCollection<string>? leadUnits = null)
    {
        var rules = new InlineValidator<ReportRunRequest>();
        rules.RuleFor(r => r.Kind).Must(k => ReportRunRules.ParseKind(k) is not null)
            .WithErrorCode(ErrorCodes.Required).WithMessage("Chọn loại báo cáo: 6 tháng, năm, sơ kết giai đoạn 2022-2025 hoặc đột xuất.");
        rules.RuleFor(r => r.PeriodFrom).NotNull().When(r => !IsMidTerm(r))
            .WithErrorCode(ErrorCodes.Required).WithMessage("Nhập ngày bắt đầu kỳ báo cáo.");
        rules.RuleFor(r => r.PeriodTo).Cascade(CascadeMode.Stop)
            .NotNull().When(r => !IsMidTerm(r), ApplyConditionTo.CurrentValidator).WithErrorCode(ErrorCodes.Required).WithMessage("Nhập ngày kết thúc kỳ báo cáo.")
            .Must((r, _) => ReportRunRules.PeriodOf(r) is not ({ } from, { } to) || to >= from)
                .WithErrorCode("period_reversed").WithMessage("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.");
        rules.RuleFor(r => r.Addressee).Cascade(CascadeMode.Stop)
            .Must(a => Line(a).Length > 0).WithErrorCode(ErrorCodes.Required).WithMessage("Nhập nơi nhận báo cáo (UBND thành phố, Bộ Khoa học và Công nghệ, …).")
            .Must(a => Line(a).Length <= 200).WithErrorCode(ErrorCodes.TooLong).WithMessage("Nơi nhận báo cáo tối đa 200 ký tự.");
        rules.RuleFor(r => r.DueDate).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("Nhập hạn gửi báo cáo.")
            .Must(due => due >= today).WithErrorCode("due_in_past").WithMessage("Hạn gửi báo cáo không được trước ngày hôm nay.");
        rules.RuleFor(r => r.RequestNumber).Must(n => Line(n).Length <= 60)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage("Số, ký hiệu văn bản yêu cầu tối đa 60 ký tự.");
        rules.RuleFor(r => r.RequestDate).NotNull().When(r => Line(r.RequestNumber).Length > 0)
            .WithErrorCode(ErrorCodes.Required).WithMessage("Nhập ngày của văn bản yêu cầu báo cáo.");
        if (leadUnits is not null)
        {
            rules.RuleFor(r => r.LeadUnits).Must(asked => asked is null || asked.All(leadUnits.Contains))
                .WithErrorCode("unknown_unit").WithMessage($"Đơn vị chủ trì phải là một trong: {string.Join(", ", leadUnits)}.");
        }

        return rules;
    }

    public static readonly IValidator<LeadUnitInputBody> LeadUnitInput = LeadUnitInputRules();

    public static readonly IValidator<ReportNarrativeBody> Narrative = NarrativeRules();

    public static readonly IValidator<ReportRunDecisionBody> Decision = DecisionRules();

    /// <summary>A one-line text as the run keeps it (cleaned, trimmed).</summary>
    public static string Line(string? text) => TextSafety.Clean(text, multiLine: false).Trim();

    static bool IsMidTerm(ReportRunRequest request) => ReportRunRules.ParseKind(request.Kind) == ReportKind.MidTermReview;

    static InlineValidator<LeadUnitInputBody> LeadUnitInputRules()
    {
        var rules = new InlineValidator<LeadUnitInputBody>();
        rules.RuleForEach(b => b.Figures).Must(f => f is { Label: not null, Value: not null })
            .WithErrorCode(ErrorCodes.WrongType).WithMessage(FigureShape);
        rules.RuleFor(b => b.SubmittedBy).Must(s => !string.IsNullOrWhiteSpace(s))
            .WithErrorCode(ErrorCodes.Required).WithMessage("Nhập họ tên người gửi.");
        return rules;
    }

    static InlineValidator<ReportNarrativeBody> NarrativeRules()
    {
        var rules = new InlineValidator<ReportNarrativeBody>();
        rules.RuleFor(b => b.Revision).NotNull()
            .WithErrorCode(ErrorCodes.Required).WithMessage("Gửi kèm số phiên bản (revision) của nội dung đang sửa.");
        return rules;
    }

    static InlineValidator<ReportRunDecisionBody> DecisionRules()
    {
        var rules = new InlineValidator<ReportRunDecisionBody>();
        rules.RuleFor(b => b.Approve).NotNull()
            .WithErrorCode(ErrorCodes.Required).WithMessage("Chọn duyệt (true) hoặc trả lại (false).");
        return rules;
    }
}
