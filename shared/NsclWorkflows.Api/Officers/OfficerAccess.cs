using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Officers;

/// <summary>Which host runs the shared code: it decides which identity sources can exist at all.</summary>
public sealed class OfficerHost
{
    /// <summary>The Azure Functions app: App Service Authentication can sit in front of it.</summary>
    public static readonly OfficerHost FunctionsApp = new(nameof(FunctionsApp));

    /// <summary>The standalone host: nothing in front of it strips or sets <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    public static readonly OfficerHost Standalone = new(nameof(Standalone));

    OfficerHost(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>Whether officers can sign in on this host now, and if not, why (Vietnamese, for the pages and /api/health).</summary>
public sealed record OfficerAccessState(bool Available, string Mode, string? Reason)
{
    public bool TrustsPrincipalHeader { get; init; }

    public bool TrustsDevelopmentHeader { get; init; }

    public bool TrustsSignInCookie { get; init; }
}

/// <summary>
/// Identity fails closed: officers are trusted only from a source that cannot be forged on this host, evaluated per
/// request (the platform's setting can change without a code change):
/// <list type="bullet">
/// <item>Functions app, <c>AppService</c> mode: <c>X-MS-CLIENT-PRINCIPAL</c> only while <c>WEBSITE_AUTH_ENABLED</c> is
/// <c>True</c>, the platform's own signal that App Service Authentication is on (it then strips that header from
/// every outside request and sets it itself). Otherwise anyone could send it.</item>
/// <item>Standalone host, <c>Oidc</c> mode: only its own encrypted sign-in cookie (Auth/ in the standalone host).</item>
/// <item><c>Development</c> mode (Development environment only, see <see cref="StartupGuards"/>): the development header.</item>
/// </list>
/// Any other combination is "no officer access": enterprises are served, officer credentials are refused with
/// <see cref="Refusal"/>.
/// </summary>
public sealed partial class OfficerAccess(IOptions<OfficerAuthOptions> options, IConfiguration configuration, OfficerHost host)
{
    public const string UnavailableCode = "officer_sign_in_unavailable";
    public const string NotAcceptedCode = "officer_credentials_not_accepted";

    public OfficerHost Host => host;

    public OfficerAccessState Current()
    {
        var auth = options.Value;
        if (auth.IsDevelopment)
        {
            return new OfficerAccessState(true, OfficerAuthOptions.DevelopmentMode, null) { TrustsDevelopmentHeader = true, TrustsPrincipalHeader = true };
        }

        if (auth.IsOidc)
        {
            return host == OfficerHost.Standalone
                ? new OfficerAccessState(true, OfficerAuthOptions.OidcMode, null) { TrustsSignInCookie = true }
                : new OfficerAccessState(false, OfficerAuthOptions.OidcMode,
                    "Đăng nhập OpenID Connect (Nscl:Auth:Mode=Oidc) chỉ dùng cho máy chủ độc lập; trên Azure, cán bộ đăng nhập qua App Service Authentication (Nscl:Auth:Mode=AppService). Cán bộ chưa thể đăng nhập cho đến khi quản trị viên sửa cấu hình.");
        }

        if (auth.IsAppService)
        {
            if (host == OfficerHost.Standalone)
            {
                return new OfficerAccessState(false, OfficerAuthOptions.AppServiceMode,
                    "Máy chủ độc lập không có App Service Authentication đứng trước nên không tin danh tính gửi kèm yêu cầu. Cán bộ chưa thể đăng nhập cho đến khi quản trị viên cấu hình đăng nhập OpenID Connect (Nscl:Auth:Mode=Oidc).");
            }

            return AppServiceAuthenticationEnabled()
                ? new OfficerAccessState(true, OfficerAuthOptions.AppServiceMode, null) { TrustsPrincipalHeader = true }
                : new OfficerAccessState(false, OfficerAuthOptions.AppServiceMode,
                    "Xác thực App Service (App Service Authentication) chưa được bật cho ứng dụng. Cán bộ chưa thể đăng nhập cho đến khi quản trị viên cấu hình đăng nhập Microsoft Entra ID (tham số authClientId khi triển khai).");
        }

        return new OfficerAccessState(false, auth.Mode,
            $"Chế độ đăng nhập \"{auth.Mode}\" không được hỗ trợ (Nscl:Auth:Mode phải là AppService, Oidc hoặc Development).");
    }

    /// <summary>
    /// A 401 problem for a request that carries an officer credential this host does not trust now (a forged
    /// <c>X-MS-CLIENT-PRINCIPAL</c> or development header), or null to let the request through.
    /// </summary>
    public IResult? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasPrincipal = request.Headers.ContainsKey(OfficerAuthenticator.AppServicePrincipalHeader);
        var hasDevelopment = request.Headers.ContainsKey(OfficerAuthenticator.DevelopmentHeader);
        if (!hasPrincipal && !hasDevelopment)
        {
            return null;
        }

        var state = Current();
        if ((!hasPrincipal || state.TrustsPrincipalHeader) && (!hasDevelopment || state.TrustsDevelopmentHeader))
        {
            return null;
        }

        return state.Available
            ? ApiProblem.Create(StatusCodes.Status401Unauthorized, NotAcceptedCode, "Không chấp nhận thông tin đăng nhập",
                "Máy chủ này không nhận danh tính cán bộ gửi kèm trong tiêu đề yêu cầu; cán bộ đăng nhập qua trang Đăng nhập cán bộ.")
            : ApiProblem.Create(StatusCodes.Status401Unauthorized, UnavailableCode, "Cán bộ chưa thể đăng nhập", state.Reason);
    }

    /// <summary>Logs the state once (both hosts call it at start-up, so an operator sees why officers cannot sign in).</summary>
    public void LogAtStartUp(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var state = Current();
        if (state.Available)
        {
            LogAvailable(logger, state.Mode, host.Name);
        }
        else
        {
            LogUnavailable(logger, state.Mode, host.Name, state.Reason ?? string.Empty);
        }
    }

    bool AppServiceAuthenticationEnabled() =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"]?.Trim(), "True", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Officer access: available (Nscl:Auth:Mode={Mode}, host {Host})")]
    static partial void LogAvailable(ILogger logger, string mode, string host);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Officer access: UNAVAILABLE (Nscl:Auth:Mode={Mode}, host {Host}); officer credentials are refused, enterprise endpoints keep working. {Reason}")]
    static partial void LogUnavailable(ILogger logger, string mode, string host, string reason);
}
