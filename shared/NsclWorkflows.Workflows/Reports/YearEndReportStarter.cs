using Microsoft.DurableTask.Client;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Starts a year-end report run unless its instance already exists, whatever its state (the Azure Storage backend
/// would otherwise start a completed instance id afresh, making a second report): one start-if-absent call, the same
/// the submissions use (<see cref="DurableStart"/>). Should a backend accept two starts anyway, the run's saves are
/// idempotent per instance id (same snapshot, same report version, same e-mail occurrence).
/// </summary>
public static class YearEndReportStarter
{
    /// <summary>Returns the instance id, and whether this call started it.</summary>
    public static async Task<(string InstanceId, bool Started)> StartIfNewAsync(
        DurableTaskClient client, YearEndReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await DurableStart.StartIfAbsentAsync(client, nameof(YearEndReportWorkflow), request.InstanceId, request, cancellationToken)
            .ConfigureAwait(false);
        return (request.InstanceId, outcome == DurableStartOutcome.Started);
    }
}
