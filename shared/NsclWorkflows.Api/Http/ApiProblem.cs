using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Error responses (application/problem+json) as the framework's <see cref="ProblemDetails"/>: a stable English
/// <c>code</c> for programs, a Vietnamese <c>title</c>/<c>detail</c> for people, field-level <c>errors</c> (field,
/// code, message) where fields are at fault and a <c>context</c> where the caller needs one. They are written through
/// the host's <see cref="IProblemDetailsService"/> (registered by <see cref="ProblemDetailsRegistration"/>), whose
/// customization gives the framework's own errors (unknown route, wrong method, unhandled exception) a code too.
/// </summary>
public static class ApiProblem
{
    /// <summary>The extension members this API adds to <see cref="ProblemDetails"/>.</summary>
    public const string CodeKey = "code";
    public const string ErrorsKey = "errors";
    public const string ContextKey = "context";

    public static IResult Create(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, object? extensions = null) =>
        Problem(status, code, title, detail, errors, extensions);

    /// <summary><see cref="Create"/> as its typed result, for handlers that declare <c>Results&lt;…, ProblemHttpResult&gt;</c>.</summary>
    public static ProblemHttpResult Problem(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, object? extensions = null) =>
        TypedResults.Problem(Details(status, code, title, detail, errors, extensions));

    public static IResult Validation(IReadOnlyList<FieldError> errors) => ValidationProblem(errors);

    public static IResult NotFound(string what) => NotFoundProblem(what);

    public static IResult Unauthorized() => UnauthorizedProblem();

    /// <summary><see cref="Validation"/> as its typed result.</summary>
    public static ProblemHttpResult ValidationProblem(IReadOnlyList<FieldError> errors) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "validation_failed", "Hồ sơ chưa hợp lệ",
            "Vui lòng sửa các trường được nêu và gửi lại.", errors);

    /// <summary><see cref="NotFound"/> as its typed result.</summary>
    public static ProblemHttpResult NotFoundProblem(string what) =>
        Problem(StatusCodes.Status404NotFound, "not_found", "Không tìm thấy", $"Không tìm thấy {what}.");

    /// <summary><see cref="Unauthorized"/> as its typed result.</summary>
    public static ProblemHttpResult UnauthorizedProblem() =>
        Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Chưa đăng nhập", "Chức năng này dành cho cán bộ Sở KH&CN đã đăng nhập.");

    /// <summary>An unexpected failure: the same 500 from either host, never with the exception's text.</summary>
    public static ProblemHttpResult InternalError() => Create(StatusCodes.Status500InternalServerError, FrameworkProblem(500));

    /// <summary>The problem for a status the framework produced itself (no handler wrote a body).</summary>
    public static ProblemHttpResult ForStatus(int status) => Create(status, FrameworkProblem(status));

    /// <summary>The body of a problem, as the framework's type.</summary>
    public static ProblemDetails Details(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, object? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[CodeKey] = code;
        if (errors is not null)
        {
            // Written with the API's own JSON settings, whatever the host's: the same body from every path.
            problem.Extensions[ErrorsKey] = JsonSerializer.SerializeToElement(
                errors.Select(e => new FieldErrorBody(e.Field, e.Code, e.Message)).ToList(), ApiJson.Options);
        }

        if (extensions is not null)
        {
            problem.Extensions[ContextKey] = JsonSerializer.SerializeToElement(extensions, extensions.GetType(), ApiJson.Options);
        }

        return problem;
    }

    /// <summary>
    /// Completes a problem the framework made (no <c>code</c>): the stable code and Vietnamese texts of its status,
    /// nothing of an exception. Problems this API made are left as they are. The framework's trace id is not added,
    /// so every problem has the same members.
    /// </summary>
    public static void Complete(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Extensions.Remove("traceId");
        if (problem.Extensions.ContainsKey(CodeKey))
        {
            return;
        }

        var (code, title, detail) = FrameworkProblem(problem.Status ?? StatusCodes.Status500InternalServerError);
        problem.Title = title;
        problem.Detail = detail;
        problem.Extensions.Clear();
        problem.Extensions[CodeKey] = code;
    }

    static ProblemHttpResult Create(int status, (string Code, string Title, string Detail) problem) =>
        Problem(status, problem.Code, problem.Title, problem.Detail);

    static (string Code, string Title, string Detail) FrameworkProblem(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad_request", "Yêu cầu không hợp lệ", "Yêu cầu gửi lên không đúng dạng mà hệ thống nhận."),
        StatusCodes.Status401Unauthorized => ("unauthorized", "Chưa đăng nhập", "Chức năng này dành cho cán bộ Sở KH&CN đã đăng nhập."),
        StatusCodes.Status403Forbidden => ("forbidden", "Không có quyền", "Tài khoản không có quyền thực hiện chức năng này."),
        StatusCodes.Status404NotFound => ("not_found", "Không tìm thấy", "Không tìm thấy địa chỉ được yêu cầu."),
        StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức HTTP đã dùng."),
        StatusCodes.Status406NotAcceptable => ("not_acceptable", "Định dạng trả về không được hỗ trợ", "Hệ thống chỉ trả về các định dạng đã công bố (JSON, tệp văn bản)."),
        StatusCodes.Status413PayloadTooLarge => ("payload_too_large", "Dữ liệu quá lớn", "Nội dung gửi lên vượt quá giới hạn cho phép."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Định dạng dữ liệu không được hỗ trợ", "Nội dung gửi lên không đúng định dạng mà địa chỉ này nhận."),
        StatusCodes.Status429TooManyRequests => ("too_many_requests", "Quá nhiều yêu cầu", "Vui lòng chờ một lát rồi thử lại."),
        StatusCodes.Status503ServiceUnavailable => ("service_unavailable", "Hệ thống tạm thời không phục vụ", "Vui lòng thử lại sau ít phút."),
        >= 500 => ("internal_error", "Lỗi hệ thống", "Hệ thống gặp lỗi ngoài dự kiến; vui lòng thử lại sau ít phút."),
        _ => ("request_refused", "Yêu cầu không được chấp nhận", "Hệ thống không xử lý được yêu cầu này."),
    };

    /// <summary>One entry of <c>errors</c>.</summary>
    public sealed record FieldErrorBody(string Field, string Code, string Message);
}
