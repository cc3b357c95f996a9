using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Functions.Http;
using NsclWorkflows.Functions.Tests.Fakes;
using NsclWorkflows.Local.Auth;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// Identity fails closed on the Functions app: <c>X-MS-CLIENT-PRINCIPAL</c> counts only while App Service
/// Authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>, the platform's own setting); a forged header is refused by
/// the worker middleware before any function runs, and ignored by the authenticator anyway.
/// </summary>
public sealed class OfficerAccessTests
{
    /// <summary>The forged principal: an Admin with an object id, base64 JSON as App Service would send it.</summary>
    static readonly string ForgedPrincipal = Principal("""{"claims":[{"typ":"name","val":"x"},{"typ":"oid","val":"1"},{"typ":"roles","val":"Admin"}]}""");

    public static TheoryData<string?, string, string> ForgedWithoutAppServiceAuthentication()
    {
        var data = new TheoryData<string?, string, string>();
        foreach (var enabled in new[] { null, "False", "", "1" })
        {
            data.Add(enabled, OfficerAuthenticator.AppServicePrincipalHeader, ForgedPrincipal);
            data.Add(enabled, OfficerAuthenticator.DevelopmentHeader, "quan.tri; Admin; skhcn");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForgedWithoutAppServiceAuthentication))]
    public async Task Middleware_OfficerHeaderWithoutAppServiceAuthentication_Refuses401(string? websiteAuthEnabled, string header, string value)
    {
        using var services = Services(websiteAuthEnabled);
        var http = Request(services, header, value);
        var reached = false;

        await new OfficerAccessMiddleware(services.GetRequiredService<OfficerAccess>())
            .Invoke(Invocation(services, http), _ => { reached = true; return Task.CompletedTask; });

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        var problem = Body(http);
        Assert.Equal(OfficerAccess.UnavailableCode, problem.GetProperty("code").GetString());
        Assert.Contains("authClientId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(services.GetRequiredService<OfficerAuthenticator>().Authenticate(Request(services, header, value).Request));
    }

    [Theory]
    [InlineData("True")]
    [InlineData("true")]
    [InlineData(" TRUE ")]
    public async Task Middleware_PrincipalWithAppServiceAuthenticationOn_IsHonoured(string websiteAuthEnabled)
    {
        using var services = Services(websiteAuthEnabled);
        var http = Request(services, OfficerAuthenticator.AppServicePrincipalHeader, ForgedPrincipal);
        var reached = false;

        await new OfficerAccessMiddleware(services.GetRequiredService<OfficerAccess>())
            .Invoke(Invocation(services, http), _ => { reached = true; return Task.CompletedTask; });
        await Execute(ActivatorUtilities.CreateInstance<OfficerFunctions>(services).GetMe(http.Request), http);

        Assert.True(reached);
        var me = Body(http);
        Assert.Equal("1", me.GetProperty("officer").GetProperty("id").GetString());
        Assert.Contains("Admin", me.GetProperty("officer").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("officerAccess").GetProperty("available").GetBoolean());
        Assert.Equal("/.auth/login/aad", me.GetProperty("officerAccess").GetProperty("signIn").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Me_AppServiceAuthenticationOff_SaysWhyOfficersCannotSignIn()
    {
        using var services = Services(websiteAuthEnabled: null);
        var http = Request(services);

        await Execute(ActivatorUtilities.CreateInstance<OfficerFunctions>(services).GetMe(http.Request), http);

        var access = Body(http).GetProperty("officerAccess");
        Assert.False(access.GetProperty("available").GetBoolean());
        Assert.Equal("AppService", access.GetProperty("mode").GetString());
        Assert.Contains("App Service Authentication", access.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_EnterpriseRequestWithoutAppServiceAuthentication_PassesThrough()
    {
        using var services = Services(websiteAuthEnabled: null);
        var http = Request(services, "X-Access-Token", "some-token");
        var reached = false;

        await new OfficerAccessMiddleware(services.GetRequiredService<OfficerAccess>())
            .Invoke(Invocation(services, http), _ => { reached = true; return Task.CompletedTask; });

        Assert.True(reached);
    }

    [Fact]
    public void Authenticate_PrincipalWithoutUnitClaim_HasNoUnitScopedAccess()
    {
        using var services = Services("True");
        var officer = services.GetRequiredService<OfficerAuthenticator>().Authenticate(Request(services, OfficerAuthenticator.AppServicePrincipalHeader,
            Principal("""{"claims":[{"typ":"name","val":"An"},{"typ":"oid","val":"7"},{"typ":"roles","val":"Leader"}]}""")).Request);

        Assert.NotNull(officer);
        Assert.Equal("", officer.Unit);
        Assert.False(officer.Covers("skhcn"));
        Assert.False(officer.Covers(""));
    }

    [Fact]
    public void Current_OidcModeOnTheFunctionsApp_IsUnavailable()
    {
        using var services = Services("True", mode: "Oidc");

        var state = services.GetRequiredService<OfficerAccess>().Current();

        Assert.False(state.Available);
        Assert.False(state.TrustsPrincipalHeader);
    }

    [Fact]
    public void Current_StandaloneHostInAppServiceMode_NeverTrustsThePrincipalHeader()
    {
        // Even with the platform's setting present (copied into an on-premises environment), nothing strips the header there.
        using var services = Services("True", more: s => s.Replace(ServiceDescriptor.Singleton(OfficerHost.Standalone)));
        var access = services.GetRequiredService<OfficerAccess>();

        var refusal = access.Refusal(Request(services, OfficerAuthenticator.AppServicePrincipalHeader, ForgedPrincipal).Request);

        Assert.False(access.Current().Available);
        Assert.NotNull(refusal);
        Assert.Null(services.GetRequiredService<OfficerAuthenticator>().Authenticate(
            Request(services, OfficerAuthenticator.AppServicePrincipalHeader, ForgedPrincipal).Request));
    }

    [Fact]
    public void Verify_UnknownAuthMode_Refuses()
    {
        var services = new ServiceCollection();
        services.AddOptions<OfficerAuthOptions>().Configure(o => o.Mode = "Header");
        services.AddOptions<DeadlineOptions>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => StartupGuards.Verify(provider, "Development"));

        Assert.Contains("Nscl:Auth:Mode=Header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "nscl")]
    [InlineData("not a url", "nscl")]
    [InlineData("https://sso.example.vn/realms/danang", null)]
    [InlineData("http://sso.example.vn/realms/danang", "nscl")]
    public void AddNsclOfficerSignIn_OidcWithoutUsableIssuerOrClient_RefusesToStart(string? authority, string? clientId)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nscl:Auth:Mode"] = "Oidc",
            ["Nscl:Auth:Oidc:Authority"] = authority,
            ["Nscl:Auth:Oidc:ClientId"] = clientId,
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNsclOfficerSignIn());

        Assert.Contains("Nscl:Auth:Oidc:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNsclOfficerSignIn_StandaloneHost_NeverTheFunctionsApp()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Services.AddNsclApplication(TestComposition.Configuration());

        builder.AddNsclOfficerSignIn();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Same(OfficerHost.Standalone, services.GetRequiredService<OfficerHost>());
    }

    [Theory]
    [InlineData("/can-bo/ho-so.html?id=abc", "/can-bo/ho-so.html?id=abc")]
    [InlineData("/", "/")]
    [InlineData("//evil.example", OfficerSignIn.DefaultNext)]
    [InlineData("/\\evil.example", OfficerSignIn.DefaultNext)]
    [InlineData("/a\\b", OfficerSignIn.DefaultNext)]
    [InlineData("https://evil.example/", OfficerSignIn.DefaultNext)]
    [InlineData("javascript:alert(1)", OfficerSignIn.DefaultNext)]
    [InlineData("/\tevil", OfficerSignIn.DefaultNext)]
    [InlineData("", OfficerSignIn.DefaultNext)]
    [InlineData(null, OfficerSignIn.DefaultNext)]
    public void SameOriginPath_Next_OnlyPathsOfThisSite(string? next, string expected)
    {
        Assert.Equal(expected, OfficerSignIn.SameOriginPath(next));
    }

    [Theory]
    [InlineData("L%C3%AA%20V%C4%83n%20C%C3%A1n; Leader; skhcn", "Lê Văn Cán")]
    [InlineData("chuyen.vien; Officer", "chuyen.vien")]
    [InlineData("%E2%80%AEnimdA; Admin", null)] // a bidi override, even encoded, is no name
    public void Authenticate_DevelopmentHeader_NameTravelsPercentEncoded(string header, string? expectedName)
    {
        // Header values are ASCII on the wire (browsers refuse Vietnamese letters such as ă, ơ, đ in a header): the
        // development sign-in page percent-encodes the name, and the authenticator decodes it.
        using var services = Services(null, "Development");
        var http = Request(services, OfficerAuthenticator.DevelopmentHeader, header);
        http.Request.Method = "POST";
        http.Request.Headers["X-Requested-With"] = "nscl";

        var officer = services.GetRequiredService<OfficerAuthenticator>().Authenticate(http.Request);

        Assert.Equal(expectedName, officer?.Name);
    }

    static ServiceProvider Services(string? websiteAuthEnabled, string mode = "AppService", Action<IServiceCollection>? more = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Nscl:AccessLinks:SigningKey"] = "test-only-signing-key-0123456789abcdef",
            ["Nscl:Auth:Mode"] = mode,
        };
        if (websiteAuthEnabled is not null)
        {
            values["WEBSITE_AUTH_ENABLED"] = websiteAuthEnabled;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNsclApplication(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    static DefaultHttpContext Request(IServiceProvider services, string? header = null, string? value = null)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "GET";
        http.Response.Body = new MemoryStream();
        if (header is not null)
        {
            http.Request.Headers[header] = value;
        }

        return http;
    }

    static FakeFunctionContext Invocation(IServiceProvider services, HttpContext http)
    {
        var context = new FakeFunctionContext(services);
        context.Items["HttpRequestContext"] = http;
        return context;
    }

    static Task Execute(IActionResult result, HttpContext http) =>
        result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

    static JsonElement Body(HttpContext http) => JsonDocument.Parse(((MemoryStream)http.Response.Body).ToArray()).RootElement.Clone();

    static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
