using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// <c>GET /api/applications/{id}</c>: one point read of the application row (never workflow history). Open to the
/// enterprise holding the access token (in the <c>X-Access-Token</c> header only; <c>?access=</c> is refused with a
/// 400, <see cref="AccessTokenInQuery"/>) and to officers of its unit; anyone else gets the same 404 as for an id
/// that does not exist, so ids cannot be probed. The enterprise sees what <c>EnterpriseDisclosure</c> lets it know.
/// </summary>
public sealed class GetApplicationHandler(ApplicationAccess access, TimeProvider time)
{
    public const string AccessTokenHeader = "X-Access-Token";

    public async Task<Results<ApiOk<ApplicationView>, ProblemHttpResult>> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        request.HttpContext.Response.Headers.ETag = ActionVersion.ETag(application.Lifecycle.Version);
        return ApiResults.Ok(ApplicationView.From(application, caller, time.GetUtcNow()));
    }
}
