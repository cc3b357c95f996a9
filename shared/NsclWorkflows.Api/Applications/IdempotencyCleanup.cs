using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// The one cleaner of expired idempotency records (<see cref="IIdempotencyStore.RemoveExpiredAsync"/>), run by both
/// hosts: on the Functions app by an hourly timer trigger, on the standalone host by <see cref="IdempotencyCleanupService"/>.
/// A failure is logged and the next run tries again; an expired record is ignored by submissions meanwhile.
/// </summary>
public sealed partial class IdempotencyCleanup(IIdempotencyStore store, ILogger<IdempotencyCleanup> logger)
{
    /// <summary>Deletes the expired records; returns how many (0 after a logged failure).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed cleanup must not stop its timer: the next run deletes what this one left.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) // a storage timeout is a failure too (TaskCanceledException), only the host's stop ends the run
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            return 0;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Removing expired idempotency records failed; the next run tries again")]
    static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Standalone host: runs <see cref="IdempotencyCleanup"/> at start and every <see cref="IdempotencyOptions.CleanupIntervalMinutes"/>.</summary>
public sealed class IdempotencyCleanupService(IdempotencyCleanup cleanup, IOptions<IdempotencyOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes), time);
        try
        {
            do
            {
                await cleanup.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class IdempotencyCleanupRegistration
{
    /// <summary>Standalone host: the periodic cleanup of expired idempotency records.</summary>
    public static IServiceCollection AddIdempotencyCleanupService(this IServiceCollection services)
    {
        services.AddHostedService<IdempotencyCleanupService>();
        return services;
    }
}
