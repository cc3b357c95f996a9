using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Auth;

/// <summary>
/// The standalone host as installed on premises: Production environment, officers signing in with OpenID Connect
/// (ASP.NET Core's real handlers, code flow with PKCE, cookie session) against <see cref="TestOidcIssuer"/>. One host
/// process for the class. Headers that other modes trust do nothing here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OidcSignInTests(AzuriteFixture azurite, TestOidcIssuer issuer) : IClassFixture<TestOidcIssuer>
{
    const string Hub = "oidcsignin";
    const string LeaderId = "5f1c2b9e-0000-4000-8000-00000000a001";

    static readonly Dictionary<string, object> Leader = new()
    {
        ["sub"] = "pairwise-subject-leader",
        ["oid"] = LeaderId,
        ["name"] = "Lê Văn Lãnh",
        ["roles"] = new[] { "Leader" },
        ["unit"] = "skhcn",
    };

    Task<LocalHostProcess> HostAsync() => azurite.SharedHostAsync(Hub, () =>
        LocalHostProcess.ProductionWithOidc(azurite.ConnectionString, Hub, issuer.Authority, TestOidcIssuer.ClientId, TestOidcIssuer.ClientSecret));

    [Fact]
    public async Task SignIn_AsLeader_ActsAsLeaderUntilSignedOut()
    {
        var host = await HostAsync();
        var browser = new Browser(host);
        issuer.User = Leader;

        var signIn = await browser.NavigateAsync(HttpMethod.Get, "/auth/sign-in?next=%2Fcan-bo%2Fhop-thu.html");

        Assert.Equal("/can-bo/hop-thu.html", signIn.FinalPath);
        Assert.Contains(issuer.Log, l => l.StartsWith("authorize pkce=S256", StringComparison.Ordinal));
        Assert.Contains("token ok", issuer.Log);
        var sessionCookie = Assert.Single(signIn.SetCookies, c => c.StartsWith("nscl-officer=", StringComparison.Ordinal));
        Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", sessionCookie, StringComparison.OrdinalIgnoreCase);

        var me = await browser.GetJsonAsync("/api/me");
        Assert.Equal(LeaderId, me.GetProperty("officer").GetProperty("id").GetString());
        Assert.Equal("Lê Văn Lãnh", me.GetProperty("officer").GetProperty("name").GetString());
        Assert.Equal("skhcn", me.GetProperty("officer").GetProperty("unit").GetString());
        var inbox = await browser.GetJsonAsync("/api/inbox");
        Assert.Contains("Leader", inbox.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // A leader-only action, with the pages' CSRF header: accepted. Without it the cookie does not count.
        var (report, reportBody) = await browser.SendAsync(HttpMethod.Post, "/api/reports/year-end/2025", csrf: true);
        Assert.True(report == HttpStatusCode.Accepted, $"year-end report as the leader: {(int)report} {reportBody}");
        var (forged, _) = await browser.SendAsync(HttpMethod.Post, "/api/reports/year-end/2025", csrf: false);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);

        // Sign-out as the page does it (fetch with the CSRF header); a cross-site form cannot sign the officer out.
        var (crossSite, _) = await browser.SendAsync(HttpMethod.Post, "/auth/sign-out", csrf: false, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite);
        Assert.True((await browser.GetJsonAsync("/api/me")).TryGetProperty("officer", out _));
        var (signedOut, answer) = await browser.SendAsync(HttpMethod.Post, "/auth/sign-out");
        Assert.Equal(HttpStatusCode.OK, signedOut);
        var providerSignOut = JsonDocument.Parse(answer).RootElement.GetProperty("location").GetString()!;
        Assert.StartsWith(issuer.Authority + "/end-session?", providerSignOut, StringComparison.Ordinal);
        var signOut = await browser.NavigateAsync(HttpMethod.Get, providerSignOut);

        Assert.Equal("/can-bo/dang-nhap.html", signOut.FinalPath);
        Assert.Contains("end-session hint=yes", issuer.Log);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "nscl-officer");
        var (after, _) = await browser.SendAsync(HttpMethod.Get, "/api/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task SignIn_WithoutUnitClaim_SeesNoUnitData()
    {
        var host = await HostAsync();
        var (id, _) = await new LifecycleClient(host.Http).SubmitAsync();
        var leader = new Browser(host);
        issuer.User = Leader;
        await leader.NavigateAsync(HttpMethod.Get, "/auth/sign-in");
        var unitless = new Browser(host);
        issuer.User = new Dictionary<string, object>
        {
            ["sub"] = "pairwise-subject-no-unit",
            ["oid"] = "5f1c2b9e-0000-4000-8000-00000000a002",
            ["name"] = "Trần Không Đơn Vị",
            ["roles"] = new[] { "Leader", "Appraiser" },
        };

        await unitless.NavigateAsync(HttpMethod.Get, "/auth/sign-in");

        // The unit's leader reads the application (once the workflow has recorded it); the officer without a unit does not.
        await LocalHostProcess.EventuallyAsync(() => leader.SendAsync(HttpMethod.Get, $"/api/applications/{id}"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), $"the leader of skhcn reads {id}");
        var me = await unitless.GetJsonAsync("/api/me");
        Assert.Equal("", me.GetProperty("officer").GetProperty("unit").GetString());
        var (mine, _) = await unitless.SendAsync(HttpMethod.Get, $"/api/applications/{id}");
        Assert.Equal(HttpStatusCode.NotFound, mine);
        var inbox = await unitless.GetJsonAsync("/api/inbox");
        Assert.Equal(0, inbox.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task SignIn_TokenWithoutIdClaim_IsRefused()
    {
        var host = await HostAsync();
        var browser = new Browser(host);
        issuer.User = new Dictionary<string, object> { ["name"] = "Không Có Mã", ["roles"] = new[] { "Admin" } };

        var signIn = await browser.NavigateAsync(HttpMethod.Get, "/auth/sign-in");

        Assert.Equal("/can-bo/dang-nhap.html", signIn.FinalPath);
        Assert.EndsWith("#error=sign_in_failed", signIn.Locations[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "nscl-officer");
        Assert.False((await browser.GetJsonAsync("/api/me")).TryGetProperty("officer", out _));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_NextOffThisSite_LandsOnTheInbox(string next)
    {
        var host = await HostAsync();
        var browser = new Browser(host);
        issuer.User = Leader;

        var signIn = await browser.NavigateAsync(HttpMethod.Get, "/auth/sign-in?next=" + Uri.EscapeDataString(next));

        Assert.Equal("/can-bo/hop-thu.html", signIn.FinalPath);
    }

    [Theory]
    [InlineData("/auth/callback?code=forged&state=forged")]
    [InlineData("/auth/callback?error=access_denied&state=x")]
    [InlineData("/auth/callback")]
    [InlineData("/auth/signed-out?state=forged")]
    public async Task Callback_ForgedOrBroken_NoSessionNoServerError(string path)
    {
        var host = await HostAsync();
        var browser = new Browser(host);

        var answer = await browser.NavigateAsync(HttpMethod.Get, path);

        Assert.Equal("/can-bo/dang-nhap.html", answer.FinalPath);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "nscl-officer");
    }

    public static TheoryData<string, string> ForgedHeaders() => new()
    {
        { "X-MS-CLIENT-PRINCIPAL", ForgedPrincipal },
        { "X-Nscl-Dev-Officer", "quan.tri; Admin; skhcn" },
        { "X-Nscl-Dev-Officer", "ke.toan; Accountant; skhcn" },
    };

    /// <summary>The issue's forged App Service principal: an Admin with an object id.</summary>
    public static string ForgedPrincipal => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        """{"claims":[{"typ":"name","val":"x"},{"typ":"oid","val":"1"},{"typ":"roles","val":"Admin"}]}"""));

    [Theory]
    [MemberData(nameof(ForgedHeaders))]
    public async Task ForgedOfficerHeader_ProductionHost_IsRefused(string header, string value)
    {
        var host = await HostAsync();
        var (id, token) = await new LifecycleClient(host.Http).SubmitAsync();

        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, "/api/inbox"), (HttpMethod.Post, $"/api/applications/{id}/access-link"), (HttpMethod.Get, $"/api/applications/{id}"),
            (HttpMethod.Post, $"/api/applications/{id}/actions/record-payment"),
        })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add(header, value);
            request.Headers.Add("X-Requested-With", "nscl");
            using var response = await host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} with {header}: {(int)response.StatusCode} {body}");
            Assert.Equal("officer_credentials_not_accepted", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }

        // The link was not rotated: the enterprise's token still opens the application.
        using var check = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
        check.Headers.Add("X-Access-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(check)).StatusCode);
    }

    [Fact]
    public async Task Health_OidcMode_SaysOfficersCanSignIn()
    {
        var host = await HostAsync();

        var health = await host.GetJsonAsync("/api/health");

        var access = health.GetProperty("officerAccess");
        Assert.True(access.GetProperty("available").GetBoolean());
        Assert.Equal("Oidc", access.GetProperty("mode").GetString());
        Assert.Equal("/auth/sign-in", access.GetProperty("signIn").GetProperty("url").GetString());
    }

    /// <summary>A browser's view of the host: a cookie jar, redirects followed one by one (so each Set-Cookie is seen).</summary>
    sealed class Browser
    {
        readonly HttpClient http;

        public Browser(LocalHostProcess host) : this(host, new CookieContainer())
        {
        }

        Browser(LocalHostProcess host, CookieContainer cookies)
        {
            this.host = host;
            Cookies = cookies;
            http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true });
        }

        readonly LocalHostProcess host;

        public CookieContainer Cookies { get; }

        Uri Url(string path) => new($"http://127.0.0.1:{host.Port}{path}");

        public async Task<Navigation> NavigateAsync(HttpMethod method, string path)
        {
            var url = path.StartsWith("http", StringComparison.Ordinal) ? new Uri(path) : Url(path);
            var setCookies = new List<string>();
            var locations = new List<string>();
            for (var hop = 0; hop < 10; hop++)
            {
                using var request = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                {
                    // A form POST from the page: the browser sends the page's origin.
                    request.Headers.Add("Origin", $"http://127.0.0.1:{host.Port}");
                }

                using var response = await http.SendAsync(request);
                setCookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    locations.Add(location.OriginalString);
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    method = HttpMethod.Get;
                    continue;
                }

                Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return new Navigation(url.AbsolutePath, setCookies, locations);
            }

            throw new InvalidOperationException($"Too many redirects from {path}: {string.Join(" → ", locations)}");
        }

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, bool csrf = true, string? origin = null)
        {
            using var request = new HttpRequestMessage(method, Url(path));
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            if (csrf)
            {
                request.Headers.Add("X-Requested-With", "nscl");
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonElement> GetJsonAsync(string path)
        {
            var (status, body) = await SendAsync(HttpMethod.Get, path);
            Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    sealed record Navigation(string FinalPath, List<string> SetCookies, List<string> Locations);
}
