using Microsoft.DurableTask;

namespace NsclWorkflows.Functions.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity sees when it runs as a function: the activity name and the id of the
/// orchestration that called it. (The Durable Task source generator emits the same small class for Functions.)
/// </summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
