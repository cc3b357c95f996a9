using Microsoft.DurableTask;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Workflows.Calls;

/// <summary>What the workflow asks of the stored call. Stored by name in workflow history: only add.</summary>
public enum CallStepKind
{
    /// <summary>Only read where the call stands (finalised or not, its applications).</summary>
    Check,

    /// <summary>The open date came: the envelope is held (its reservation applied again: a replay when it was at creation).</summary>
    Open,

    /// <summary>The close date passed: the number of applications received is recorded.</summary>
    Close,

    /// <summary>Record <see cref="CallStepCommand.Detail"/> on the call (an e-mail sent or failed).</summary>
    Note,
}

/// <summary>One step of <see cref="CallWorkflow"/>. Only ever add fields.</summary>
public sealed record CallStepCommand(string CallId, CallStepKind Kind, DateTimeOffset AtUtc, string? Detail);

/// <summary>Where the call stands after a step: finalised (or gone), and how many applications it received.</summary>
public sealed record CallStepResult(bool Ended, int Applications);

/// <summary>
/// Applies a workflow step to the stored call. Opening applies the envelope's reservation (idempotent by its id: it was
/// made when the leader opened the call, so this is a replay unless that write was lost); a refusal is noted on the
/// call for the officers, never thrown.
/// </summary>
public sealed class CallStepActivity(ICallRepository calls, IBudgetLedger ledger) : TaskActivity<CallStepCommand, CallStepResult>
{
    public override async Task<CallStepResult> RunAsync(TaskActivityContext context, CallStepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = await calls.FindAsync(input.CallId, CancellationToken.None);
        if (call is null)
        {
            return new CallStepResult(true, 0);
        }

        var count = (await calls.ApplicationIdsAsync(call.Id, CancellationToken.None)).Count;
        string? note = input.Kind == CallStepKind.Note ? input.Detail : null;
        if (input.Kind == CallStepKind.Open && call.FinalisedAtUtc is null)
        {
            var result = await ledger.ApplyAsync(CallRules.Envelope(call, "system", call.CreatedAtUtc), CancellationToken.None);
            note = result.Applied
                ? "Đợt bắt đầu nhận hồ sơ; kinh phí của đợt đang được tạm giữ trên sổ kinh phí."
                : $"Đợt bắt đầu nhận hồ sơ nhưng chưa tạm giữ được kinh phí của đợt trên sổ kinh phí: {result.RefusalMessage}";
        }

        var updated = await calls.UpdateAsync(call.Id, current =>
        {
            var changed = input.Kind == CallStepKind.Close ? CallRules.MarkClosed(current, count, input.AtUtc) : null;
            if (note is { Length: > 0 })
            {
                changed = CallRules.AddNote(changed ?? current, note, input.AtUtc) ?? changed;
            }

            return Task.FromResult(changed);
        }, CancellationToken.None);
        return new CallStepResult(updated?.FinalisedAtUtc is not null, count);
    }
}
