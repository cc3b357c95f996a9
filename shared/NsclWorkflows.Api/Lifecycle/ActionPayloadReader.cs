using System.Globalization;
using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// Reads and checks the JSON body of one lifecycle action against the application it is for. Every problem is a
/// field error with a Vietnamese message; nothing is raised to the workflow unless the whole body is valid.
/// </summary>
public static class ActionPayloadReader
{
    const int MaxText = 4000;
    const int MaxItems = 50;
    const int MaxItemLength = 500;
    const decimal MaxScore = 1000;

    /// <summary>Every field name some action takes (a field another action takes is ignored, not refused).</summary>
    static readonly HashSet<string> Known = new(ActionCatalog.All.SelectMany(a => a.Fields).Select(f => f.Name), StringComparer.Ordinal);

    /// <summary>
    /// The action's body read field by field as the action declares them (<see cref="ActionDefinition.Fields"/>), then
    /// its business rules (<see cref="ActionDefinition.Validate"/>, the same the machine applies) at <paramref name="atUtc"/> (now when absent).
    /// </summary>
    public static (ActionRequest? Request, IReadOnlyList<FieldError> Errors) Read(
        JsonElement root, LifecycleAction action, string actorName, string actorRole, Application application, ProgrammeCatalogue catalogue,
        DateTimeOffset? atUtc = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("", ErrorCodes.WrongType, "Nội dung gửi lên phải là một đối tượng JSON."));
            return (null, errors);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                errors.Add(new FieldError(property.Name, ErrorCodes.UnknownField, $"Trường \"{property.Name}\" không được hỗ trợ."));
            }
        }

        var definition = ActionCatalog.Of(action);
        var r = new Reader(root, errors);
        var request = new ActionRequest(action, actorName, actorRole);
        foreach (var field in definition.Fields)
        {
            if (r.Value(field, field.IsRequired(request)) is { } value)
            {
                request = field.Set(request, value);
            }
        }

        request = definition.Normalise(request);
        if (errors.Count == 0)
        {
            errors.AddRange(definition.Validate(request, application, catalogue, atUtc ?? TimeProvider.System.GetUtcNow()));
        }

        return errors.Count == 0 ? (request, errors) : (null, errors);
    }

    /// <summary>The cap the application's recommendation and approval must respect (<see cref="ActionDefinition.CapOf"/>).</summary>
    public static long? CapOf(Application application, ProgrammeCatalogue catalogue) => ActionDefinition.CapOf(application, catalogue);

    sealed class Reader(JsonElement root, List<FieldError> errors)
    {
        public object? Value(PayloadField field, bool required) => field.Kind switch
        {
            FieldKind.Text => Text(field.Name, required),
            FieldKind.TextList => TextList(field.Name, required),
            FieldKind.WholeNumber => Int(field.Name, field.Min, field.Max, required),
            FieldKind.Amount => Amount(field.Name, required),
            FieldKind.Bool => Bool(field.Name, required),
            FieldKind.Date => Date(field.Name, required),
            FieldKind.Scores => Scores(field.Name, required),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        public string? Text(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.String)
            {
                return Wrong(name, "một chuỗi ký tự");
            }

            if (!Safe(name, e, out var raw))
            {
                return null;
            }

            var text = VietnameseText.NormaliseBlock(raw);
            if (text.Length == 0 && required)
            {
                errors.Add(new FieldError(name, ErrorCodes.Required, $"Vui lòng nhập {Label(name)}."));
                return null;
            }

            if (text.Length > MaxText)
            {
                errors.Add(new FieldError(name, ErrorCodes.TooLong, $"{Capital(Label(name))} không được dài quá {MaxText} ký tự."));
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        public List<string>? TextList(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                Wrong(name, "một danh sách chuỗi ký tự");
                return null;
            }

            var raw = new List<string>();
            var i = 0;
            foreach (var x in e.EnumerateArray())
            {
                if (Safe($"{name}[{i++}]", x, out var item))
                {
                    raw.Add(item);
                }
            }

            if (raw.Count < i)
            {
                return null;
            }

            var items = raw.Select(VietnameseText.NormaliseLine).Where(x => x.Length > 0).ToList();
            if (required && items.Count == 0)
            {
                errors.Add(new FieldError(name, ErrorCodes.Required, $"Vui lòng nêu ít nhất một mục {Label(name)}."));
            }
            else if (items.Count > MaxItems || items.Any(x => x.Length > MaxItemLength))
            {
                errors.Add(new FieldError(name, ErrorCodes.TooLong, $"Tối đa {MaxItems} mục, mỗi mục không quá {MaxItemLength} ký tự."));
            }

            return items;
        }

        public int? Int(string name, int min, int max, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
            {
                Wrong(name, "một số nguyên");
                return null;
            }

            if (value < min || value > max)
            {
                errors.Add(new FieldError(name, ErrorCodes.OutOfRange, $"{Capital(Label(name))} phải từ {min} đến {max}."));
                return null;
            }

            return value;
        }

        public long? Amount(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value))
            {
                Wrong(name, "một số tiền (đồng, số nguyên)");
                return null;
            }

            if (value <= 0 || value > 1_000_000_000_000)
            {
                errors.Add(new FieldError(name, ErrorCodes.OutOfRange, $"{Capital(Label(name))} phải lớn hơn 0 và hợp lý."));
                return null;
            }

            return value;
        }

        public bool? Bool(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Wrong(name, "true hoặc false");
                return null;
            }

            return e.GetBoolean();
        }

        public DateOnly? Date(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (!JsonText.TryGetString(e, out var dateText)
                || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Wrong(name, "một ngày dạng yyyy-MM-dd");
                return null;
            }

            return date;
        }

        public List<CriterionScore>? Scores(string name, bool required)
        {
            if (!Present(name, required, out var e))
            {
                return null;
            }

            if (e.ValueKind != JsonValueKind.Array)
            {
                Wrong(name, "một danh sách điểm theo tiêu chí");
                return null;
            }

            var scores = new List<CriterionScore>();
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                var field = $"{name}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("criterion", out var c) || c.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("score", out var s) || s.ValueKind != JsonValueKind.Number
                    || !item.TryGetProperty("maxScore", out var m) || m.ValueKind != JsonValueKind.Number)
                {
                    errors.Add(new FieldError(field, ErrorCodes.InvalidFormat, "Mỗi tiêu chí cần tên (criterion), điểm (score) và điểm tối đa (maxScore)."));
                    continue;
                }

                if (!Safe($"{field}.criterion", c, out var criterion))
                {
                    continue;
                }

                if (VietnameseText.NormaliseLine(criterion).Length is 0 or > MaxItemLength)
                {
                    errors.Add(new FieldError($"{field}.criterion", ErrorCodes.InvalidFormat, $"Tên tiêu chí phải có từ 1 đến {MaxItemLength} ký tự."));
                    continue;
                }

                // 1e400 or 1e-400 have no decimal value: TryGetDecimal is false where GetDecimal would throw.
                if (!s.TryGetDecimal(out var score) || !m.TryGetDecimal(out var max) || max > MaxScore)
                {
                    errors.Add(new FieldError(field, ErrorCodes.OutOfRange, $"Điểm và điểm tối đa phải là số từ 0 đến {MaxScore}."));
                    continue;
                }

                if (max <= 0 || score < 0 || score > max)
                {
                    errors.Add(new FieldError(field, ErrorCodes.OutOfRange, "Điểm phải từ 0 đến điểm tối đa của tiêu chí."));
                    continue;
                }

                scores.Add(new CriterionScore(VietnameseText.NormaliseLine(criterion), score, max));
            }

            if (required && scores.Count == 0 && !errors.Any(x => x.Field.StartsWith(name, StringComparison.Ordinal)))
            {
                errors.Add(new FieldError(name, ErrorCodes.Required, "Vui lòng chấm điểm ít nhất một tiêu chí."));
            }

            return scores;
        }

        /// <summary>The string of <paramref name="e"/> when it decodes and passes <see cref="TextSafety"/>; else a field error.</summary>
        bool Safe(string field, JsonElement e, out string text)
        {
            if (!JsonText.TryGetString(e, out text))
            {
                errors.Add(new FieldError(field, ErrorCodes.InvalidCharacters,
                    $"{Capital(LabelOf(field.Split('[', '.')[0]))} chứa {TextSafety.Describe(TextHazard.LoneSurrogate)}; vui lòng gõ lại nội dung."));
                return false;
            }

            if (TextSafety.Find(text) is { IsHazard: true } finding)
            {
                errors.Add(TextSafety.Error(field, Capital(LabelOf(field.Split('[', '.')[0])), finding));
                return false;
            }

            return true;
        }

        bool Present(string name, bool required, out JsonElement element)
        {
            if (root.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null)
            {
                return true;
            }

            if (required)
            {
                errors.Add(new FieldError(name, ErrorCodes.Required, $"Vui lòng nhập {Label(name)}."));
            }

            return false;
        }

        string? Wrong(string name, string expected)
        {
            errors.Add(new FieldError(name, ErrorCodes.WrongType, $"{Capital(Label(name))} phải là {expected}."));
            return null;
        }

        static string Label(string name) => LabelOf(name);

        static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The Vietnamese label of an action payload field (lower case, as in a sentence), or the name itself.</summary>
    public static string LabelOf(string name) => name switch
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
        _ => name,
    };
}
