using Microsoft.DurableTask;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// The application's accepted actions not yet taken (<see cref="IPendingActions"/>), in the order they were accepted:
/// read by the workflow where an action's event may have been lost (a continued execution's start) and before a
/// deadline's path is taken (an action accepted before the deadline comes first). Reads only.
/// </summary>
public sealed class KeptActionsActivity(IPendingActions pending) : TaskActivity<string, IReadOnlyList<ActionRequest>>
{
    public override Task<IReadOnlyList<ActionRequest>> RunAsync(TaskActivityContext context, string input) =>
        pending.ListAsync(input, CancellationToken.None);
}
