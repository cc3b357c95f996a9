using System.Net;
using System.Net.Http.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

[Collection(LongLifecycleCollection.Name)]
public class DurabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Workflow_HostKilledWhileTimerPending_ResumesAfterRestartAndRunsReceiptOnce()
    {
        // One working day = 3 s: the enterprise gets 5 working days (15 s) to supplement; nobody does, and the host is
        // killed while that deadline's timer is pending. After a restart the deadline still fires: withdrawn.
        const string hub = "durabilitykill";
        var storage = new StorageProbe(azurite.ConnectionString);
        await using var host = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromSeconds(3));
        await host.StartAsync();

        var (status, created) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()));
        Assert.Equal(201, status);
        var id = created.GetProperty("applicationId").GetString()!;
        var statusUrl = created.GetProperty("statusUrl").GetString()!;
        var token = created.GetProperty("accessToken").GetString();
        await host.WaitForStatusAsync(statusUrl, "AwaitingCompletenessReview", TimeSpan.FromSeconds(30), token);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/actions/request-supplementation")
        {
            Content = JsonContent.Create(new { missingItems = new[] { "Báo cáo tài chính năm 2025" }, workingDays = 5 }),
        };
        request.Headers.Add("X-Nscl-Dev-Officer", "officer.a; Officer");
        request.Headers.Add("X-Requested-With", "nscl");
        using (var response = await host.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var waiting = await host.WaitForStatusAsync(statusUrl, "SupplementationRequested", TimeSpan.FromSeconds(30), token);
        var deadline = waiting.GetProperty("nextDueUtc").GetDateTimeOffset();
        await LocalHostProcess.EventuallyAsync(
            () => storage.HistoryAsync(hub, "application-" + id),
            h => h.Count(e => e.GetString("EventType") == "TimerCreated") >= 2,
            TimeSpan.FromSeconds(10),
            "the workflow records the supplementation timer");

        host.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(killedAt < deadline, $"the host must die while the timer is pending (killed {killedAt:O}, deadline {deadline:O})");
        Assert.NotEqual(0, host.ExitCode);

        await host.StartAsync();
        var expired = await host.WaitForStatusAsync(statusUrl, "Expired", TimeSpan.FromSeconds(90), token);
        Assert.True(expired.GetProperty("updatedAtUtc").GetDateTimeOffset() >= deadline.AddSeconds(-1));

        var audit = await storage.AuditAsync(id);
        Assert.Single(audit, e => e.GetString("Kind") == "ReceiptAcknowledged");
        Assert.Single(audit, e => e.GetString("Kind") == "SupplementationRequested");
        Assert.Single(audit, e => e.GetString("Kind") == "SupplementationExpired");

        var history = await LocalHostProcess.EventuallyAsync(
            () => storage.HistoryAsync(hub, "application-" + id),
            h => h.Any(e => e.GetString("EventType") == "ExecutionCompleted"),
            TimeSpan.FromSeconds(30),
            "the workflow completes");
        Assert.Single(history, e => e.GetString("EventType") == "ExecutionCompleted");
    }

    [Fact]
    public async Task Host_Sigterm_ShutsDownCleanlyWithExitCodeZero()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "durablestop");
        await host.StartAsync();

        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(45));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{host.Output}");
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Durable backend stopped", host.Output, StringComparison.Ordinal);
    }
}
