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
