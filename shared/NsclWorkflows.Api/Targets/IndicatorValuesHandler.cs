using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Targets;

/// <summary>
/// Indicator values entered by officers for a target of section II.2 (the TFP share of growth, or any target):
/// <list type="bullet">
/// <item><c>POST /api/targets/{targetId}/values</c> (role <see cref="RecordingRole"/>: leaders, and admins who hold every
/// role): checked in order — an officer (401), the role (403), the target in the catalogue (404), the body (415/400/422
/// with field errors, <see cref="IndicatorValueRules"/>) — then appended to the log: 201 with the entry.</item>
/// <item><c>GET /api/targets/{targetId}/values</c> (every officer): the target's history, newest recorded first, and
/// which entry is current.</item>
/// </list>
/// Recording is a leader's act because the figure goes into the Department's report to the city under the leader's
/// signature; clerks and appraisers read it.
/// </summary>
public sealed partial class IndicatorValuesHandler(
    OfficerAuthenticator officers, ProgrammeCatalogue catalogue, IIndicatorValueStore store, TimeProvider time, ILogger<IndicatorValuesHandler> logger)
{
    public const string RecordingRole = OfficerRoles.Leader;

    static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "value", "year", "from", "to", "source", "note" };

    /// <summary>Whether <paramref name="officer"/> may record values (the pages show the form only then).</summary>
    public static bool CanRecord(Officer? officer) => officer?.IsIn(RecordingRole) == true;

    public async Task<Results<ApiCreated<IndicatorValueView>, ProblemHttpResult>> RecordAsync(HttpRequest request, string targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        if (officer is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!CanRecord(officer))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Chỉ lãnh đạo Sở (vai trò Leader) hoặc quản trị viên được nhập số liệu chỉ tiêu.", extensions: new { requiredRole = RecordingRole });
        }

        if (Find(targetId) is not { } target)
        {
            return ApiProblem.NotFoundProblem("chỉ tiêu");
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        IndicatorValueInput input;
        var errors = new List<FieldError>();
        using (document)
        {
            input = Read(document!.RootElement, errors);
        }

        if (errors.Count > 0)
        {
            return ApiProblem.ValidationProblem(errors);
        }

        var existing = await store.ListAsync(target.Id, cancellationToken);
        var result = IndicatorValueRules.Validate(catalogue, target.Id, input, existing, officer.Id, officer.Name, time.GetUtcNow());
        if (!result.IsValid)
        {
            return ApiProblem.ValidationProblem(result.Errors);
        }

        var value = result.Value!;
        await store.AppendAsync(value, cancellationToken);
        LogRecorded(logger, target.Id, value.Id, value.Period.Year, officer.Id);
        var current = IndicatorValueRules.Current([.. existing, value], target);
        return ApiResults.Created(View(target, value, current));
    }

    public async Task<Results<ApiOk<TargetValuesView>, ProblemHttpResult>> ListAsync(HttpRequest request, string targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        if (officer is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (Find(targetId) is not { } target)
        {
            return ApiProblem.NotFoundProblem("chỉ tiêu");
        }

        var values = await store.ListAsync(target.Id, cancellationToken);
        var current = IndicatorValueRules.Current(values, target);
        return ApiResults.Ok(new TargetValuesView(
            target.Id,
            target.Text,
            target.Unit,
            target.ByYear,
            CanRecord(officer),
            current is null ? null : View(target, current, current),
            [.. values.OrderByDescending(v => v.RecordedAtUtc).ThenByDescending(v => v.Id, StringComparer.Ordinal).Select(v => View(target, v, current))]));
    }

    /// <summary>One entry as the API shows it (also in <c>GET /api/targets</c>).</summary>
    public static IndicatorValueView View(ProgrammeTarget target, IndicatorValue value, IndicatorValue? current)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(value);
        return new IndicatorValueView(
            value.Id,
            value.TargetId,
            value.Value,
            target.Unit,
            new IndicatorPeriodView(
                value.Period.IsWholeYear ? value.Period.Year : null,
                value.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                value.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                value.Period.Label),
            value.Source,
            value.Note,
            new RecordedByView(value.RecordedByName), // the provider's id stays in storage
            value.RecordedAtUtc,
            current is not null && string.Equals(current.Id, value.Id, StringComparison.Ordinal),
            IndicatorValueRules.Describe(target, value));
    }

    ProgrammeTarget? Find(string targetId) =>
        catalogue.Programme.Targets.FirstOrDefault(t => string.Equals(t.Id, targetId, StringComparison.Ordinal));

    static IndicatorValueInput Read(JsonElement root, List<FieldError> errors)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                errors.Add(new FieldError(property.Name, ErrorCodes.UnknownField, $"Trường \"{property.Name}\" không được hỗ trợ."));
            }
        }

        return new IndicatorValueInput(
            Number(root, "value", errors),
            Year(root, errors),
            Day(root, "from", errors),
            Day(root, "to", errors),
            Text(root, "source", errors),
            Text(root, "note", errors));
    }

    static bool Present(JsonElement root, string name, out JsonElement element) =>
        root.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null;

    static decimal? Number(JsonElement root, string name, List<FieldError> errors)
    {
        if (!Present(root, name, out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value))
        {
            return value;
        }

        errors.Add(new FieldError(name, element.ValueKind == JsonValueKind.Number ? ErrorCodes.OutOfRange : ErrorCodes.WrongType,
            $"{IndicatorValueRules.Label(name)} phải là một số (dấu chấm thập phân, ví dụ 46.25)."));
        return null;
    }

    static int? Year(JsonElement root, List<FieldError> errors)
    {
        if (!Present(root, "year", out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var year))
        {
            return year;
        }

        errors.Add(new FieldError("year", ErrorCodes.WrongType, "Năm phải là một số nguyên (ví dụ 2025)."));
        return null;
    }

    static DateOnly? Day(JsonElement root, string name, List<FieldError> errors)
    {
        if (!Present(root, name, out var element) || (JsonText.TryGetString(element, out var empty) && empty.Length == 0))
        {
            return null;
        }

        if (JsonText.TryGetString(element, out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(name, ErrorCodes.InvalidFormat, $"{IndicatorValueRules.Label(name)} phải là một ngày dạng năm-tháng-ngày (ví dụ 2025-06-30)."));
        return null;
    }

    static string? Text(JsonElement root, string name, List<FieldError> errors)
    {
        if (!Present(root, name, out var element))
        {
            return null;
        }

        if (JsonText.TryGetString(element, out var text))
        {
            return text;
        }

        errors.Add(new FieldError(name, ErrorCodes.WrongType, $"{IndicatorValueRules.Label(name)} phải là chuỗi ký tự."));
        return null;
    }

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "Indicator value {EntryId} recorded for target {TargetId} (period ending {Year}) by officer {OfficerId}")]
    static partial void LogRecorded(ILogger logger, string targetId, string entryId, int year, string officerId);
}

/// <summary>A target's recorded values, newest first, and its current value (the answer of <c>GET /api/targets/{targetId}/values</c>).</summary>
public sealed record TargetValuesView(
    string TargetId, string Text, string Unit, int ByYear, bool CanRecord, IndicatorValueView? Current, IReadOnlyList<IndicatorValueView> Values);

/// <summary>One recorded indicator value as the API shows it (also in <c>GET /api/targets</c>).</summary>
public sealed record IndicatorValueView(
    string Id, string TargetId, decimal Value, string Unit, IndicatorPeriodView Period, string Source, string? Note,
    RecordedByView RecordedBy, DateTimeOffset RecordedAtUtc, bool Current, string Summary);

/// <summary>The period a value measures: a whole year (<c>year</c>) or from–to.</summary>
public sealed record IndicatorPeriodView(int? Year, string From, string To, string Label);

/// <summary>Who recorded a value (the name only).</summary>
public sealed record RecordedByView(string Name);
