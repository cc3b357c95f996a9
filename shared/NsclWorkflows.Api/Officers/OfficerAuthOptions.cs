namespace NsclWorkflows.Api.Officers;

/// <summary>Settings section <c>Nscl:Auth</c>.</summary>
public sealed class OfficerAuthOptions
{
    public const string Section = "Nscl:Auth";

    public const string AppServiceMode = "AppService";
    public const string OidcMode = "Oidc";
    public const string DevelopmentMode = "Development";

    /// <summary>
    /// Where officers' identity comes from (see <see cref="OfficerAccess"/>):
    /// <list type="bullet">
    /// <item><c>AppService</c> (default): the principal App Service Authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>,
    /// trusted only on the Functions app and only while the platform says authentication is on
    /// (<c>WEBSITE_AUTH_ENABLED=True</c>); otherwise nobody signs in as an officer.</item>
    /// <item><c>Oidc</c>: the standalone host's own OpenID Connect sign-in and session cookie (<c>Nscl:Auth:Oidc:*</c>).</item>
    /// <item><c>Development</c>: also <c>X-Nscl-Dev-Officer: name; Role1,Role2; unit</c>; both hosts refuse to start
    /// with it outside the Development environment.</item>
    /// </list>
    /// </summary>
    public string Mode { get; set; } = AppServiceMode;

    public bool IsDevelopment => string.Equals(Mode, DevelopmentMode, StringComparison.OrdinalIgnoreCase);

    public bool IsOidc => string.Equals(Mode, OidcMode, StringComparison.OrdinalIgnoreCase);

    public bool IsAppService => string.Equals(Mode, AppServiceMode, StringComparison.OrdinalIgnoreCase);

    public bool IsKnown => IsDevelopment || IsOidc || IsAppService;
}
