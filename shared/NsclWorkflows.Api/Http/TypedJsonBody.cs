using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Reads the JSON body of a write endpoint into its record, as actions and submissions are read: the request's checks
/// (<see cref="JsonRequestBody"/>), then strictly into <typeparamref name="T"/> (<see cref="StrictJsonBody"/>: an unknown
/// field or a value of the wrong JSON type is a field error naming it), then the record's field rules (FluentValidation),
/// whose answers on fields already refused are left out. Either the record, valid against its rules, or the 4xx problem.
/// </summary>
public static class TypedJsonBody
{
    static readonly JsonBodyTexts DefaultTexts = new FieldTexts();

    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, IValidator<T>? rules, CancellationToken cancellationToken, JsonBodyTexts? texts = null)
        where T : class
    {
        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var (body, errors) = Read(document!.RootElement, rules, texts);
            return errors.Count > 0 ? (null, ApiProblem.ValidationProblem(errors)) : (body, null);
        }
    }

    /// <summary>The record when it is valid, and the errors (type errors first, then the rules' answers).</summary>
    public static (T? Body, IReadOnlyList<FieldError> Errors) Read<T>(JsonElement root, IValidator<T>? rules, JsonBodyTexts? texts = null)
        where T : class
    {
        var errors = new List<FieldError>();
        var body = StrictJsonBody.Read<T>(root, texts ?? DefaultTexts, errors, out var refused);
        if (body is not null && rules is not null)
        {
            errors.AddRange(FluentFieldErrors.Of(rules.Validate(body)).Besides(refused));
        }

        return errors.Count == 0 && body is not null ? (body, errors) : (null, [.. errors.Distinct()]);
    }

    /// <summary>
    /// The words of a body's type errors: an unknown field names the fields there are; a value of another type says
    /// which type the field takes, or, for a record that describes its shape (<see cref="DescriptionAttribute"/>), that.
    /// </summary>
    public class FieldTexts : JsonBodyTexts
    {
        public override string Unknown(string path, Type owner)
        {
            var known = StrictJsonBody.Options.GetTypeInfo(owner).Properties.Select(p => p.Name);
            return $"Trường \"{path[(path.LastIndexOf('.') + 1)..]}\" không được hỗ trợ; các trường: {string.Join(", ", known)}.";
        }

        public override string WrongType(string path, Type expected)
        {
            expected = Nullable.GetUnderlyingType(expected) ?? expected;
            return expected.GetCustomAttribute<DescriptionAttribute>() is { } shape ? shape.Description
                : expected == typeof(string) ? "Giá trị phải là một chuỗi văn bản hợp lệ."
                : expected == typeof(bool) ? "Giá trị phải là true hoặc false."
                : expected == typeof(int) || expected == typeof(long) ? "Giá trị phải là một số nguyên."
                : expected == typeof(decimal) ? "Giá trị phải là một số."
                : expected == typeof(DateOnly) ? "Ngày phải có dạng năm-tháng-ngày (ví dụ 2026-04-10)."
                : expected != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(expected) ? "Giá trị phải là một danh sách."
                : "Giá trị không đúng kiểu dữ liệu.";
        }

        public override FieldError BadDate(string path) => new(path, ErrorCodes.InvalidFormat, WrongType(path, typeof(DateOnly)));
    }
}
