using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// The access token never travels in a query string: request logs, telemetry and proxies keep query strings. A
/// request to the API with <c>?access=</c> is refused with a 400 before any handler runs (both hosts: an endpoint
/// filter on the standalone host, a worker middleware in the Functions app), whatever the value, which is neither
/// checked nor logged. The token goes in the <see cref="GetApplicationHandler.AccessTokenHeader"/> header; pages keep
/// it in their URL's fragment, which browsers never send.
/// </summary>
public static class AccessTokenInQuery
{
    public const string QueryName = "access";
    public const string Code = "access_token_in_query";

    /// <summary>Whether the request carries the token's query parameter (any case, any value, even empty).</summary>
    public static bool IsPresent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.ContainsKey(QueryName);
    }

    /// <summary>The 400 problem for a request that carries <c>?access=</c>; null for any other request.</summary>
    public static IResult? Refusal(HttpRequest request) => IsPresent(request)
        ? ApiProblem.Create(StatusCodes.Status400BadRequest, Code, "Mã truy cập không được đặt trong địa chỉ",
            $"Không gửi mã truy cập (access) trong địa chỉ URL vì địa chỉ được lưu trong nhật ký máy chủ. Hãy gửi mã trong header "
            + $"{GetApplicationHandler.AccessTokenHeader}; trang tình trạng hồ sơ của Sở làm việc này tự động.")
        : null;
}
