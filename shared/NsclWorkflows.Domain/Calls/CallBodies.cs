using FluentValidation;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Calls;

/// <summary>A leader finalises a call (the envelope's rest is released), with a note for the record.</summary>
public sealed record CallFinaliseBody(string? Note);

/// <summary>
/// The field rules of call bodies (FluentValidation): the shape of the lists a call is opened with. The rules that need
/// the catalogue, the calendar or the ledger (kinds, dates, the envelope) are <see cref="CallRules"/>'.
/// </summary>
public static class CallBodyRules
{
    public const int MaxListItems = 50;
    public const int MaxIdLength = 100;

    public static readonly IValidator<CallOpenRequest> Open = OpenRules();

    static InlineValidator<CallOpenRequest> OpenRules()
    {
        var rules = new InlineValidator<CallOpenRequest>();
        IdList(rules, r => r.SupportKindIds);
        IdList(rules, r => r.RequiredDocuments);
        return rules;
    }

    static void IdList(InlineValidator<CallOpenRequest> rules, System.Linq.Expressions.Expression<Func<CallOpenRequest, IReadOnlyList<string>?>> field)
    {
        rules.RuleFor(field).Must(list => list is null || list.Count <= MaxListItems)
            .WithErrorCode(ErrorCodes.WrongType).WithMessage($"Giá trị phải là một danh sách mã (tối đa {MaxListItems}).");
        rules.RuleFor(field).Must(list => list is null || list.All(id => id is not null && id.Length <= MaxIdLength))
            .WithErrorCode(ErrorCodes.WrongType).WithMessage($"Mỗi phần tử phải là một mã (chuỗi ký tự, tối đa {MaxIdLength} ký tự).");
    }
}
