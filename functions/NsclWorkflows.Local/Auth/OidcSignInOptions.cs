namespace NsclWorkflows.Local.Auth;

/// <summary>
/// Settings section <c>Nscl:Auth:Oidc</c>: the standalone host's OpenID Connect sign-in (<c>Nscl:Auth:Mode=Oidc</c>).
/// Register the host at the identity provider as a confidential (or public, PKCE) web client with redirect URI
/// <c>https://host/auth/callback</c> and post-logout redirect URI <c>https://host/auth/signed-out</c>.
/// </summary>
public sealed class OidcSignInOptions
{
    public const string Section = "Nscl:Auth:Oidc";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://sso.example.vn/realms/danang</c>.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>From the environment or a secret store, never in a file of the repository. Empty: a public client (PKCE only).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Space-separated; <c>openid</c> is always requested.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Claims tried in order for the officer's stable id (space or comma separated).</summary>
    public string IdClaimTypes { get; set; } = "oid sub";

    /// <summary>The display name (falls back to <c>preferred_username</c>, then the id).</summary>
    public string NameClaimType { get; set; } = "name";

    /// <summary>Each claim of this type is a role (Officer, Appraiser, Leader, Admin).</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The officer's unit; without it the officer sees no unit-scoped data.</summary>
    public string UnitClaimType { get; set; } = "unit";

    /// <summary>How long a session lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    internal IEnumerable<string> IdClaimTypeList => Split(IdClaimTypes);

    internal IEnumerable<string> ScopeList => Split(Scopes).Prepend("openid").Distinct(StringComparer.Ordinal);

    static string[] Split(string value) => value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
