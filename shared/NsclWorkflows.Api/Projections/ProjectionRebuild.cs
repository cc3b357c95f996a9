using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Aggregates;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Api.Projections;

/// <summary>
/// Brings every projection in line with the stored applications: the officers' inbox with its search rows and the
/// programme counters (through <see cref="IInbox.SyncAsync"/>, idempotent per application), and the budget ledger's key
/// index; then marks the counters complete. One pass over the applications: for data written before these projections
/// existed, or after a catalogue change (the counters of a new catalogue version start empty). Safe while steps are
/// recorded: each application is applied by the same idempotent, ETag-guarded writes the workflow uses.
/// </summary>
public sealed partial class ProjectionRebuild(IApplicationDirectory applications, IApplicationRepository repository, IInbox projections,
    IProgrammeAggregates aggregates, Domain.Budget.IBudgetLedger ledger, ILogger<ProjectionRebuild> logger)
{
    /// <summary>Runs the pass unless the counters are complete already (or always, with <paramref name="force"/>); returns the applications applied.</summary>
    public async Task<int> RunAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && await aggregates.IsCompleteAsync(cancellationToken))
        {
            return 0;
        }

        LogStarted(logger);
        var count = 0;
        await foreach (var listed in applications.AllAsync(cancellationToken))
        {
            // Read again just before applying: a step recorded since the listing must not be overwritten by older state.
            var application = await repository.FindAsync(listed.Id, cancellationToken) ?? listed;
            await projections.SyncAsync(application, cancellationToken);
            count++;
        }

        var keys = ledger is Infrastructure.Storage.TableBudgetLedger table ? await table.RebuildKeyIndexAsync(cancellationToken) : 0;
        await aggregates.MarkCompleteAsync(count, cancellationToken);
        LogDone(logger, count, keys);
        return count;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Rebuilding the projections (inbox, search, programme counters) from the applications")]
    static partial void LogStarted(ILogger logger);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Projections rebuilt from {Count} application(s); {Keys} budget key(s) indexed")]
    static partial void LogDone(ILogger logger, int count, int keys);
}

/// <summary>At start (both hosts): runs <see cref="ProjectionRebuild"/> once if the counters of the current catalogue are not complete.</summary>
public sealed partial class ProjectionCatchUpService(IServiceProvider services, ILogger<ProjectionCatchUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resolved here, not in the constructor: building the storage clients must not happen before the host has
            // validated its settings (a missing AzureWebJobsStorage is reported as such).
            await Task.Yield();
            var rebuild = services.GetRequiredService<ProjectionRebuild>();
            await rebuild.RunAsync(force: false, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Readers count from the applications until the counters are complete; the next start tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Catching up the projections failed; views count from the applications until the next start or the rebuild command")]
    static partial void LogFailed(ILogger logger, Exception exception);
}

public static class ProjectionRegistration
{
    public static IServiceCollection AddNsclProjections(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionRebuild>();
        services.AddHostedService<ProjectionCatchUpService>();
        return services;
    }
}
