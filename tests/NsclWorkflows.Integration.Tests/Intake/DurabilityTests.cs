using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public class DurabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Workflow_HostKilledWhileTimerPending_ResumesAfterRestartAndRunsReceiptOnce()
    {
        // One working day = 3 s, so the completeness review deadline (5 working days) is 15 s after submission.
        const string hub = "durabilitykill";
        var storage = new StorageProbe(azurite.ConnectionString);
        await using var host = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromSeconds(3));
        await host.StartAsync();

        var (status, created) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()));
        Assert.Equal(201, status);
        var id = created.GetProperty("applicationId").GetString()!;
        var statusUrl = created.GetProperty("statusUrl").GetString()!;
        var deadline = created.GetProperty("completenessDeadlineUtc").GetDateTimeOffset();

        await host.WaitForStatusAsync(statusUrl, "AwaitingCompletenessReview", TimeSpan.FromSeconds(30));
        var history = await LocalHostProcess.EventuallyAsync(
            () => storage.HistoryAsync(hub, "application-" + id),
            h => h.Any(e => e.GetString("EventType") == "TimerCreated"),
            TimeSpan.FromSeconds(10),
            "the workflow records its deadline timer");

        host.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(killedAt < deadline, $"the host must die while the timer is pending (killed {killedAt:O}, deadline {deadline:O})");
        Assert.NotEqual(0, host.ExitCode);

        await host.StartAsync();
        var expired = await host.WaitForStatusAsync(statusUrl, "Expired", TimeSpan.FromSeconds(60));
        Assert.True(expired.GetProperty("decidedAtUtc").GetDateTimeOffset() >= deadline.AddSeconds(-1));

        var audit = await storage.AuditAsync(id);
        Assert.Single(audit, e => e.GetString("Kind") == "ReceiptAcknowledged");
        Assert.DoesNotContain(audit, e => e.GetString("Kind") == "ReceiptAcknowledgedAgain");
        Assert.Single(audit, e => e.GetString("Kind") == "Expired");

        // The application row says Expired once the last activity ran; the orchestration commits its end just after.
        history = await LocalHostProcess.EventuallyAsync(
            () => storage.HistoryAsync(hub, "application-" + id),
            h => h.Any(e => e.GetString("EventType") == "ExecutionCompleted"),
            TimeSpan.FromSeconds(15),
            "the workflow completes");
        Assert.Single(history, e => e.GetString("EventType") == "TaskScheduled" && e.GetString("Name") == "AcknowledgeReceiptActivity");
        Assert.Single(history, e => e.GetString("EventType") == "TimerFired");
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
