using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Api.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when table storage and the durable backend both answer within a few seconds, 503
/// otherwise, with each component's status and latency. <c>officerAccess</c> says whether officers can sign in and, if
/// not, why; it does not change the status (the app is healthy for enterprises).
/// </summary>
public sealed class HealthHandler(TableServiceClient tables, Officers.OfficerAccess officerAccess)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var storage = await ProbeAsync(ct => QueryOneTableAsync(tables, ct), cancellationToken);
        var backend = await ProbeAsync(ct => durable.GetInstanceAsync("health-probe", ct), cancellationToken);
        var healthy = storage.Healthy && backend.Healthy;
        return Results.Json(
            new { status = healthy ? "healthy" : "unhealthy", storage, durable = backend, officerAccess = Officers.MeHandler.Describe(officerAccess.Current()) },
            ApiJson.Options,
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
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

    sealed record ComponentHealth(bool Healthy, long LatencyMs, string? Error);
}
