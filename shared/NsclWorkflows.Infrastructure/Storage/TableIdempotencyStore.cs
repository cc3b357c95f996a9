using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Idempotency keys in Table storage. The key is hashed (clients may put anything printable in it); the first insert
/// wins and every later request with the key reads the winner's record.
/// </summary>
public sealed class TableIdempotencyStore(TableClientFactory tables) : IIdempotencyStore
{
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
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return candidate;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).Value;
            if (existing.GetString("ApplicationId") == candidate.ApplicationId)
            {
                // Our own insert: it succeeded, its answer was lost, and the client's retry met it.
                return candidate;
            }

            return new IdempotencyRecord(
                candidate.Key,
                existing.GetString("Fingerprint"),
                existing.GetString("ApplicationId"),
                existing.GetString("TrackingCode"),
                existing.GetDateTimeOffset("CreatedAtUtc") ?? default);
        }
    }
}
