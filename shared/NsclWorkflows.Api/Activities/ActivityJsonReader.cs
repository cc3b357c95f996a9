using System.Globalization;
using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Validation;
using static NsclWorkflows.Api.Http.JsonFieldReader;

namespace NsclWorkflows.Api.Activities;

/// <summary>
/// Reads the JSON bodies of the activity endpoints into the domain's requests: only the named fields, each of its
/// type (strings, whole numbers, dates as <c>yyyy-MM-dd</c>, output kinds by name); anything else is a field error.
/// The domain rules check the values (and <see cref="Domain.Text.TextSafety"/> the texts).
/// </summary>
public static class ActivityJsonReader
{
    public static (ActivityPlanRequest? Request, IReadOnlyList<FieldError> Errors) ReadPlan(JsonElement root)
    {
        var fields = Fields(root, ["title", "lineId", "year", "estimatedCostVnd", "plannedStart", "plannedEnd", "expectedOutputs"], out var errors);
        if (fields is null)
        {
            return (null, errors);
        }

        var request = new ActivityPlanRequest(
            Text(fields, "title", errors), Text(fields, "lineId", errors), (int?)Whole(fields, "year", errors, int.MaxValue),
            Whole(fields, "estimatedCostVnd", errors, long.MaxValue), Date(fields, "plannedStart", errors), Date(fields, "plannedEnd", errors),
            Text(fields, "expectedOutputs", errors));
        return (errors.Count == 0 ? request : null, errors);
    }

    public static (ActivitySpendingRequest? Request, IReadOnlyList<FieldError> Errors) ReadSpending(JsonElement root)
    {
        var fields = Fields(root, ["committedVnd", "disbursedVnd", "documentReference", "note"], out var errors);
        if (fields is null)
        {
            return (null, errors);
        }

        var request = new ActivitySpendingRequest(
            Whole(fields, "committedVnd", errors, long.MaxValue), Whole(fields, "disbursedVnd", errors, long.MaxValue),
            Text(fields, "documentReference", errors), Text(fields, "note", errors));
        return (errors.Count == 0 ? request : null, errors);
    }

    public static (ActivityOutputRequest? Request, IReadOnlyList<FieldError> Errors) ReadOutput(JsonElement root)
    {
        var fields = Fields(root, ["kind", "quantity", "note"], out var errors);
        if (fields is null)
        {
            return (null, errors);
        }

        ActivityOutputKind? kind = null;
        if (Text(fields, "kind", errors) is { } name)
        {
            if (ActivityText.TryParseKind(name, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add(new("kind", ErrorCodes.InvalidFormat,
                    $"Loại kết quả không hợp lệ; các loại: {string.Join(", ", Enum.GetValues<ActivityOutputKind>().Select(ActivityText.KindName))}."));
            }
        }

        var request = new ActivityOutputRequest(kind, (int?)Whole(fields, "quantity", errors, int.MaxValue), Text(fields, "note", errors));
        return (errors.Count == 0 ? request : null, errors);
    }

    /// <summary>A note or reason: <c>{ "note": "…" }</c> for close, <c>{ "reason": "…" }</c> for cancel.</summary>
    public static (string? Value, IReadOnlyList<FieldError> Errors) ReadText(JsonElement root, string field)
    {
        var fields = Fields(root, [field], out var errors);
        return fields is null ? (null, errors) : (Text(fields, field, errors), errors);
    }

    static Dictionary<string, JsonElement>? Fields(JsonElement root, string[] known, out List<FieldError> errors)
    {
        errors = [];
        var fields = JsonFieldReader.Fields(root, known, errors);
        return errors.Count == 0 ? fields : null;
    }
}
