using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace NsclWorkflows.Workflows.Common;

/// <summary>What <see cref="DurableStart.StartIfAbsentAsync{TInput}"/> did.</summary>
public enum DurableStartOutcome
{
    /// <summary>This call scheduled the instance.</summary>
    Started,

    /// <summary>An instance with the id existed already (whatever its state): nothing was scheduled.</summary>
    AlreadyExists,
}

/// <summary>
/// Starts a durable instance with a fixed id unless one with that id exists, in whatever state: one call to the
/// backend, no status query before it. The start carries dedupe statuses for every state, so the backend itself refuses
/// an id it knows (the Azure Storage provider reads the instance row inside the start, which a query before it would
/// only repeat); that refusal (an <c>AlreadyExists</c> / "already exists" error, which the gRPC client and the
/// Functions client surface differently) is success for the caller that asked for the same instance. Only when the
/// start fails otherwise is the instance looked up once, to tell "someone else started it" (a race) from a real failure,
/// which is re-thrown.
/// </summary>
public static class DurableStart
{
    static readonly OrchestrationRuntimeStatus[] AnyState =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    public static async Task<DurableStartOutcome> StartIfAbsentAsync<TInput>(
        DurableTaskClient client, string orchestratorName, string instanceId, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(AnyState);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellationToken).ConfigureAwait(false);
            return DurableStartOutcome.Started;
        }
#pragma warning disable CA1031 // Any failure is re-thrown unless the instance exists (the refusal we asked for, or a concurrent start).
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            if (IsAlreadyExists(ex))
            {
                return DurableStartOutcome.AlreadyExists;
            }

            if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return DurableStartOutcome.AlreadyExists;
            }

            throw;
        }
    }

    /// <summary>
    /// The backend's "an instance with this id exists" refusal: <c>InvalidOperationException</c> from the Durable
    /// Task client (it maps the gRPC <c>AlreadyExists</c> status to it), or any error whose message says so (the Azure
    /// Storage provider's <c>OrchestrationAlreadyExistsException</c> passed through a sidecar as a gRPC error).
    /// </summary>
    static bool IsAlreadyExists(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name is "OrchestrationAlreadyExistsException"
                || e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("AlreadyExists", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
