using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>
/// The start-if-absent helper on the standalone host's real backend (sidecar over Azure Storage on Azurite): the
/// backend itself refuses an id it knows, running or completed, so no status query is needed before a start.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DurableStartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartIfAbsent_SameIdAgainWhileRunningAndAfterCompletion_AlreadyExistsAndRunsOnce()
    {
        await using var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, "durablestart", tasks =>
            tasks.AddOrchestratorFunc<string, string>("Echo", async (ctx, input) =>
                input + ":" + await ctx.WaitForExternalEvent<string>("Go")));
        var id = $"start-{Guid.NewGuid():N}";

        var first = await DurableStart.StartIfAbsentAsync(backend.Client, "Echo", id, "first", CancellationToken.None);
        var whileRunning = await DurableStart.StartIfAbsentAsync(backend.Client, "Echo", id, "second", CancellationToken.None);
        await backend.Client.RaiseEventAsync(id, "Go", "done");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var completed = await backend.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var afterCompletion = await DurableStart.StartIfAbsentAsync(backend.Client, "Echo", id, "third", CancellationToken.None);
        var still = await backend.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Equal((DurableStartOutcome.Started, DurableStartOutcome.AlreadyExists, DurableStartOutcome.AlreadyExists), (first, whileRunning, afterCompletion));
        Assert.Equal("first:done", completed.ReadOutputAs<string>());
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "first:done"), (still!.RuntimeStatus, still.ReadOutputAs<string>()));
    }
}
