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
/// <item>the sidecar stops the service from a fire-and-forget handler, and a second stop throws: stopping is made
/// idempotent and awaitable (<see cref="Stopped"/>).</item>
/// </list>
/// Everything else is passed through unchanged.
/// </summary>
public sealed partial class SidecarSafeOrchestrationService<TInner>(TInner inner)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TInner : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    readonly Lock stopLock = new();
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

    public Task StopAsync() => StopAsync(false);

    public Task StopAsync(bool isForced)
    {
        lock (stopLock)
        {
            return stopTask ??= inner.StopAsync(isForced);
        }
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
        ReplaceSubOrchestrationEvents(newOrchestrationRuntimeState.Events);
        ReplaceSubOrchestrationEvents(newOrchestrationRuntimeState.NewEvents);
        PlainTags(outboundMessages);
        PlainTags(orchestratorMessages);
        PlainTags(timerMessages);
        if (continuedAsNewMessage is not null)
        {
            PlainTags([continuedAsNewMessage]);
        }

        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <summary>Swaps every subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/> for the base type.</summary>
    public static void ReplaceSubOrchestrationEvents(IList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                };
            }
        }
    }

    /// <summary>Copies the tags of every execution-started message into a plain dictionary.</summary>
    public static void PlainTags(IEnumerable<TaskMessage>? messages)
    {
        foreach (var message in messages ?? [])
        {
            if (message.Event is ExecutionStartedEvent started && started.Tags is { } tags && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = new Dictionary<string, string>(tags);
            }
        }
    }
}
