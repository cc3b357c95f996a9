using DurableTask.Core;
using DurableTask.Core.History;

namespace NsclWorkflows.Local.Durable;

/// <summary>The two history/message repairs of <see cref="SidecarSafeOrchestrationService{TInner}"/>.</summary>
public static class SidecarHistoryRepairs
{
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
