using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

public class HealthTests
{
    [Fact]
    public async Task Health_StorageGoesAway_Returns503AndTheHostStillStopsPromptlyAndCleanly()
    {
        // Its own Azurite, so stopping it does not disturb the other tests.
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var host = new LocalHostProcess(azurite.ConnectionString, "healthdown");
        await host.StartAsync();

        await azurite.DisposeAsync();
        using var response = await host.Http.GetAsync("/api/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("storage").GetProperty("healthy").GetBoolean());

        // Ctrl+C after storage has gone (start-local.sh used to stop Azurite first): the durable backend's lease release
        // cannot reach storage; the host must still exit within its stop budget, with code 0 and no unhandled exception.
        var watch = Stopwatch.StartNew();
        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(45));
        watch.Stop();
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the host took {watch.Elapsed.TotalSeconds:F1} s to stop without storage:\n{host.Output}");
    }
}

[Collection(AzuriteCollection.Name)]
public class StalledBackendHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_WorkflowPendingLongerThanTheAlertAge_Returns503DegradedNamingIt()
    {
        const string hub = "healthstall";
        await using var host = new LocalHostProcess(azurite.ConnectionString, hub, extra: new Dictionary<string, string>
        {
            ["Nscl__Health__WorkflowWaitAlertAfter"] = "00:01:00",
        });
        await host.StartAsync();
        using (var before = await host.Http.GetAsync("/api/health"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // What the provider holds when a start message was never dispatched: the instance row, Pending, created long ago.
        var instances = new TableClient(azurite.ConnectionString, hub + "Instances");
        var stalled = new TableEntity("stalled-" + Guid.NewGuid().ToString("N"), string.Empty)
        {
            ["Name"] = "ApplicationWorkflow",
            ["RuntimeStatus"] = "Pending",
            ["CreatedTime"] = DateTime.UtcNow.AddMinutes(-3),
            ["LastUpdatedTime"] = DateTime.UtcNow.AddMinutes(-3),
            ["ExecutionId"] = Guid.NewGuid().ToString("N"),
        };
        await instances.AddEntityAsync(stalled);

        using var response = await host.Http.GetAsync("/api/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storage").GetProperty("healthy").GetBoolean());
        Assert.Equal(stalled.PartitionKey, body.GetProperty("waiting").GetProperty("oldestPendingInstance").GetString());

        // A fresh pending start (created now) is normal: no alarm.
        stalled["CreatedTime"] = DateTime.UtcNow;
        await instances.UpdateEntityAsync(stalled, Azure.ETag.All, TableUpdateMode.Replace);
        using var after = await host.Http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await instances.DeleteEntityAsync(stalled.PartitionKey, stalled.RowKey);
    }
}
