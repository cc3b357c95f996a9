using System.Diagnostics;
using System.Net;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Web;

/// <summary>
/// The development host answers loopback names only (a DNS-rebinding page cannot read /dev/outbox.json, which holds
/// every access link), and the sign-in page's next= goes to paths of this site only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DevelopmentHostTests(AzuriteFixture azurite)
{
    // The host of WebApiTests (same task hub and settings): no extra process.
    Task<LocalHostProcess> HostAsync() => azurite.SharedHostAsync("webapi", TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:7071")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task Outbox_HostNameNotLoopback_Refused400(string hostHeader)
    {
        var host = await HostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox.json");
        request.Headers.Host = hostHeader;

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\"messages\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Outbox_LoopbackHostName_Answers(string name)
    {
        var host = await HostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox.json");
        request.Headers.Host = $"{name}:{host.Port}";

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_DevelopmentHost_NamesTheDevelopmentSignIn()
    {
        var host = await HostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("X-Nscl-Dev-Officer", "nguyen.van.an; Leader; skhcn");

        using var response = await host.Http.SendAsync(request);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Development", me.GetProperty("officerAccess").GetProperty("mode").GetString());
        Assert.Equal("nguyen.van.an", me.GetProperty("officer").GetProperty("id").GetString());
    }

    /// <summary>The page's own check (web/js/session.js sameOriginPath), run by node as the browser runs it.</summary>
    [Fact]
    public async Task SignInNext_PageCheck_AcceptsPathsOfThisSiteOnly()
    {
        string[] accepted = ["/can-bo/ho-so.html?id=abc", "/can-bo/hop-thu.html", "/"];
        string[] refused = ["/\\evil.example", "//evil.example", "///evil.example", "https://evil.example/", "javascript:alert(1)",
            "JaVaScRiPt:alert(1)", "/\tevil", "/ x", "hop-thu.html", "", "\\\\evil.example"];

        var results = await RunPageCheckAsync([.. accepted, .. refused]);

        Assert.Equal(accepted, results[..accepted.Length]);
        Assert.All(results[accepted.Length..], Assert.Null);
    }

    static async Task<string?[]> RunPageCheckAsync(string[] cases)
    {
        var module = new Uri(Path.Combine(RepositoryRoot.Find(), "web", "js", "session.js")).AbsoluteUri;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--no-warnings", "--input-type=module", "-e",
            "const { sameOriginPath } = await import(process.argv[1]); "
                + "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((c) => sameOriginPath(c, 'http://127.0.0.1:7071'))));",
            module, JsonSerializer.Serialize(cases),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node failed: {error}");
        return JsonSerializer.Deserialize<string?[]>(output)!;
    }
}
