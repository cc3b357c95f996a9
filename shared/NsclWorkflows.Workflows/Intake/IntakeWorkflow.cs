using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Intake;

/// <summary>
/// Walking skeleton of an application's life: acknowledge receipt, then wait for an officer's completeness
/// decision until the deadline; if the deadline passes first, the application expires.
/// (The full lifecycle workflow replaces this one.)
/// </summary>
public sealed class IntakeWorkflow : TaskOrchestrator<IntakeWorkflowInput, IntakeOutcome>
{
    public override async Task<IntakeOutcome> RunAsync(TaskOrchestrationContext context, IntakeWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<IntakeWorkflow>();

        await context.CallActivityAsync(nameof(AcknowledgeReceiptActivity), input.ApplicationId, RetryPolicies.Storage);

        using var cancelWaits = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<CompletenessDecision>(CompletenessDecision.EventName, cancelWaits.Token);
        var deadline = context.CreateTimer(input.CompletenessDeadlineUtc.UtcDateTime, cancelWaits.Token);

        var first = await Task.WhenAny(decision, deadline);

        // Synchronous on purpose: CancelAsync would continue off the orchestration's scheduler and end the episode.
#pragma warning disable CA1849
        cancelWaits.Cancel();
#pragma warning restore CA1849

        if (first == decision)
        {
            await context.CallActivityAsync(nameof(AcceptCompletenessActivity), await decision, RetryPolicies.Storage);
            Log.Decided(log, input.ApplicationId);
            return IntakeOutcome.CompletenessAccepted;
        }

        await context.CallActivityAsync(nameof(ExpireApplicationActivity), input.ApplicationId, RetryPolicies.Storage);
        Log.Expired(log, input.ApplicationId);
        return IntakeOutcome.Expired;
    }
}
