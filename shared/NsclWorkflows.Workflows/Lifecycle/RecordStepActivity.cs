using Microsoft.DurableTask;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// Applies one lifecycle step: the budget movements it needs (idempotent by movement id), then the application's
/// change with its audit entry in one write, then the inbox. Safe to run twice: a step already applied (by its
/// sequence number) changes nothing and returns the same result.
/// </summary>
public sealed class RecordStepActivity(IApplicationRepository applications, IBudgetLedger ledger, IInbox inbox, LifecycleMachine machine)
    : TaskActivity<StepCommand, StepResult>
{
    public override async Task<StepResult> RunAsync(TaskActivityContext context, StepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.FindAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");

        LedgerResult? refusal = null;
        foreach (var move in LifecycleMachine.LedgerMovesFor(application, input))
        {
            var outcome = await ledger.ApplyAsync(move, CancellationToken.None);
            if (outcome.Refused)
            {
                refusal = outcome;
                break;
            }
        }

        StepResult? result = null;
        var updated = await applications.UpdateAsync(input.ApplicationId, a =>
        {
            var (audit, r) = machine.Apply(a, input, refusal);
            result = r;
            return audit;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");

        await inbox.SyncAsync(updated, CancellationToken.None);
        return result!;
    }
}
