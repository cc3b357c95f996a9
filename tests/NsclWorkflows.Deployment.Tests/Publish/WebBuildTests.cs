using System.Text.Json;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Publish;

/// <summary>
/// scripts/build-web.sh, which azd runs before deploying the pages to the Static Web App: a copy of web/ pointing at the
/// API, with officers signed in by App Service Authentication and the API allowed by the pages' CSP.
/// </summary>
public sealed class WebBuildTests : IDisposable
{
    readonly string output = Path.Combine(Path.GetTempPath(), $"nscl-web-{Guid.NewGuid():N}");

    static Task<ProcessResult> BuildAsync(string api, string output) =>
        ProcessRunner.RunAsync("bash", [Repository.PathOf("scripts", "build-web.sh"), "--api", api, "--out", output], Repository.Root, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Build_ForAnApiAddress_PointsThePagesAtItAndKeepsEverythingElse()
    {
        var result = await BuildAsync("https://func-nscl-prod.azurewebsites.net/", output);

        Assert.True(result.ExitCode == 0, result.Describe());
        var config = await File.ReadAllTextAsync(Path.Combine(output, "config.js"));
        Assert.Contains("apiBase: 'https://func-nscl-prod.azurewebsites.net',", config, StringComparison.Ordinal);
        Assert.Contains("officerSignIn: 'appservice',", config, StringComparison.Ordinal);
        using var swa = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "staticwebapp.config.json")));
        var csp = swa.RootElement.GetProperty("globalHeaders").GetProperty("Content-Security-Policy").GetString()!;
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("connect-src 'self' https://func-nscl-prod.azurewebsites.net", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.DoesNotContain("example.gov.vn", csp, StringComparison.Ordinal);

        var web = Repository.PathOf("web");
        var sources = Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(web, f)).Order().ToList();
        Assert.Equal(sources, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order());
        foreach (var file in sources.Where(f => f is not "config.js" and not "staticwebapp.config.json"))
        {
            var original = await File.ReadAllBytesAsync(Path.Combine(web, file));
            var copy = await File.ReadAllBytesAsync(Path.Combine(output, file));
            Assert.True(original.AsSpan().SequenceEqual(copy), file);
        }
    }

    [Theory]
    [InlineData("http://func-nscl.azurewebsites.net")]
    [InlineData("https://x.example';alert(1)//")]
    [InlineData("")]
    public async Task Build_WithoutAnHttpsOrigin_RefusesAndWritesNothing(string api)
    {
        var result = await BuildAsync(api, output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("https origin", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AzureYaml_WebService_DeploysWhatTheScriptBuilds()
    {
        var yaml = File.ReadAllText(Repository.PathOf("azure.yaml"));
        var web = yaml[yaml.IndexOf("\n  web:", StringComparison.Ordinal)..];

        Assert.Contains("project: ./web", web, StringComparison.Ordinal);
        Assert.Contains("host: staticwebapp", web, StringComparison.Ordinal);
        Assert.Contains("dist: ../build/web", web, StringComparison.Ordinal); // relative to project: <root>/build/web, the script's default
        Assert.Contains("run: bash ../scripts/build-web.sh", web, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': 'web'", File.ReadAllText(Repository.PathOf("infra", "app", "web.bicep")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
