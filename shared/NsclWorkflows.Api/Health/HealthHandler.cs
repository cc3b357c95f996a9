using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when table storage and the durable backend both answer within a few seconds, 503
/// otherwise, with each component's status and latency. <c>officerAccess</c> says whether officers can sign in and, if
/// not, why; it does not change the status (the app is healthy for enterprises).
/// </summary>
/// <para>
/// <c>waiting</c> reports work the durable backend has not picked up: a workflow still <c>Pending</c> (its start message
/// never processed) longer than <see cref="HealthOptions.WorkflowWaitAlertAfter"/>. Submissions start workflows within
/// seconds; a pending one that old means the backend stopped dispatching (a stalled worker or control queue), so the
/// status is <c>degraded</c> and the answer 503, for the operator's monitor or the platform's health check to act on.
/// </para>
public sealed class HealthHandler(TableServiceClient tables, Officers.OfficerAccess officerAccess,
    Microsoft.Extensions.Options.IOptions<HealthOptions> options, TimeProvider clock)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<JsonHttpResult<HealthView>> HandleAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var storage = await ProbeAsync(ct => QueryOneTableAsync(tables, ct), cancellationToken);
        var backend = await ProbeAsync(ct => durable.GetInstanceAsync("health-probe", ct), cancellationToken);
        var healthy = storage.Healthy && backend.Healthy;
        var workflows = backend.Healthy ? await WorkflowCountsAsync(durable, cancellationToken) : null;
        var waiting = backend.Healthy ? await WaitingAsync(durable, cancellationToken) : null;
        var status = !healthy ? "unhealthy" : waiting is { Stalled: true } ? "degraded" : "healthy";
        return TypedResults.Json(
            new HealthView(status, storage, backend, workflows, waiting, Officers.MeHandler.Describe(officerAccess.Current())),
            ApiJson.Options,
            statusCode: status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// The oldest workflow still <c>Pending</c> after the alert age: one query for one instance created before the
    /// cut-off. Null when the query did not answer in time (the durable probe above already reports that).
    /// </summary>
    async Task<WaitingWork?> WaitingAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var alertAfter = options.Value.WorkflowWaitAlertAfter;
        try
        {
            var query = new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Pending],
                CreatedTo = clock.GetUtcNow() - alertAfter,
                PageSize = 1,
            };
            await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(timeout.Token))
            {
                return new WaitingWork(true, (long)alertAfter.TotalSeconds, instance.InstanceId, instance.CreatedAt);
            }

            return new WaitingWork(false, (long)alertAfter.TotalSeconds, null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// One Query Tables request. Unlike Get Service Properties it is allowed to the data roles the app's managed identity
    /// holds in Azure (Storage Table Data Contributor), as well as to a connection string.
    /// </summary>
    static async Task<bool> QueryOneTableAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        await using var pages = tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        return await pages.MoveNextAsync();
    }

    /// <summary>
    /// Workflows that stopped (failed, terminated): one page of at most <see cref="CountLimit"/> instances, within the
    /// probe timeout, so the health check stays fast however many there are (<c>atLeast</c>: the page was full).
    /// The list with reasons is <c>GET /api/operations/workflows</c> (Admin). Null when the query did not answer.
    /// </summary>
    static async Task<WorkflowCounts?> WorkflowCountsAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var query = new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
                PageSize = CountLimit,
            };
            await foreach (var page in durable.GetAllInstancesAsync(query).AsPages(pageSizeHint: CountLimit).WithCancellation(timeout.Token))
            {
                var failed = page.Values.Count(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Failed);
                return new WorkflowCounts(failed, page.Values.Count - failed, page.ContinuationToken is not null);
            }

            return new WorkflowCounts(0, 0, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    const int CountLimit = 100;


    static async Task<ComponentHealth> ProbeAsync<T>(Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new ComponentHealth(true, watch.ElapsedMilliseconds, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth(false, watch.ElapsedMilliseconds, ex.GetType().Name);
        }
    }

}

/// <summary>The answer of <c>GET /api/health</c> (200 healthy, 503 unhealthy or degraded).</summary>
public sealed record HealthView(string Status, ComponentHealth Storage, ComponentHealth Durable, WorkflowCounts? Workflows, WaitingWork? Waiting,
    Officers.OfficerAccessView OfficerAccess);

/// <summary>One component's probe: answered within the timeout, how long it took, the error's type if not.</summary>
public sealed record ComponentHealth(bool Healthy, long LatencyMs, string? Error);

/// <summary>Workflows that stopped; <c>AtLeast</c>: there may be more (one page counted).</summary>
public sealed record WorkflowCounts(int Failed, int Terminated, bool AtLeast);

/// <summary>A workflow still Pending past the alert age (<c>stalled</c>), or none.</summary>
public sealed record WaitingWork(bool Stalled, long AlertAfterSeconds, string? OldestPendingInstance, DateTimeOffset? OldestPendingSinceUtc);
