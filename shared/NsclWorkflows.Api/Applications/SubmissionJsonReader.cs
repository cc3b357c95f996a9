using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// Turns the JSON object of a submission into a <see cref="SubmissionDraft"/>, reporting per field what has the
/// wrong JSON type and which properties are unknown (a misspelt field must not be silently dropped).
/// </summary>
public static class SubmissionJsonReader
{
    public static (SubmissionDraft Draft, IReadOnlyList<FieldError> Errors) Read(JsonElement root)
    {
        var errors = new List<FieldError>();
        var known = new HashSet<string>(F.All, StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(new(property.Name, ErrorCodes.UnknownField, $"Trường '{property.Name}' không thuộc mẫu hồ sơ."));
            }
        }

        var draft = new SubmissionDraft
        {
            EnterpriseCode = Text(root, F.EnterpriseCode, errors),
            EnterpriseName = Text(root, F.EnterpriseName, errors),
            ContactName = Text(root, F.ContactName, errors),
            ContactEmail = Text(root, F.ContactEmail, errors),
            Phone = Text(root, F.Phone, errors),
            SupportKindId = Text(root, F.SupportKindId, errors),
            Title = Text(root, F.Title, errors),
            Summary = Text(root, F.Summary, errors),
            RequestedAmountVnd = WholeNumber(root, F.RequestedAmountVnd, errors),
            OrganisationType = Text(root, F.OrganisationType, errors),
            Nominees = NomineeList(root, errors),
        };
        return (draft, errors);
    }

    /// <summary>
    /// <c>nominees</c>: an array of objects with <c>name</c>, <c>organisation</c> and <c>position</c> (strings). Wrong
    /// shapes and unknown properties are field errors naming the element (<c>nominees[1].role</c>).
    /// </summary>
    static List<NomineeDraft>? NomineeList(JsonElement root, List<FieldError> errors)
    {
        if (!root.TryGetProperty(F.Nominees, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(F.Nominees, ErrorCodes.WrongType, $"{F.Label(F.Nominees)} phải là một danh sách."));
            return null;
        }

        if (value.GetArrayLength() > F.MaxNominees)
        {
            errors.Add(new(F.Nominees, ErrorCodes.TooLong, $"Mỗi hồ sơ đề cử tối đa {F.MaxNominees} người."));
            return null;
        }

        var nominees = new List<NomineeDraft>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var prefix = $"{F.Nominees}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(prefix, ErrorCodes.WrongType, "Mỗi người được đề cử gồm họ tên (name), cơ quan, đơn vị (organisation) và chức vụ (position)."));
                continue;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not (F.NomineeName or F.NomineeOrganisation or F.NomineePosition))
                {
                    errors.Add(new($"{prefix}.{property.Name}", ErrorCodes.UnknownField, $"Trường '{property.Name}' không thuộc thông tin người được đề cử."));
                }
            }

            nominees.Add(new NomineeDraft(
                Text(item, F.NomineeName, errors, prefix),
                Text(item, F.NomineeOrganisation, errors, prefix),
                Text(item, F.NomineePosition, errors, prefix)));
        }

        return nominees;
    }

    static string? Text(JsonElement root, string field, List<FieldError> errors, string? prefix = null)
    {
        var name = prefix is null ? field : $"{prefix}.{field}";
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(name, ErrorCodes.WrongType, $"{F.Label(field)} phải là chuỗi ký tự."));
            return null;
        }

        if (!JsonText.TryGetString(value, out var text))
        {
            errors.Add(new(name, ErrorCodes.InvalidCharacters,
                $"{F.Label(field)} chứa {TextSafety.Describe(TextHazard.LoneSurrogate)}; vui lòng gõ lại nội dung."));
            return null;
        }

        return text;
    }

    static long? WholeNumber(JsonElement root, string field, List<FieldError> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(field, ErrorCodes.WrongType, $"{F.Label(field)} phải là một số (đồng), không đặt trong dấu ngoặc kép."));
            return null;
        }

        if (value.TryGetInt64(out var whole))
        {
            return whole;
        }

        // Too large for a long, as an integer (99999999999999999999) or beyond double's range (1e400, where TryGetDouble
        // fails): absurd either way, so let the range rule explain it.
        if (!value.TryGetDouble(out var number) || Math.Abs(number) >= long.MaxValue)
        {
            return value.GetRawText().TrimStart().StartsWith('-') ? long.MinValue : long.MaxValue;
        }

        errors.Add(new(field, ErrorCodes.WrongType, $"{F.Label(field)} phải là số nguyên (đồng), không có phần thập phân."));
        return null;
    }
}
