using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// The JSON body of one action, as its own record (<c>Approve.Body</c>, <see cref="NoteBody"/> …): the API reads the body
/// strictly into the record of the action the URL names (a field the record does not declare is refused), checks it with
/// the action's field rules (<see cref="BodyRules"/>) and maps it into the <see cref="ActionRequest"/> envelope the
/// workflow's history keeps.
/// </summary>
public abstract record ActionBody
{
    /// <summary>The envelope raised to the workflow with this body's values, normalised as the machine records them.</summary>
    public abstract ActionRequest Into(ActionRequest envelope);

    /// <summary>Free text as recorded (a normalised block; blank is absent).</summary>
    protected static string? Block(string? text) => text is null ? null : VietnameseText.NormaliseBlock(text) is { Length: > 0 } block ? block : null;

    /// <summary>A list of short texts as recorded (normalised lines, blank ones left out).</summary>
    protected static IReadOnlyList<string>? Lines(IReadOnlyList<string>? items) => items is null ? null : BodyRules.Lines(items);

    protected static IReadOnlyList<CriterionScore>? Criteria(IReadOnlyList<ScoreBody>? scores) =>
        scores?.Select(s => new CriterionScore(VietnameseText.NormaliseLine(s.Criterion ?? string.Empty), s.Score ?? 0, s.MaxScore ?? 0) { Comment = Block(s.Comment) }).ToList();
}

/// <summary>The body of an action that takes a note only (an acceptance, a refusal, a withdrawal, an officer's note).</summary>
public sealed record NoteBody(string? Note) : ActionBody
{
    public override ActionRequest Into(ActionRequest envelope) => envelope with { Note = Block(Note) };
}

/// <summary>
/// A score against one criterion, as sent: <c>{criterion, score, maxScore?, comment?}</c>. The criterion is the rubric
/// criterion's id or name; its maximum is the rubric's (a <c>maxScore</c> sent must not be below the score).
/// </summary>
public sealed record ScoreBody(string? Criterion, decimal? Score, decimal? MaxScore = null, string? Comment = null);

/// <summary>
/// The field rules of action bodies (FluentValidation), with the codes and Vietnamese messages clients see: what every
/// action's text, list, number, amount, decision, date and scores must be. The rules that need the application (caps,
/// plan years, dates) are the action's <see cref="ActionDefinition.Validate"/>, which the machine applies too.
/// </summary>
public static class BodyRules
{
    public const int MaxText = 4000;
    public const int MaxItems = 50;
    public const int MaxItemLength = 500;
    public const decimal MaxScore = 1000;
    public const long MaxAmountVnd = 1_000_000_000_000;

    /// <summary>Free text: decodable and safe (<see cref="TextSafety"/>), present after normalising when required, at most <see cref="MaxText"/> characters.</summary>
    public static void Text<T>(this AbstractValidator<T> rules, Expression<Func<T, string?>> field, Func<T, bool>? requiredWhen = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (name, label) = Named(field);
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters).WithMessage((_, text) => TextSafety.Error(name, Capital(label), TextSafety.Find(text)).Message)
            .Must(text => text is not null && VietnameseText.NormaliseBlock(text).Length > 0).When(b => requiredWhen?.Invoke(b) == true, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.")
            .Must(text => text is null || VietnameseText.NormaliseBlock(text).Length <= MaxText)
                .WithErrorCode(ErrorCodes.TooLong).WithMessage($"{Capital(label)} không được dài quá {MaxText} ký tự.");
    }

    /// <summary>A note, <paramref name="required"/> or optional (<see cref="Text{T}"/> for one required by another field's value).</summary>
    public static void Note<T>(this AbstractValidator<T> rules, Expression<Func<T, string?>> field, bool required = false) =>
        rules.Text(field, required ? _ => true : null);

    /// <summary>A list of short texts: at least one (after normalising) when required, at most <see cref="MaxItems"/> of at most <see cref="MaxItemLength"/> characters.</summary>
    public static void TextList<T>(this AbstractValidator<T> rules, Expression<Func<T, IEnumerable<string>?>> field, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (_, label) = Named(field);
        rules.RuleForEach(Each(field)).Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters)
            .WithMessage((_, item) => TextSafety.Error(label, Capital(label), TextSafety.Find(item)).Message);
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(items => items is not null && Lines(items).Count > 0).When(_ => required, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nêu ít nhất một mục {label}.")
            .Must(items => items is null || (Lines(items) is var lines && lines.Count <= MaxItems && lines.All(x => x.Length <= MaxItemLength)))
                .WithErrorCode(ErrorCodes.TooLong).WithMessage($"Tối đa {MaxItems} mục, mỗi mục không quá {MaxItemLength} ký tự.");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void WholeNumber<T>(this AbstractValidator<T> rules, Expression<Func<T, int?>> field, int min, int max, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (_, label) = Named(field);
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .NotNull().When(_ => required, ApplyConditionTo.CurrentValidator).WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.")
            .Must(value => value is null || (value >= min && value <= max))
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"{Capital(label)} phải từ {min} đến {max}.");
    }

