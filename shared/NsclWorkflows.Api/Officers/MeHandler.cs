using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Officers;

/// <summary>
/// <c>GET /api/me</c>: who is signed in (null for nobody) and how officers sign in on this host, or why they cannot.
/// The officers' pages read it to show the right sign-in and sign-out, and the reason when there is no officer access.
/// </summary>
public sealed class MeHandler(OfficerAccess access, OfficerAuthenticator officers)
{
    public ApiOk<MeView> Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        return ApiResults.Ok(new MeView(
            officer is null ? null : new SignedInOfficer(officer.Id, officer.Name, [.. officer.Roles.Order(StringComparer.Ordinal)], officer.Unit),
            Describe(access.Current())));
    }

    /// <summary>The officerAccess object of <c>/api/me</c> and <c>/api/health</c>.</summary>
    public static OfficerAccessView Describe(OfficerAccessState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (signIn, signOut) = !state.Available ? (null, null)
            : state.TrustsSignInCookie ? (new SignInLink("/auth/sign-in", "GET"), new SignInLink("/auth/sign-out", "POST"))
            : state.TrustsDevelopmentHeader ? (null, null)
            : (new SignInLink("/.auth/login/aad", "GET"), new SignInLink("/.auth/logout", "GET"));
        return new OfficerAccessView(state.Available, state.Mode, state.Reason, signIn, signOut);
    }
}

/// <summary>The answer of <c>GET /api/me</c>: the officer signed in (absent for nobody) and how officers sign in here.</summary>
public sealed record MeView(SignedInOfficer? Officer, OfficerAccessView OfficerAccess);

/// <summary>The officer of the request.</summary>
public sealed record SignedInOfficer(string Id, string Name, IReadOnlyList<string> Roles, string Unit);

/// <summary>Whether officers can sign in on this host (if not, why), and where.</summary>
public sealed record OfficerAccessView(bool Available, string Mode, string? Reason, SignInLink? SignIn, SignInLink? SignOut);

/// <summary>A sign-in or sign-out address and its method.</summary>
public sealed record SignInLink(string Url, string Method);
