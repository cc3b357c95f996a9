using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace NsclWorkflows.Local.Durable;

/// <summary>
/// Wraps the Azure Storage orchestration service for the gRPC sidecar and repairs three defects that only show on a
/// real storage backend (each has a test that fails without the repair):
/// <list type="number">
/// <item>the sidecar records sub-orchestration creation as a subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/>,
/// which the table store saves without its EventType column and then cannot replay: it is replaced by the base type;</item>
/// <item><see cref="ExecutionStartedEvent.Tags"/> of outgoing messages arrives as a protobuf MapField the storage
/// serializer cannot round-trip: it is copied into a plain dictionary;</item>
/// <item>the sidecar stops the service from a fire-and-forget handler (an exception there ends the process), a second
/// stop throws, and so does a stop before the service ever started (Ctrl+C during start-up, before the worker
/// connected): stopping is made idempotent, safe before start, and awaitable (<see cref="Stopped"/>).</item>
/// </list>
/// Everything else is passed through unchanged.
/// </summary>
public sealed partial class SidecarSafeOrchestrationService<TInner>(TInner inner)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TInner : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    readonly Lock stopLock = new();
    Task? startTask;
    Task? stopTask;

    public TInner Inner => inner;

    /// <summary>Completes when the inner service has stopped (after the first stop request).</summary>
    public Task Stopped
    {
        get
        {
            lock (stopLock)
            {
                return stopTask ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>Starts the inner service once; after a stop request it stays stopped.</summary>
    public Task StartAsync()
    {
        lock (stopLock)
        {
            return stopTask is not null ? Task.CompletedTask : startTask ??= inner.StartAsync();
        }
    }

    public Task StopAsync() => StopAsync(false);

    public Task StopAsync(bool isForced)
    {
        lock (stopLock)
        {
            return stopTask ??= StopOnceAsync(startTask, isForced);
        }
    }

    async Task StopOnceAsync(Task? started, bool isForced)
    {
        if (started is null)
        {
            return; // never started: nothing runs that needs stopping
        }

        try
        {
            await started;
        }
        catch (Exception) when (!isForced)
        {
            return; // a start that failed left nothing running
        }

        await inner.StopAsync(isForced);
    }

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        SidecarHistoryRepairs.ReplaceSubOrchestrationEvents(newOrchestrationRuntimeState.Events);
        SidecarHistoryRepairs.ReplaceSubOrchestrationEvents(newOrchestrationRuntimeState.NewEvents);
        SidecarHistoryRepairs.PlainTags(outboundMessages);
        SidecarHistoryRepairs.PlainTags(orchestratorMessages);
        SidecarHistoryRepairs.PlainTags(timerMessages);
        if (continuedAsNewMessage is not null)
        {
            SidecarHistoryRepairs.PlainTags([continuedAsNewMessage]);
        }

        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }
}
