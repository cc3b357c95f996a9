using System.Net;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Auth;

/// <summary>
/// The standalone host in Production without OIDC configured (<c>Nscl:Auth:Mode=AppService</c>, the appsettings.json
/// default): nothing in front of it can vouch for an officer, so nobody signs in as one. Enterprises are served;
/// /api/health and /api/me say why officers cannot sign in; officer headers are refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class NoOfficerAccessTests(AzuriteFixture azurite)
{
    const string Hub = "noofficeraccess";

    Task<LocalHostProcess> HostAsync() => azurite.SharedHostAsync(Hub, () =>
        LocalHostProcess.Production(azurite.ConnectionString, Hub, new Dictionary<string, string>()));

    [Fact]
    public async Task Health_NoOfficerAccess_HealthyAndSaysWhy()
    {
        var host = await HostAsync();

        var health = await host.GetJsonAsync("/api/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var access = health.GetProperty("officerAccess");
        Assert.False(access.GetProperty("available").GetBoolean());
        Assert.Contains("Nscl:Auth:Mode=Oidc", access.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OidcSignInTests.ForgedHeaders), MemberType = typeof(OidcSignInTests))]
    public async Task ForgedOfficerHeader_NoOfficerAccess_Refused401WithTheReason(string header, string value)
    {
        var host = await HostAsync();
        var (id, token) = await new LifecycleClient(host.Http).SubmitAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/access-link");
        request.Headers.Add(header, value);
        request.Headers.Add("X-Requested-With", "nscl");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("officer_sign_in_unavailable", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        // The enterprise's own link still works: enterprise endpoints are unaffected.
        using var own = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
        own.Headers.Add("X-Access-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task SignInRoute_NoOfficerAccess_IsNotThere()
    {
        var host = await HostAsync();

        using var response = await host.Http.GetAsync("/auth/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
