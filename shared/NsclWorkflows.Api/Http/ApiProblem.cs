using Microsoft.AspNetCore.Http;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Error responses (application/problem+json): a stable English <c>code</c> for programs, a Vietnamese
/// <c>title</c>/<c>detail</c> for people, and field-level <c>errors</c> where fields are at fault.
/// </summary>
public static class ApiProblem
{
    public static IResult Create(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, object? extensions = null) =>
        Results.Json(
            new ProblemBody(status, code, title, detail, errors?.Select(e => new FieldErrorBody(e.Field, e.Code, e.Message)).ToList(), extensions),
            ApiJson.Options,
            "application/problem+json",
            status);

    public static IResult Validation(IReadOnlyList<FieldError> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity, "validation_failed", "Hồ sơ chưa hợp lệ",
            "Vui lòng sửa các trường được nêu và gửi lại.", errors);

    public static IResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "not_found", "Không tìm thấy", $"Không tìm thấy {what}.");

    public static IResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "Chưa đăng nhập", "Chức năng này dành cho cán bộ Sở KH&CN đã đăng nhập.");

    sealed record ProblemBody(int Status, string Code, string Title, string? Detail, IReadOnlyList<FieldErrorBody>? Errors, object? Context);

    sealed record FieldErrorBody(string Field, string Code, string Message);
}
