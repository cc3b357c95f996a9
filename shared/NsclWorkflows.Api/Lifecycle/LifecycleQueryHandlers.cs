using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
    public async Task<Results<ApiOk<HistoryView>, ProblemHttpResult>> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        var all = await applications.ReadAuditAsync(application.Id, cancellationToken);
        var entries = caller.IsOfficer ? all : EnterpriseDisclosure.History(all);
        return ApiResults.Ok(new HistoryView(application.Id, [.. entries.Select(e => new HistoryEntryView(e.AtUtc, e.Kind, e.Actor, e.Role, e.FromStatus, e.ToStatus, e.Detail))]));
    }
}

/// <summary>The audit trail as the caller may see it.</summary>
public sealed record HistoryView(string ApplicationId, IReadOnlyList<HistoryEntryView> Entries);

/// <summary>One audit entry: when, what (a stable kind), who and in which role, the status before and after, the Vietnamese detail.</summary>
public sealed record HistoryEntryView(DateTimeOffset AtUtc, string Kind, string Actor, string? Role, string? FromStatus, string? ToStatus, string Detail);

/// <summary>
/// <c>POST /api/applications/{id}/access-link</c> (officers of the unit): revokes the enterprise's access link and
/// issues the next one (returned once, to be sent to the enterprise; e-mails sent from now on carry it). A repeated
/// submission no longer answers with any token once the link it first carried has been replaced.
/// </summary>
public sealed class RotateAccessLinkHandler(ApplicationAccess access, IApplicationRepository applications, AccessTokens tokens, TimeProvider time)
{
    public async Task<Results<ApiOk<AccessLinkView>, ProblemHttpResult>> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        if (caller.Officer is not { } officer)
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện", "Chỉ cán bộ xử lý hồ sơ được cấp lại đường liên kết.");
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
        return ApiResults.Ok(new AccessLinkView(application.Id, token!, statusUrl, statusPage));
    }
}

/// <summary>The enterprise's new access link: the token (once), the API address and the page to send the enterprise.</summary>
public sealed record AccessLinkView(string ApplicationId, string AccessToken, string StatusUrl, string StatusPage);
