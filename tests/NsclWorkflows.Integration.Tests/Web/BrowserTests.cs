using System.Diagnostics;
using NsclWorkflows.Integration.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Web;

/// <summary>
/// The browser tests (tests/web/*.test.mjs: node:test + playwright-core driving Debian's Chromium, axe-core checks)
/// against a standalone host with compressed time started here, so their results count with the others. Screenshots of
/// every page go to TestResults/screenshots (not committed).
/// </summary>
[Collection(BrowserCollection.Name)]
public class BrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData("validation.test.mjs")]
    [InlineData("lifecycle.test.mjs")]
    [InlineData("notifications.test.mjs")]
    [InlineData("links.test.mjs")]
    [InlineData("faults.test.mjs")]
    [InlineData("activities.test.mjs")]
    [InlineData("reports.test.mjs")]
    public async Task Pages_InChromium_Pass(string script)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (scripts/test.sh does it as root).");
        var prefix = "web" + Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(script));
        await using var host = new LocalHostProcess(azurite.ConnectionString, prefix, TimeSpan.FromSeconds(3),
            new Dictionary<string, string>
            {
                ["Nscl:Storage:TablePrefix"] = prefix,
                ["Nscl:Faults:DocumentKinds"] = script == "faults.test.mjs" ? "appraisal-record" : string.Empty, // only this script's host
            });
        await host.StartAsync();

        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=spec");
        start.ArgumentList.Add(Path.Combine("tests", "web", script));
        start.Environment["NSCL_BASE_URL"] = $"http://127.0.0.1:{host.Port}";
        start.Environment["NSCL_SCREENSHOTS"] = Path.Combine(root, "TestResults", "screenshots");
        start.Environment["CHROMIUM_PATH"] = Chromium;
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12)); // lifecycle.test.mjs also pages an inbox of 55 more files
        await node.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"{script} failed:\n{await stdout}\n{await stderr}\nHost output:\n{host.Output}");
    }
}
