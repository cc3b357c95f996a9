using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Starts a year-end report run unless its instance already exists, whatever its state: the Azure Storage backend
/// would otherwise start a completed instance id afresh, making a second report. Within a process, check and start are
/// serialised (starts are rare: yearly, or an officer's click). Across processes (two Functions instances), a start
/// that fails because the instance now exists counts as "already started"; and should a backend accept both, the
/// run's saves are idempotent per instance id (same snapshot, same report version, same e-mail occurrence).
/// </summary>
public static class YearEndReportStarter
{
    static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Returns the instance id, and whether this call started it.</summary>
    public static async Task<(string InstanceId, bool Started)> StartIfNewAsync(
        DurableTaskClient client, YearEndReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = request.InstanceId;
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartAsync(client, request, instanceId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    static async Task<(string InstanceId, bool Started)> StartAsync(
        DurableTaskClient client, YearEndReportRequest request, string instanceId, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return (instanceId, false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(YearEndReportWorkflow), request, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
            return (instanceId, true);
        }
#pragma warning disable CA1031 // Any failure is re-thrown unless the instance turns out to exist (the race the check cannot close).
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return (instanceId, false);
            }

            throw;
        }
    }
}
