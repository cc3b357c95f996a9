using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Idempotency keys in Table storage. The key is hashed (clients may put anything printable in it); the first insert
/// wins and every later request with the key reads the winner's record, for <see cref="IdempotencyOptions.RetentionHours"/>:
/// after that the record is expired, a request with the key replaces it (a new submission), and
/// <see cref="RemoveExpiredAsync"/> deletes it. No secret is stored, only the ids and the link generation.
/// </summary>
public sealed partial class TableIdempotencyStore(
    TableClientFactory tables,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<TableIdempotencyStore> logger) : IIdempotencyStore
{
    const int MaxAttempts = 5;

    public async Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var table = await tables.GetAsync(TableNames.IdempotencyKeys, cancellationToken);
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Key)));
        var partitionKey = rowKey[..2];
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Fingerprint"] = candidate.RequestFingerprint,
            ["ApplicationId"] = candidate.ApplicationId,
            ["TrackingCode"] = candidate.TrackingCode,
            ["CreatedAtUtc"] = candidate.CreatedAtUtc,
            ["AccessGeneration"] = candidate.AccessGeneration,
        };
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return candidate;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }

            var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } existing)
            {
                continue; // deleted by the cleanup in between: insert again
            }

            if (existing.GetString("ApplicationId") == candidate.ApplicationId)
            {
                // Our own insert: it succeeded, its answer was lost, and the client's retry met it.
                return candidate;
            }

            var stored = Read(candidate.Key, existing);
            if (!stored.IsExpired(time.GetUtcNow(), options.Value.Retention))
            {
                return stored;
            }

            try
            {
                // Expired: the key is forgotten and stands for this request now (unless another request took it first).
                await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                LogExpiredKeyReused(logger, stored.ApplicationId);
                return candidate;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
            }
        }

        throw new InvalidOperationException($"Idempotency record {rowKey} kept changing under {MaxAttempts} attempts.");
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.IdempotencyKeys, cancellationToken);
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var removed = 0;
        // A small table (one row per submission sent with a key), read once an hour: a filtered scan is cheap enough.
        var expired = table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"CreatedAtUtc le {cutoff}"),
            select: ["PartitionKey", "RowKey", "CreatedAtUtc"],
            cancellationToken: cancellationToken);
        await foreach (var row in expired)
        {
            try
            {
                // With its ETag: a row a new request has just taken over (replaced) is not deleted.
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                removed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
            }
        }

        LogRemoved(logger, removed, cutoff);
        return removed;
    }

    static IdempotencyRecord Read(string key, TableEntity existing) => new(
        key,
        existing.GetString("Fingerprint"),
        existing.GetString("ApplicationId"),
        existing.GetString("TrackingCode"),
        existing.GetDateTimeOffset("CreatedAtUtc") ?? default)
    {
        AccessGeneration = existing.GetInt32("AccessGeneration") ?? 0,
    };

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information,
        Message = "Idempotency key of application {ApplicationId} had expired; the key now stands for a new submission")]
    static partial void LogExpiredKeyReused(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Removed {Count} idempotency record(s) created before {CutoffUtc:O}")]
    static partial void LogRemoved(ILogger logger, int count, DateTimeOffset cutoffUtc);
}
