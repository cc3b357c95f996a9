using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// <c>GET /api/applications/{id}</c>: one point read of the application row. Open to the enterprise holding the access
/// token (<c>?access=</c> or the <c>X-Access-Token</c> header) and to officers; anyone else gets the same 404 as for
/// an id that does not exist, so ids cannot be probed.
/// </summary>
public sealed class GetApplicationHandler(IApplicationRepository applications, AccessTokens accessTokens, OfficerAuthenticator officers)
{
    public const string AccessTokenHeader = "X-Access-Token";

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApplicationIds.IsWellFormed(id))
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        var token = request.Query["access"].ToString();
        if (token.Length == 0)
        {
            token = request.Headers[AccessTokenHeader].ToString();
        }

        var allowed = accessTokens.IsValid(id, token) || officers.Authenticate(request) is not null;
        if (!allowed)
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        var application = await applications.FindAsync(id, cancellationToken);
        return application is null
            ? ApiProblem.NotFound("hồ sơ")
            : Results.Json(ApplicationView.From(application), ApiJson.Options);
    }
}
