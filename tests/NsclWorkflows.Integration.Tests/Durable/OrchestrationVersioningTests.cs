using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>
/// Durable Task's orchestration versioning on the standalone host's real backend (sidecar over Azure Storage, on
/// Azurite): an instance started by the current release keeps its version through an upgrade and finishes on the
/// path it started on, while instances the upgraded worker starts take the new path. The orchestrator changes as a
/// breaking change is made here: the new release branches on the instance's version and leaves the old path as it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OrchestrationVersioningTests(AzuriteFixture azurite)
{
    const string Probe = "VersionProbe";
    const string Upgraded = "3.0"; // the release after WorkflowVersions.Current

    /// <summary>The orchestrator as the current release has it: one step, then a wait.</summary>
    static void CurrentRelease(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string, string>(Probe, async (ctx, _) =>
        {
            var first = await ctx.CallActivityAsync<string>("ProbeStepOne");
            ctx.SetCustomStatus("waiting");
            var go = await ctx.WaitForExternalEvent<string>("go");
            return $"{first}|{go}|{ctx.Version}";
        })
        .AddActivityFunc<string, string>("ProbeStepOne", (_, _) => "old-path");

    /// <summary>
    /// The next release: a different first step for instances of <see cref="Upgraded"/> or later; the old path, for
    /// older instances, exactly as it was (replaying their history must meet the same steps).
    /// </summary>
    static void NextRelease(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string, string>(Probe, async (ctx, _) =>
        {
            var first = ctx.CompareVersionTo(Upgraded) >= 0
                ? await ctx.CallActivityAsync<string>("ProbeStepOneRevised")
                : await ctx.CallActivityAsync<string>("ProbeStepOne");
            ctx.SetCustomStatus("waiting");
            var go = await ctx.WaitForExternalEvent<string>("go");
            return $"{first}|{go}|{ctx.Version}";
        })
        .AddActivityFunc<string, string>("ProbeStepOne", (_, _) => "old-path")
        .AddActivityFunc<string, string>("ProbeStepOneRevised", (_, _) => "new-path");

    [Fact]
    public async Task InFlightInstance_AfterUpgradeToNewVersion_FinishesOnItsVersionsPathWhileNewInstancesTakeTheNewOne()
    {
        const string hub = "versioning";
        string inFlight;
        await using (var current = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, hub, CurrentRelease))
        {
            inFlight = await current.Client.ScheduleNewOrchestrationInstanceAsync(Probe, "input");
            await WaitingAsync(current.Client, inFlight);
        }

        await using var next = await InProcessDurableBackend.StartAsync(azurite.ConnectionString, hub, NextRelease,
            settings: new Dictionary<string, string?> { [DurableVersioning.Section + ":Version"] = Upgraded });
        var started = await next.Client.ScheduleNewOrchestrationInstanceAsync(Probe, "input");
        await WaitingAsync(next.Client, started);
        await next.Client.RaiseEventAsync(inFlight, "go", "go");
        await next.Client.RaiseEventAsync(started, "go", "go");

        var old = await CompletedAsync(next.Client, inFlight);
        var fresh = await CompletedAsync(next.Client, started);
        Assert.Equal($"old-path|go|{WorkflowVersions.Current}", old);
        Assert.Equal($"new-path|go|{Upgraded}", fresh);
    }

    static async Task WaitingAsync(DurableTaskClient client, string id) =>
        await LocalHostProcess.EventuallyAsync(
            () => client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m?.SerializedCustomStatus?.Contains("waiting", StringComparison.Ordinal) == true
                || m?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Completed,
            TimeSpan.FromSeconds(60),
            $"instance {id} reaches its wait");

    static async Task<string?> CompletedAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{id}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        return done.ReadOutputAs<string>();
    }
}
