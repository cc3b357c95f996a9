using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// Applies one lifecycle step: the budget movements it needs (idempotent by movement id), the decision number it needs
/// (a signed decision: from the decision register, idempotent per application, so a step run again never takes a
/// second number), then the application's change with its audit entry in one write, then the inbox. Safe to run
/// twice: a step already applied (by its
/// sequence number, or a person's action by its id) changes nothing and returns the same result. The inbox is a projection: when it cannot be
/// synchronised the step still counts (the result says <see cref="StepResult.InboxPending"/> and the workflow retries
/// it through <see cref="SyncInboxActivity"/>), so a failing inbox never fails the application's workflow.
/// </summary>
/// <remarks>
/// A release of money an approved file of a call held goes back to the call's envelope (<see cref="CallRules.ToEnvelope"/>),
/// and on to the item when the call is finalised (<see cref="CallRules.OnToItem"/>, read from <paramref name="calls"/>).
/// </remarks>
public sealed class RecordStepActivity(IApplicationRepository applications, IBudgetLedger ledger, IInbox inbox, LifecycleMachine machine,
    IDecisionRegister register, ILogger<RecordStepActivity> logger, ICallRepository? calls = null)
    : TaskActivity<StepCommand, StepResult>
{
    public override async Task<StepResult> RunAsync(TaskActivityContext context, StepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.FindAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");

        LedgerResult? refusal = null;
        BudgetMovementRequest? refused = null;
        foreach (var planned in machine.LedgerMovesFor(application, input))
        {
            var move = CallRules.ToEnvelope(planned, application.Lifecycle.CallId);
            var outcome = await ledger.ApplyAsync(move, CancellationToken.None);
            if (outcome.Refused)
            {
                (refusal, refused) = (outcome, move);
                break;
            }

            await OnToItemAsync(move);
        }

        // Only for a step the machine takes (checked on the state read above; the workflow applies one step at a time).
        var registered = machine.DecisionToRegister(application, input) is { } registration
            ? await register.RegisterAsync(registration, CancellationToken.None)
            : null;

        StepResult? result = null;
        var updated = await applications.UpdateAsync(input.ApplicationId, a =>
        {
            var (audit, r) = machine.Apply(a, input, refusal, refused, registered);
            result = r;
            return audit;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");

        if (input.Kind == StepKind.InboxFailed)
        {
            return result!;
        }

        try
        {
            await InboxProjection.SyncAsync(applications, inbox, updated, CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure of the projection: the step is recorded; the workflow retries the inbox and records a lasting failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.InboxSyncFailed(logger, ex, input.ApplicationId, input.Sequence);
            return result! with { InboxPending = true };
        }

        return result!;
    }

    /// <summary>Money returned to a finalised call's envelope goes on to the item (a refusal: already released by finalising's sweep).</summary>
    async Task OnToItemAsync(BudgetMovementRequest move)
    {
        if (move.Kind != BudgetMovementKind.Return || calls is null)
        {
            return;
        }

        var call = await calls.FindAsync(move.ApplicationId, CancellationToken.None);
        if (call is { FinalisedAtUtc: null })
        {
            return;
        }

        var held = (await ledger.GetHoldingAsync(move.Key, move.ApplicationId, CancellationToken.None)).ReservedVnd;
        if (CallRules.OnToItem(move, call, held) is not { } release)
        {
            return;
        }

        var outcome = await ledger.ApplyAsync(release, CancellationToken.None);
        if (outcome.Refused)
        {
            Log.ReturnNotReleased(logger, move.FromHolderId ?? string.Empty, move.ApplicationId, outcome.RefusalCode ?? string.Empty);
        }
        else if (!outcome.WasReplay && call is not null)
        {
            // The call's page counts it with what finalising released (a step run again finds the ledger's replay: counted once).
            await calls.UpdateAsync(call.Id, c => Task.FromResult<Call?>(CallRules.AddReleased(c, release.AmountVnd, release.AtUtc)), CancellationToken.None);
        }
    }
}

/// <summary>
/// Synchronises the application's inbox entries again after <see cref="RecordStepActivity"/> could not (retried by the
/// workflow with the storage policy). Returns whether there was anything to do.
/// </summary>
public sealed class SyncInboxActivity(IApplicationRepository applications, IInbox inbox) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var application = await applications.FindAsync(input, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input} does not exist.");
        await InboxProjection.SyncAsync(applications, inbox, application, CancellationToken.None);
        return true;
    }
}

/// <summary>The inbox sync, clearing the application's inbox failure (with an audit entry) once the inbox is in line again.</summary>
static class InboxProjection
{
    public static async Task SyncAsync(IApplicationRepository applications, IInbox inbox, Application application, CancellationToken cancellationToken)
    {
        await inbox.SyncAsync(application, cancellationToken);
        if (application.Lifecycle.InboxFailure is null)
        {
            return;
        }

        await applications.UpdateAsync(application.Id, a => LifecycleUpkeep.InboxRestored(a, DateTimeOffset.UtcNow), cancellationToken);
    }
}
