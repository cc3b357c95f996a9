using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// Reads the JSON body of one lifecycle action into the action's own record (<see cref="ActionDefinition.BodyType"/>,
/// chosen by the URL's name; strict: a field the action does not take is refused, another action's included), checks
/// it with the action's field rules (<see cref="ActionDefinition.Check"/>), maps it into the <see cref="ActionRequest"/>
/// envelope and applies the action's business rules against the application (<see cref="ActionDefinition.Validate"/>,
/// the same the machine applies). Every problem is a field error with a Vietnamese message; nothing is raised to the
/// workflow unless the whole body is valid.
/// </summary>
public static class ActionPayloadReader
{
    static readonly JsonBodyTexts Texts = new ActionTexts();

    public static (ActionRequest? Request, IReadOnlyList<FieldError> Errors) Read(
        JsonElement root, LifecycleAction action, string actorName, string actorRole, Application application, ProgrammeCatalogue catalogue,
        DateTimeOffset? atUtc = null, Func<FieldError, bool>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(catalogue);
        var definition = ActionCatalog.Of(action);
        var errors = new List<FieldError>();
        var body = (ActionBody?)StrictJsonBody.Read(root, definition.BodyType, Texts, errors, out var refused);
        if (body is not null)
        {
            errors.AddRange(definition.Check(body).Besides(refused));
        }

        if (body is null || errors.Count > 0)
        {
            return (null, [.. errors.Distinct()]);
        }

        var request = body.Into(new ActionRequest(action, actorName, actorRole));
        errors.AddRange(definition.Validate(request, application, catalogue, atUtc ?? TimeProvider.System.GetUtcNow()).Where(e => ignored?.Invoke(e) != true));
        return errors.Count == 0 ? (request, errors) : (null, errors);
    }

    /// <summary>The cap the application's recommendation and approval must respect (<see cref="ActionDefinition.CapOf"/>).</summary>
    public static long? CapOf(Application application, ProgrammeCatalogue catalogue) => ActionDefinition.CapOf(application, catalogue);

    /// <summary>The Vietnamese label of an action payload field (lower case, as in a sentence), or the name itself.</summary>
    public static string LabelOf(string name) => BodyRules.Label(name);

    /// <summary>The words of an action body's type errors, as the pages have always shown them.</summary>
    sealed class ActionTexts : JsonBodyTexts
    {
        public override string Unknown(string path, Type owner) => $"Trường \"{path[(path.LastIndexOf('.') + 1)..]}\" không được hỗ trợ.";

        public override string WrongType(string path, Type expected)
        {
            expected = Nullable.GetUnderlyingType(expected) ?? expected;
            var what = expected == typeof(string) ? "một chuỗi ký tự"
                : expected == typeof(bool) ? "true hoặc false"
                : expected == typeof(int) ? "một số nguyên"
                : expected == typeof(long) ? "một số tiền (đồng, số nguyên)"
                : expected == typeof(DateOnly) ? "một ngày dạng yyyy-MM-dd"
                : typeof(IEnumerable<ScoreBody>).IsAssignableFrom(expected) ? "một danh sách điểm theo tiêu chí"
                : typeof(IEnumerable<string>).IsAssignableFrom(expected) ? "một danh sách chuỗi ký tự"
                : "đúng kiểu dữ liệu";
            return $"{BodyRules.Capital(BodyRules.Label(path.Split('[', '.')[0]))} phải là {what}.";
        }

        public override FieldError Unrepresentable(string path, Type expected, JsonElement value) =>
            expected == typeof(decimal)
                ? new(path, ErrorCodes.OutOfRange, $"Điểm và điểm tối đa phải là số từ 0 đến {BodyRules.MaxScore}.")
                : base.Unrepresentable(path, expected, value);

        /// <summary>
        /// A list of texts with an item that is no text is wrong as a whole; a score that is no <c>{criterion, score,
        /// maxScore}</c> is one error on the item (a number no decimal holds: out of range), besides its unknown fields.
        /// </summary>
        public override IEnumerable<FieldError> Item(string itemPath, Type itemType, IReadOnlyList<FieldError> found)
        {
            var list = itemPath[..itemPath.LastIndexOf('[')];
            if (itemType != typeof(ScoreBody))
            {
                return [new FieldError(list, ErrorCodes.WrongType, WrongType(list, typeof(IEnumerable<string>)))];
            }

            var shape = found.Where(e => e.Code != ErrorCodes.UnknownField).ToList();
            var item = shape.Count == 0 ? []
                : shape.Any(e => e.Code == ErrorCodes.OutOfRange) ? new[] { shape.First(e => e.Code == ErrorCodes.OutOfRange) with { Field = itemPath } }
                : [new FieldError(itemPath, ErrorCodes.InvalidFormat, "Mỗi tiêu chí cần tên (criterion), điểm (score) và điểm tối đa (maxScore).")];
            return [.. found.Where(e => e.Code == ErrorCodes.UnknownField), .. item];
        }
    }
}
