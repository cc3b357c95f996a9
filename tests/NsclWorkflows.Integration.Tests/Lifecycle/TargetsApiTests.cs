using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// <c>GET /api/targets</c> on the standalone host, with its own tables: the II.2 targets move as applications are
/// approved, counted by the catalogue's measures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TargetsApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Targets_AfterAnApprovalOnLineIV1_CountOneTaskAndOneEnterprise_TfpNotMeasured()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "targetsapi", TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = "targetsapi" });
        await host.StartAsync();
        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync(amount: 150_000_000);
        var before = await TargetsAsync(client);

        await client.ApproveAsync(id, 150_000_000);
        // The programme counters are a projection written just after the step.
        var after = await LocalHostProcess.EventuallyAsync(() => TargetsAsync(client), t => t["st-tasks"].GetProperty("achieved").GetDecimal() == 1m,
            TimeSpan.FromMinutes(1), "the approval is counted");

        Assert.Equal((0m, 0m), (before["st-tasks"].GetProperty("achieved").GetDecimal(), before["enterprises-supported"].GetProperty("achieved").GetDecimal()));
        Assert.Equal(1m, after["st-tasks"].GetProperty("achieved").GetDecimal());
        Assert.Equal(1m, after["enterprises-supported"].GetProperty("achieved").GetDecimal());
        Assert.Equal(15m, after["enterprises-supported"].GetProperty("value").GetDecimal());
        Assert.False(after["enterprises-supported"].GetProperty("met").GetBoolean());
        Assert.Equal(0m, after["experts-certified"].GetProperty("achieved").GetDecimal());
        Assert.False(after["tfp-contribution-2025"].GetProperty("measured").GetBoolean());
        Assert.False(after["tfp-contribution-2025"].TryGetProperty("achieved", out _), "no figure for what the system does not count");
        Assert.False(after["tfp-contribution-2025"].TryGetProperty("met", out _));
    }

    [Theory]
    [InlineData("targets", "2019")]
    [InlineData("targets", "năm-nay")]
    [InlineData("budget", "2019")]
    [InlineData("budget", "-2025")]
    public async Task ProgrammeViews_YearOutsideTheProgramme_Return422WithAReason(string view, string year)
    {
        var host = await azurite.SharedHostAsync("targetsyear", TimeSpan.FromMinutes(10));
        var (status, problem) = await new LifecycleClient(host.Http).GetAsync($"/api/{view}?year={Uri.EscapeDataString(year)}", As.Leader);

        Assert.Equal(422, status);
        Assert.Equal("invalid_year", problem.GetProperty("code").GetString());
        Assert.Contains("Năm phải là số từ 2022 đến 2035", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    static async Task<Dictionary<string, JsonElement>> TargetsAsync(LifecycleClient client)
    {
        var (status, body) = await client.GetAsync("/api/targets?year=2025", As.Leader);
        Assert.Equal(200, status);
        return body.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
    }
}
