using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// The version of the file an action was taken on: the <c>If-Match</c> header the pages send with every action, holding
/// the view's <c>version</c> (the <c>ETag</c> of <c>GET /api/applications/{id}</c>): <c>"7"</c>, <c>W/"7"</c> or <c>7</c>.
/// Absent (or <c>*</c>): the action is decided on the state the workflow meets, as for clients that predate versions;
/// pages always send it.
/// </summary>
public static class ActionVersion
{
    /// <summary>The ETag of a file at <paramref name="version"/>.</summary>
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in the request's <c>If-Match</c> (null when absent or <c>*</c>), or a 400 when it is not one.</summary>
    public static (int? Version, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return (null, null);
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid_if_match", "Phiên bản hồ sơ không hợp lệ",
                "Tiêu đề If-Match phải là phiên bản hồ sơ (trường version khi xem hồ sơ), ví dụ \"3\"."));
    }

    /// <summary>412: the file moved on since the person saw it; with its current status, version and next steps, for the page to show.</summary>
    public static ProblemHttpResult Stale(Application application, int seen)
    {
        ArgumentNullException.ThrowIfNull(application);
        var allowed = ApplicationActionHandler.AllowedNow(application).Select(ActionNames.Of).ToArray();
        return ApiProblem.Problem(StatusCodes.Status412PreconditionFailed, LifecycleMachine.StaleVersion, "Hồ sơ đã thay đổi",
            $"Hồ sơ đã được cập nhật sau khi bạn mở trang (trạng thái hiện tại: \"{ApplicationStatusText.Vietnamese(application.Status)}\"); "
            + "thao tác của bạn chưa được thực hiện. Vui lòng xem lại hồ sơ rồi thao tác lại nếu vẫn cần.",
            extensions: new { currentStatus = application.Status.ToString(), currentVersion = application.Lifecycle.Version, seenVersion = seen, allowedActions = allowed });
    }
}
