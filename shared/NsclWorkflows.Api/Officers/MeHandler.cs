using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Officers;

/// <summary>
/// <c>GET /api/me</c>: who is signed in (null for nobody) and how officers sign in on this host, or why they cannot.
/// The officers' pages read it to show the right sign-in and sign-out, and the reason when there is no officer access.
/// </summary>
public sealed class MeHandler(OfficerAccess access, OfficerAuthenticator officers)
{
    public IResult Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        var state = access.Current();
        return Results.Json(
            new
            {
                officer = officer is null ? null : new { id = officer.Id, name = officer.Name, roles = officer.Roles.Order(StringComparer.Ordinal), unit = officer.Unit },
                officerAccess = Describe(state),
            },
            ApiJson.Options);
    }

    /// <summary>The officerAccess object of <c>/api/me</c> and <c>/api/health</c>.</summary>
    public static object Describe(OfficerAccessState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (signIn, signOut) = !state.Available ? (null, null)
            : state.TrustsSignInCookie ? (new Link("/auth/sign-in", "GET"), new Link("/auth/sign-out", "POST"))
            : state.TrustsDevelopmentHeader ? (null, null)
            : (new Link("/.auth/login/aad", "GET"), new Link("/.auth/logout", "GET"));
        return new { available = state.Available, mode = state.Mode, reason = state.Reason, signIn, signOut };
    }

    sealed record Link(string Url, string Method);
}
