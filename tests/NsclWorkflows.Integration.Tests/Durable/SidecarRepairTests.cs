using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Local.Durable;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>
/// The repairs <see cref="SidecarSafeOrchestrationService{TInner}"/> makes to the gRPC sidecar on Azure Storage. Each
/// test fails when its repair is removed (checked by hand: see the foundation issue's closing note).
/// </summary>
[Collection(LongLifecycleCollection.Name)]
public class SidecarRepairTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SubOrchestration_WithTagsOnAzurite_RoundTripsAndReplays()
    {
        await using var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, "suborchestration", tasks =>
        {
            tasks.AddActivityFunc<int, int>("Double", (_, x) => x * 2);
            tasks.AddOrchestratorFunc<int, int>("Child", async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x) + 1);
            tasks.AddOrchestratorFunc<int, int>("Parent", async (ctx, x) =>
            {
                var options = new SubOrchestrationOptions(new TaskOptions(tags: new Dictionary<string, string> { ["application"] = "demo" }));
                var first = await ctx.CallSubOrchestratorAsync<int>("Child", x, options);

                // A second child and an activity after it force the parent to replay the first child's creation event
                // from the history table.
                var second = await ctx.CallSubOrchestratorAsync<int>("Child", first, options);
                return await ctx.CallActivityAsync<int>("Double", second);
            });
        });

        var id = await backend.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await backend.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(((5 * 2 + 1) * 2 + 1) * 2, result.ReadOutputAs<int>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sidecar_OnSocketFileOrConfiguredPort_RunsOrchestrationsAndCleansUp(bool tcp)
    {
        var port = tcp ? FreePorts.Next() : 0;
        var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, tcp ? "sidecartcp" : "sidecarunix", tasks =>
            tasks.AddOrchestratorFunc<int, int>("Echo", (_, x) => x + 1), port);
        var endpoint = backend.Sidecar.Endpoint;

        var id = await backend.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 41);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await backend.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await backend.DisposeAsync();

        Assert.Equal(42, result.ReadOutputAs<int>());
        if (tcp)
        {
            Assert.Equal($"127.0.0.1:{port}", endpoint);
        }
        else
        {
            Assert.StartsWith("unix:", endpoint, StringComparison.Ordinal);
            Assert.False(File.Exists(endpoint["unix:".Length..]), "the socket file is removed when the host stops");
        }
    }

    [Fact]
    public async Task Sidecar_StoppedTwiceAndConcurrently_DoesNotThrowAndStopsTheService()
    {
        var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, "stoptwice", tasks =>
            tasks.AddOrchestratorFunc<int, int>("Echo", (_, x) => x));
        var sidecar = backend.Sidecar;

        // Run one orchestration so the storage service is really started before it is stopped.
        var id = await backend.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await backend.Client.WaitForInstanceCompletionAsync(id, timeout.Token)).RuntimeStatus);

        await Task.WhenAll(sidecar.StopAsync(CancellationToken.None), sidecar.StopAsync(CancellationToken.None), sidecar.Service.StopAsync(false));
        await sidecar.StopAsync(CancellationToken.None);
        await backend.DisposeAsync(); // the host stops the sidecar once more

        Assert.True(sidecar.Service.Stopped.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Sidecar_StoppedBeforeAnyWorkerConnected_DoesNotThrow()
    {
        var backend = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, "stopearly", tasks =>
            tasks.AddOrchestratorFunc<int, int>("Echo", (_, x) => x));

        var sidecar = backend.Sidecar;
        await sidecar.StopAsync(CancellationToken.None);
        await backend.DisposeAsync();

        Assert.True(sidecar.Service.Stopped.IsCompletedSuccessfully);
    }

    [Fact]
    public void ReplaceSubOrchestrationEvents_GrpcSubclass_BecomesTheBaseTypeWithSameFields()
    {
        var grpcEvent = new Microsoft.DurableTask.Testing.Sidecar.Dispatcher.GrpcSubOrchestrationInstanceCreatedEvent(7)
        {
            Name = "Child",
            InstanceId = "child-1",
            Input = "5",
        };
        var events = new List<HistoryEvent> { new ExecutionStartedEvent(-1, null), grpcEvent };

        SidecarHistoryRepairs.ReplaceSubOrchestrationEvents(events);

        var replaced = Assert.IsType<SubOrchestrationInstanceCreatedEvent>(events[1], exactMatch: true);
        Assert.Equal((7, "Child", "child-1", "5"), (replaced.EventId, replaced.Name, replaced.InstanceId, replaced.Input));
        Assert.IsType<ExecutionStartedEvent>(events[0]);
    }

    [Fact]
    public void PlainTags_ProtobufMapField_BecomesPlainDictionary()
    {
        var map = new Google.Protobuf.Collections.MapField<string, string> { ["application"] = "demo" };
        var started = new ExecutionStartedEvent(-1, null) { Tags = map };

        SidecarHistoryRepairs.PlainTags([new DurableTask.Core.TaskMessage { Event = started }]);

        Assert.IsType<Dictionary<string, string>>(started.Tags);
        Assert.Equal("demo", started.Tags["application"]);
    }
}
