using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>
/// A month-long wait on Azurite: Azure Storage queues cannot hold a message for more than 7 days, so the worker must
/// split a long timer into pieces the queue can hold (3 days by default). Check-ins three months apart depend on it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class LongTimerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_ThirtyDaysAhead_IsScheduledInPiecesTheQueueCanHoldAndTheEventStillArrives()
    {
        const string hub = "longtimer";
        await using var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, hub, tasks =>
            tasks.AddOrchestratorFunc<int, string>("WaitAMonth", async (ctx, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var report = ctx.WaitForExternalEvent<string>("Report");
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), cancel.Token);
                var first = await Task.WhenAny(report, deadline);
#pragma warning disable CA1849
                cancel.Cancel();
#pragma warning restore CA1849
                return first == report ? await report : "deadline";
            }));

        var id = await backend.Client.ScheduleNewOrchestrationInstanceAsync("WaitAMonth", 0);
        var storage = new StorageProbe(azurite.ConnectionString);
        var history = await LocalHostProcess.EventuallyAsync(
            () => storage.HistoryAsync(hub, id),
            h => h.Any(e => e.GetString("EventType") == "TimerCreated"),
            TimeSpan.FromSeconds(30),
            "the timer is created");

        var fireAt = history.Where(e => e.GetString("EventType") == "TimerCreated").Select(e => e.GetDateTime("FireAt")!.Value).ToList();
        Assert.All(fireAt, at => Assert.True(at < DateTime.UtcNow.AddDays(7), $"a timer at {at:O} is beyond the queue's 7-day limit"));

        await backend.Client.RaiseEventAsync(id, "Report", "báo cáo kỳ 1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await backend.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("báo cáo kỳ 1", done.ReadOutputAs<string>());
    }
}
