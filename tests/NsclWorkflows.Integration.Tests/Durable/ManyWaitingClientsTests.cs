using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>
/// The stall of a fresh host (issue 18): with the worker and the client on one HTTP/2 connection to the sidecar,
/// more than 100 client calls that wait (Kestrel's limit of concurrent streams per connection) left the worker no
/// stream for its completions, and no workflow could ever finish. Waits must never starve the worker.
/// </summary>
[Collection(LongLifecycleCollection.Name)]
public class ManyWaitingClientsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Workflows_MoreClientWaitsThanStreamsPerConnection_AllComplete()
    {
        const int count = 130;
        // Each workflow waits on a durable timer, long enough for all the client waits to be open, then calls an activity.
        // (An external event raised at once to 130 instances just scheduled is a different matter: one that reaches its
        // instance before the instance has started can be dropped by the provider, which the API avoids by raising only
        // to running workflows; this test is about the waits.)
        await using var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, "manywaits", tasks => tasks
            .AddOrchestratorFunc<int, int>("WaitThenPing", async (ctx, input) =>
            {
                await ctx.CreateTimer(TimeSpan.FromSeconds(10), CancellationToken.None);
                return await ctx.CallActivityAsync<int>("PingOnce", input);
            })
            .AddActivityFunc<int, int>("PingOnce", (_, input) => input + 1));

        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => backend.Client.ScheduleNewOrchestrationInstanceAsync("WaitThenPing", i)));

        // Every wait is a call held open on the client's channel until its workflow finishes. The bound only has to catch
        // the starvation, which never finishes: alone this takes ~30 s, beside the whole suite on 2 cores it has taken
        // over 120 s (fresh-clone CI of 2 December 04:05).
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var waits = ids.Select(id => backend.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, bound.Token)).ToList();

        var finished = await Task.WhenAll(waits);
        Assert.All(finished, m => Assert.Equal(OrchestrationRuntimeStatus.Completed, m.RuntimeStatus));
        Assert.Equal(Enumerable.Range(1, count), finished.Select(m => m.ReadOutputAs<int>()).Order());
    }
}
