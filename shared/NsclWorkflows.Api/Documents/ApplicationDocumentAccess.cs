using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Officers read every document of every application; the enterprise, with its access token (<c>?access=</c> or the
/// <c>X-Access-Token</c> header, as for the application itself), reads its own approval decision and evaluation
/// minutes, never the appraisal record (the appraisers' scores and comments are internal).
/// </summary>
public sealed class ApplicationDocumentAccess(AccessTokens accessTokens, OfficerAuthenticator officers) : IApplicationDocumentAccess
{
    static readonly string[] EnterpriseKinds = [DocumentKinds.ApprovalDecision, DocumentKinds.EvaluationMinutes];

    public Task<bool> CanReadAsync(HttpRequest request, string applicationId, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not null)
        {
            return Task.FromResult(true);
        }

        var token = request.Query["access"].ToString();
        if (token.Length == 0)
        {
            token = request.Headers[GetApplicationHandler.AccessTokenHeader].ToString();
        }

        return Task.FromResult(EnterpriseKinds.Contains(kind, StringComparer.Ordinal) && accessTokens.IsValid(applicationId, token));
    }
}
