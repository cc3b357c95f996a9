using Azure;
using Azure.Data.Tables;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// A read-decide-write of one row under its ETag (If-Match): the row is read, <c>change</c> decides the record it
/// becomes (null: nothing to write), and it is replaced only if nobody wrote it meanwhile; otherwise read and decide
/// again, at most <c>maxAttempts</c> times (then the 412 goes up). Activities and calls change this way.
/// </summary>
internal static class ConditionalReplace
{
    /// <summary>The record as written (or as it stood when <paramref name="change"/> left it), null when there is no such row.</summary>
    public static async Task<T?> UpdateAsync<T>(TableClient table, string partitionKey, string rowKey, Func<TableEntity, T> read, Func<T, TableEntity> write,
        Func<T, Task<T?>> change, int maxAttempts, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var current = read(row.Value!);
            var updated = await change(current);
            if (updated is null)
            {
                return current;
            }

            try
            {
                await table.UpdateEntityAsync(write(updated), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return updated;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < maxAttempts)
            {
                // Changed meanwhile: read again and decide again (ledger movements are idempotent by id).
            }
        }
    }
}
