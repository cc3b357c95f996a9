using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>GET /api/applications/{id}/history</c>: the append-only audit trail: all of it for officers of the unit; for the
/// enterprise (with its link) the entries <see cref="EnterpriseDisclosure"/> lets it see.
/// </summary>
public sealed class HistoryHandler(ApplicationAccess access, IApplicationRepository applications)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        var all = await applications.ReadAuditAsync(application.Id, cancellationToken);
        var entries = caller.IsOfficer ? all : EnterpriseDisclosure.History(all);
        return Results.Json(new
        {
            applicationId = application.Id,
            entries = entries.Select(e => new { e.AtUtc, e.Kind, e.Actor, e.Role, e.FromStatus, e.ToStatus, e.Detail }),
        }, ApiJson.Options);
    }
}

/// <summary>
/// <c>POST /api/applications/{id}/access-link</c> (officers of the unit): revokes the enterprise's access link and
/// issues the next one (returned once, to be sent to the enterprise; e-mails sent from now on carry it). A repeated
/// submission no longer answers with any token once the link it first carried has been replaced.
/// </summary>
public sealed class RotateAccessLinkHandler(ApplicationAccess access, IApplicationRepository applications, AccessTokens tokens, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        if (caller.Officer is not { } officer)
        {
            return ApiProblem.Create(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện", "Chỉ cán bộ xử lý hồ sơ được cấp lại đường liên kết.");
        }

        string? token = null;
        var now = time.GetUtcNow();
        _ = await applications.UpdateAsync(application.Id, a =>
        {
            var audit = LifecycleUpkeep.RotateAccessLink(a, officer.Name, OfficerRoles.Officer, now);
            token = tokens.Issue(a);
            return audit;
        }, cancellationToken);
        // The token in the answer's body and in the page link's fragment, never in an API URL (logs keep those).
        var statusUrl = $"/{ApiRoutes.Prefix}/{ApiRoutes.Applications}/{application.Id}";
        var statusPage = NsclWorkflows.Infrastructure.Email.EmailLinks.EnterpriseStatus(application.Id, token!);
        return Results.Json(new { applicationId = application.Id, accessToken = token, statusUrl, statusPage }, ApiJson.Options);
    }
}
