using System.Globalization;
using System.Text.Json;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Field-by-field readers of a JSON object's named fields (the activity and report-run bodies): the known fields (an
/// unknown one is an error naming the fields there are), then each as a string, a whole number or a <c>yyyy-MM-dd</c>
/// date; a value of another type is a field error, an absent or null one is null (the domain's rules say whether it
/// is required).
/// </summary>
public static class JsonFieldReader
{
    /// <summary>The object's fields among <paramref name="known"/>; the rest are errors.</summary>
    public static Dictionary<string, JsonElement> Fields(JsonElement root, string[] known, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(errors);
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("body", ErrorCodes.WrongType, "Nội dung gửi lên phải là một đối tượng JSON."));
            return fields;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name) || !known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new("body", ErrorCodes.UnknownField, $"Trường không được hỗ trợ; các trường: {string.Join(", ", known)}."));
                continue;
            }

            fields[name] = property.Value;
        }

        return fields;
    }

    public static string? Text(Dictionary<string, JsonElement> fields, string name, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (JsonText.TryGetString(value, out var text))
        {
            return text;
        }

        errors.Add(new(name, ErrorCodes.WrongType, "Giá trị phải là một chuỗi văn bản hợp lệ."));
        return null;
    }

    /// <summary>A whole number from -<paramref name="max"/> to <paramref name="max"/>.</summary>
    public static long? Whole(Dictionary<string, JsonElement> fields, string name, List<FieldError> errors, long max)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number <= max && number >= -max)
        {
            return number;
        }

        errors.Add(new(name, ErrorCodes.WrongType, "Giá trị phải là một số nguyên."));
        return null;
    }

    public static DateOnly? Date(Dictionary<string, JsonElement> fields, string name, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Text(fields, name, errors) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(name, ErrorCodes.InvalidFormat, "Ngày phải có dạng năm-tháng-ngày (ví dụ 2026-04-10)."));
        return null;
    }
}