    /// <summary>An amount of đồng: more than 0 and at most <see cref="MaxAmountVnd"/>; required when <paramref name="requiredWhen"/> holds.</summary>
    public static void Amount<T>(this AbstractValidator<T> rules, Expression<Func<T, long?>> field, Func<T, bool>? requiredWhen = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (_, label) = Named(field);
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .NotNull().When(b => requiredWhen?.Invoke(b) == true, ApplyConditionTo.CurrentValidator).WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.")
            .Must(value => value is null || (value > 0 && value <= MaxAmountVnd))
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"{Capital(label)} phải lớn hơn 0 và hợp lý.");
    }

    /// <summary>A yes/no decision, always required.</summary>
    public static void Decision<T>(this AbstractValidator<T> rules, Expression<Func<T, bool?>> field)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (_, label) = Named(field);
        rules.RuleFor(field).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.");
    }

    /// <summary>A date (the wire's <c>yyyy-MM-dd</c> is checked when read), required when asked.</summary>
    public static void Date<T>(this AbstractValidator<T> rules, Expression<Func<T, DateOnly?>> field, bool required)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (_, label) = Named(field);
        rules.RuleFor(field).NotNull().When(_ => required).WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.");
    }

    /// <summary>
    /// Scores per criterion: each with its criterion (1 to <see cref="MaxItemLength"/> characters), a score and a maximum
    /// (0 &lt; max ≤ <see cref="MaxScore"/>, 0 ≤ score ≤ max); at least one when required.
    /// </summary>
    public static void Scores<T>(this AbstractValidator<T> rules, Expression<Func<T, IEnumerable<ScoreBody>?>> field, bool required)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.RuleForEach(Each(field)).Cascade(CascadeMode.Stop)
            .Must(Whole).WithErrorCode(ErrorCodes.InvalidFormat).WithMessage("Mỗi tiêu chí cần tên (criterion) và điểm (score).")
            .Must(s => !HasCriterion(s) || (s.MaxScore ?? 0) <= MaxScore && s.Score <= MaxScore)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage($"Điểm và điểm tối đa phải là số từ 0 đến {MaxScore}.")
            .Must(s => !HasCriterion(s) || (s.Score >= 0 && (s.MaxScore is null || (s.MaxScore > 0 && s.Score <= s.MaxScore))))
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage("Điểm phải từ 0 đến điểm tối đa của tiêu chí.")
            .Must(s => TextSafety.IsSafe(s.Comment)).WithErrorCode(ErrorCodes.InvalidCharacters)
                .WithMessage((_, s) => TextSafety.Error("comment", "Nhận xét", TextSafety.Find(s.Comment)).Message)
            .Must(s => s.Comment is null || VietnameseText.NormaliseBlock(s.Comment).Length <= MaxText)
                .WithErrorCode(ErrorCodes.TooLong).WithMessage($"Nhận xét mỗi tiêu chí tối đa {MaxText} ký tự.");
        // The criterion's own rules, once the item is whole (the range is checked above only once the criterion is fine).
        rules.RuleForEach(Each(field)).ChildRules(score => score.RuleFor(s => s.Criterion).Cascade(CascadeMode.Stop)
            .Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters)
                .WithMessage((_, text) => TextSafety.Error("criterion", "Tên tiêu chí", TextSafety.Find(text)).Message)
            .Must(text => VietnameseText.NormaliseLine(text ?? string.Empty).Length is > 0 and <= MaxItemLength)
                .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage($"Tên tiêu chí phải có từ 1 đến {MaxItemLength} ký tự.")
            .When(Whole));
        rules.RuleFor(field).Must(scores => scores?.Any() == true).When(_ => required)
            .WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng chấm điểm ít nhất một tiêu chí.");

        static bool Whole(ScoreBody? s) => s is { Criterion: not null, Score: not null };

        static bool HasCriterion(ScoreBody s) => TextSafety.IsSafe(s.Criterion) && VietnameseText.NormaliseLine(s.Criterion!).Length is > 0 and <= MaxItemLength;
    }

    /// <summary>Normalised lines, blank ones left out.</summary>
    public static List<string> Lines(IEnumerable<string> items) => [.. items.Select(VietnameseText.NormaliseLine).Where(x => x.Length > 0)];

    /// <summary>The Vietnamese label of an action body's field (lower case, as in a sentence), or the name itself.</summary>
    public static string Label(string name) => name switch
    {
        "note" => "nội dung (ghi chú, lý do, báo cáo)",
        "missingItems" => "tài liệu cần bổ sung",
        "workingDays" => "số ngày làm việc được bổ sung",
        "scores" => "điểm theo tiêu chí",
        "amountVnd" => "số tiền",
        "budgetYear" => "năm ngân sách",
        "recommendSupport" => "đề xuất hỗ trợ",
        "accepted" => "kết luận chấp nhận báo cáo",
        "granted" => "quyết định gia hạn",
        "passed" => "kết quả nghiệm thu",
        "percentDone" => "tỷ lệ khối lượng hoàn thành",
        "attachments" => "tài liệu đính kèm",
        "newDueDate" => "ngày đề nghị gia hạn",
        "signedOn" => "ngày ký",
        "signerName" => "họ tên người ký",
        "signerTitle" => "chức vụ người ký",
        "signedFile" => "tệp quyết định đã ký (PDF)",
        "payableId" => "đợt kinh phí được chi trả",
        "paidOn" => "ngày chi trả",
        "treasuryReference" => "số chứng từ, mã giao dịch Kho bạc",
        _ => name,
    };

    public static string Capital(string text) => string.IsNullOrEmpty(text) ? text ?? string.Empty : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The list's items, for <c>RuleForEach</c> (which takes a list that is not null: a null one has no items).</summary>
    static Expression<Func<T, IEnumerable<TItem>>> Each<T, TItem>(Expression<Func<T, IEnumerable<TItem>?>> field) =>
        Expression.Lambda<Func<T, IEnumerable<TItem>>>(field.Body, field.Parameters);

    static (string Name, string Label) Named<T, TProperty>(Expression<Func<T, TProperty>> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var member = field.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : field.Body;
        var name = JsonNamingPolicy.CamelCase.ConvertName(((MemberExpression)member).Member.Name);
        return (name, Label(name));
    }
}
