using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NsclWorkflows.Api.Officers;

namespace NsclWorkflows.Local.Auth;

/// <summary>
/// Officers' identity on the standalone host. It never trusts a header outside Development (<see cref="OfficerHost.Standalone"/>):
/// in <c>Oidc</c> mode officers sign in with OpenID Connect (ASP.NET Core's handlers: authorization code flow with PKCE)
/// and keep an encrypted session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS, sliding expiry); in <c>AppService</c>
/// mode nobody signs in as an officer (enterprises are served; /api/health and the pages say why).
/// Routes: <c>GET /auth/sign-in?next=/same/origin/path</c>, <c>POST /auth/sign-out</c>, and the provider's callbacks
/// <c>/auth/callback</c> and <c>/auth/signed-out</c>.
/// </summary>
public static partial class OfficerSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CookieName = "nscl-officer";
    public const string SignInPath = "/auth/sign-in";
    public const string SignOutPath = "/auth/sign-out";
    public const string CallbackPath = "/auth/callback";
    public const string SignedOutCallbackPath = "/auth/signed-out";
    public const string SignInPage = "/can-bo/dang-nhap.html";
    public const string DefaultNext = "/can-bo/hop-thu.html";

    public static WebApplicationBuilder AddNsclOfficerSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(OfficerHost.Standalone));
        var auth = builder.Configuration.GetSection(OfficerAuthOptions.Section).Get<OfficerAuthOptions>() ?? new OfficerAuthOptions();
        if (!auth.IsOidc)
        {
            return builder;
        }

        var oidc = builder.Configuration.GetSection(OidcSignInOptions.Section).Get<OidcSignInOptions>() ?? new OidcSignInOptions();
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http")
            || string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            throw new InvalidOperationException(
                "Nscl:Auth:Mode=Oidc needs Nscl:Auth:Oidc:Authority (the issuer's absolute URL) and Nscl:Auth:Oidc:ClientId; see README, \"Officers' sign-in on premises\".");
        }

        if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            throw new InvalidOperationException($"Nscl:Auth:Oidc:Authority must use https (plain http only for a loopback test issuer): {oidc.Authority}");
        }

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = oidc.SessionLifetime;
                o.SlidingExpiration = true;
                // API callers get a status, never a redirect (nothing here challenges the cookie scheme anyway).
                o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
                o.RequireHttpsMetadata = !authority.IsLoopback;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // A redirect (GET) back to us, so the correlation cookies can be SameSite=Lax (form_post needs None).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in oidc.ScopeList)
                {
                    o.Scope.Add(scope);
                }

                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.CallbackPath = CallbackPath;
                o.SignedOutCallbackPath = SignedOutCallbackPath;
                o.SignedOutRedirectUri = SignInPage;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnTokenValidated = context => OnTokenValidated(context, oidc);
                // Back from the provider's sign-out (whatever its state says): the sign-in page.
                o.Events.OnSignedOutCallbackRedirect = context =>
                {
                    context.Response.Redirect(SignInPage);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    LogSignInFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OfficerSignIn)),
                        context.Failure?.Message ?? "unknown");
                    context.Response.Redirect(SignInPage + "#error=sign_in_failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        return builder;
    }

    /// <summary>Refuses untrusted officer headers; in Oidc mode reads the session cookie and maps the sign-in routes.</summary>
    public static WebApplication UseNsclOfficerSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = app.Services.GetRequiredService<OfficerAccess>();
        access.LogAtStartUp(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NsclWorkflows.Local.OfficerAccess"));
        app.Use(async (context, next) =>
        {
            if (access.Refusal(context.Request) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        if (!app.Services.GetRequiredService<IOptions<OfficerAuthOptions>>().Value.IsOidc)
        {
            return app;
        }

        app.UseAuthentication();
        app.MapGet(SignInPath, (string? next) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = SameOriginPath(next) }, [OidcScheme]));
        app.MapPost(SignOutPath, (Func<HttpContext, Task<IResult>>)SignOutAsync);
        return app;
    }

    /// <summary>
    /// <paramref name="next"/> when it is a path on this site (<c>/…</c>, not <c>//host</c>, not <c>/\host</c>, no
    /// scheme, no control characters), otherwise the inbox: the sign-in never redirects elsewhere.
    /// </summary>
    public static string SameOriginPath(string? next) =>
        next is { Length: > 0 and <= 2048 } && next[0] == '/' && (next.Length == 1 || next[1] is not ('/' or '\\'))
            && !next.Contains('\\', StringComparison.Ordinal) && !next.Any(char.IsControl) && !next.Any(char.IsWhiteSpace)
            ? next
            : DefaultNext;

    static async Task<IResult> SignOutAsync(HttpContext context)
    {
        // A cross-site page must not sign an officer out: the browser's own signals, when it sends them.
        var origin = context.Request.Headers.Origin.ToString();
        if ((origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
            || string.Equals(context.Request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // The pages ask with fetch (X-Requested-With: nscl) and get the next address as JSON: a form POST could not
        // follow a redirect to the provider (CSP form-action 'self'). A plain POST gets the redirect itself.
        var fromPage = string.Equals(context.Request.Headers[Api.Http.CsrfGuard.HeaderName].ToString(), Api.Http.CsrfGuard.HeaderValue, StringComparison.Ordinal);
        await context.SignOutAsync(CookieScheme);
        if (await EndSessionEndpointAsync(context) is null)
        {
            return fromPage ? Results.Json(new { location = SignInPage }, statusCode: StatusCodes.Status200OK) : Results.Redirect(SignInPage);
        }

        // The provider's end_session_endpoint (with the session's id_token_hint), which comes back to /auth/signed-out
        // and then to the sign-in page.
        await context.SignOutAsync(OidcScheme, new AuthenticationProperties { RedirectUri = SignInPage });
        if (!fromPage)
        {
            return Results.Empty;
        }

        var location = context.Response.Headers.Location.ToString();
        context.Response.Headers.Remove("Location");
        return Results.Json(new { location }, statusCode: StatusCodes.Status200OK);
    }

    static async Task<string?> EndSessionEndpointAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return string.IsNullOrEmpty(configuration.EndSessionEndpoint) ? null : configuration.EndSessionEndpoint;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            // The provider is unreachable: the local session is gone anyway.
            return null;
        }
    }

    static Task OnTokenValidated(TokenValidatedContext context, OidcSignInOptions oidc)
    {
        var source = context.Principal;
        var id = oidc.IdClaimTypeList.Select(t => source?.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (source is null || id is null)
        {
            context.Fail($"The identity provider's token has none of the id claims {oidc.IdClaimTypes}.");
            return Task.CompletedTask;
        }

        var name = source.FindFirst(oidc.NameClaimType)?.Value ?? source.FindFirst("preferred_username")?.Value ?? id;
        var claims = new List<Claim> { new(OfficerClaims.Id, id), new(OfficerClaims.Name, name) };
        claims.AddRange(source.FindAll(oidc.RoleClaimType).Select(c => new Claim(OfficerClaims.Role, c.Value)));
        if (source.FindFirst(oidc.UnitClaimType)?.Value is { Length: > 0 } unit)
        {
            claims.Add(new Claim(OfficerClaims.Unit, unit));
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, OfficerClaims.AuthenticationType, OfficerClaims.Name, OfficerClaims.Role));
        // Only the id token is kept (for the provider's sign-out), not access or refresh tokens.
        if (context.TokenEndpointResponse?.IdToken is { Length: > 0 } idToken)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Officer sign-in failed: {Reason}")]
    static partial void LogSignInFailed(ILogger logger, string reason);
}
