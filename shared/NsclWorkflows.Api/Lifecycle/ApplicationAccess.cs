using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>Who is asking about an application: its enterprise (through the access link), an officer, or nobody.</summary>
public sealed record Caller(Officer? Officer, bool IsEnterprise)
{
    public bool IsOfficer => Officer is not null;
}

/// <summary>
/// The access rules every application endpoint applies: the enterprise with its application's access token; officers
/// of the application's unit (admins: every unit). Anyone else learns nothing, not even that the application exists.
/// </summary>
public sealed class ApplicationAccess(IApplicationRepository applications, AccessTokens accessTokens, OfficerAuthenticator officers)
{
    public const string AccessTokenHeader = GetApplicationHandler.AccessTokenHeader;

    /// <summary>The application and its caller, or null when the caller may not see it (or it does not exist).</summary>
    public async Task<(Application Application, Caller Caller)?> ResolveAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApplicationIds.IsWellFormed(id))
        {
            return null;
        }

        var officer = officers.Authenticate(request);
        var token = Token(request);
        if (officer is null && token.Length == 0)
        {
            return null;
        }

        var application = await applications.FindAsync(id, cancellationToken);
        if (application is null)
        {
            return null;
        }

        if (officer is not null && officer.Covers(application.Lifecycle.Unit))
        {
            return (application, new Caller(officer, false));
        }

        return token.Length > 0 && accessTokens.IsValid(application, token) ? (application, new Caller(null, true)) : null;
    }

    /// <summary>
    /// The enterprise's token: from the <see cref="AccessTokenHeader"/> header only, never from the query string (a
    /// request with <c>?access=</c> is refused before it gets here: <see cref="AccessTokenInQuery"/>).
    /// </summary>
    public static string Token(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AccessTokenInQuery.IsPresent(request) ? string.Empty : request.Headers[AccessTokenHeader].ToString();
    }
}
