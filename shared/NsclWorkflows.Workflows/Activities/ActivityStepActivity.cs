using Microsoft.DurableTask;
using NsclWorkflows.Domain.Activities;

namespace NsclWorkflows.Workflows.Activities;

/// <summary>What the workflow asks of the stored activity. Stored by name in workflow history: only add.</summary>
public enum ActivityStepKind
{
    /// <summary>Only read whether the activity is still open.</summary>
    Check,

    /// <summary>The planned end has passed: an open activity becomes "awaiting result".</summary>
    MarkResultDue,

    /// <summary>Record a note on the activity (an e-mail sent or failed).</summary>
    Note,
}

/// <summary>One step of <see cref="ProgrammeActivityWorkflow"/>. Only ever add fields.</summary>
public sealed record ActivityStepCommand(string ActivityId, ActivityStepKind Kind, DateTimeOffset AtUtc, string? Detail);

/// <summary>Applies a workflow step to the stored activity; answers whether the activity is still open (false when it is gone).</summary>
public sealed class ActivityStepActivity(IActivityRepository activities) : TaskActivity<ActivityStepCommand, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ActivityStepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = DateOnly.FromDateTime(input.AtUtc.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var updated = await activities.UpdateAsync(input.ActivityId, a => Task.FromResult(input.Kind switch
        {
            ActivityStepKind.MarkResultDue => ActivityRules.MarkResultDue(a, today, input.AtUtc),
            ActivityStepKind.Note when input.Detail is { Length: > 0 } detail => ActivityRules.AddNote(a, detail, input.AtUtc),
            _ => null,
        }), CancellationToken.None);
        return updated?.IsOpen ?? false;
    }
}
