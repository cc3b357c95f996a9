using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.LoadTest;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Performance;

/// <summary>
/// The load-test harness (benchmarks/NsclWorkflows.LoadTest) in its smoke mode against the real standalone host: it
/// runs and reports every request kind. Never a timing assertion: the numbers belong in docs/benchmarks.md.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class LoadTestSmokeTests(AzuriteFixture azurite, ITestOutputHelper log)
{
    // Parsing only (no request is sent even if the check broke): TEST-NET and reserved names.
    [Theory]
    [InlineData("http://192.0.2.1:7071")]
    [InlineData("http://example.invalid")]
    [InlineData("http://localhost.example.invalid:7071")]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://[2001:db8::1]:7071")]
    public void Parse_NonLoopbackBaseUrl_RefusedWithReason(string baseUrl)
    {
        var refused = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--base-url", baseUrl]));

        Assert.Contains("is not loopback", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://127.8.9.10:7071")]
    [InlineData("http://localhost:7071")]
    [InlineData("http://[::1]:7071")]
    public void Parse_LoopbackBaseUrl_Accepted(string baseUrl) =>
        Assert.Equal(new Uri(baseUrl).Port, LoadTestOptions.Parse(["--base-url", baseUrl]).BaseUrl.Port);

    [Fact]
    public async Task Smoke_AgainstTheStandaloneHost_EveryKindSucceedsAtLeastOnce_No5xx()
    {
        var host = await azurite.SharedHostAsync("loadsmoke", TimeSpan.FromMinutes(10));
        var json = Path.Combine(Path.GetTempPath(), $"load-smoke-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        try
        {
            var exit = await LoadTestRunner.MainAsync(["--base-url", $"http://127.0.0.1:{host.Port}", "--smoke", "--json", json], output, CancellationToken.None);

            var printed = output.ToString();
            log.WriteLine(printed);
            Assert.True(exit == 0, printed);
            var report = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(await File.ReadAllTextAsync(json));
            var kinds = report.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
            Assert.Equal(["action", "health", "inbox", "status", "submit"], kinds.Keys.Order());
            foreach (var (name, kind) in kinds)
            {
                Assert.True(kind.GetProperty("successes").GetInt32() >= 1, $"{name} had no 2xx answer:\n{printed}");
                Assert.DoesNotContain(kind.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith('5'));
                Assert.Contains(name, printed, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(json);
        }
    }
}
