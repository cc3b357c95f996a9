using System.Net;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Councils in Table storage (table <see cref="TableName"/>): one row per council in partition "council" (its unit in
/// column <c>Unit</c>), the council as JSON split over properties of at most 30,000 characters, replaced only with the
/// ETag it was read with (If-Match). Two members sending their sheets at once never overwrite each other: the loser
/// re-reads and its change is applied again to the newer council (and refused by the rules when it no longer fits,
/// e.g. after the secretary closed the session).
/// </summary>
public sealed class TableCouncils(TableClientFactory tables) : ICouncilRepository
{
    public const string TableName = "Councils";
    const string SeatPartition = "seat";
    const int MaxAttempts = 20;

    readonly JsonDocumentTable<Council> rows = new(tables, TableName, "council", c => c.Id,
        c => new Dictionary<string, object> { ["Unit"] = c.Unit, ["State"] = c.State.ToString() });

    public Task<bool> TryAddAsync(Council council, CancellationToken cancellationToken) => rows.TryAddAsync(council, cancellationToken);

    public Task<Council?> FindAsync(string id, CancellationToken cancellationToken) => rows.FindAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Council>> ListAsync(string? unit, CancellationToken cancellationToken) =>
        [.. (await rows.ListAsync(unit is null ? null : "Unit", unit, cancellationToken)).OrderByDescending(c => c.CreatedAtUtc)];

    public Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken) =>
        rows.UpdateAsync(id, change, MaxAttempts, () => new CouncilContentionException($"Council {id} kept changing under {MaxAttempts} attempts."), cancellationToken);

    /// <summary>
    /// A seat per (purpose, file) in partition <c>seat</c>: the council that claimed it and when. Claimed by an insert; a
    /// seat whose council no longer holds the file (closed, or never stored within the founding window) is taken over
    /// with its ETag, so of two founders racing for it exactly one wins. Closing a council needs no cleanup: its seats
    /// simply stop holding.
    /// </summary>
    public async Task<(string ApplicationId, string CouncilId)?> TryClaimFilesAsync(Council council, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var claimed = new List<(string RowKey, ETag ETag)>();
        foreach (var file in council.Applications.Select(a => a.ApplicationId).Distinct(StringComparer.Ordinal))
        {
            var rowKey = $"{council.Purpose}|{file}";
            var seat = new TableEntity(SeatPartition, rowKey) { ["CouncilId"] = council.Id, ["ClaimedAtUtc"] = nowUtc };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var added = await table.AddEntityAsync(seat, cancellationToken);
                    claimed.Add((rowKey, added.Headers.ETag ?? ETag.All));
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
                {
                }

                var existing = await table.GetEntityIfExistsAsync<TableEntity>(SeatPartition, rowKey, cancellationToken: cancellationToken);
                if (!existing.HasValue)
                {
                    continue; // released meanwhile: insert again
                }

                var holderId = existing.Value!.GetString("CouncilId") ?? string.Empty;
                if (holderId == council.Id)
                {
                    break; // ours already (this founding run twice)
                }

                if (await HoldsAsync(holderId, existing.Value.GetDateTimeOffset("ClaimedAtUtc"), council.Purpose, file, nowUtc, cancellationToken))
                {
                    await ReleaseAsync(table, claimed);
                    return (file, holderId);
                }

                try
                {
                    var taken = await table.UpdateEntityAsync(seat, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    claimed.Add((rowKey, taken.Headers.ETag ?? ETag.All));
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound && attempt < MaxAttempts)
                {
                    // Another founder took it (or it was released) since we read it: look again.
                }
            }
        }

        return null;
    }

    async Task<bool> HoldsAsync(string holderId, DateTimeOffset? claimedAtUtc, CouncilPurpose purpose, string file, DateTimeOffset nowUtc,
        CancellationToken cancellationToken)
    {
        if (holderId.Length == 0)
        {
            return false;
        }

        return await FindAsync(holderId, cancellationToken) is { } holder
            ? CouncilRules.Holds(holder, purpose, file)
            : claimedAtUtc is { } at && nowUtc - at < CouncilRules.FoundingWindow; // its founding is under way
    }

    /// <summary>Gives back the seats one founding claimed before it found a file held; a failure leaves them to expire.</summary>
    static async Task ReleaseAsync(TableClient table, List<(string RowKey, ETag ETag)> claimed)
    {
        foreach (var (rowKey, etag) in claimed)
        {
            try
            {
                await table.DeleteEntityAsync(SeatPartition, rowKey, etag, CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Taken over or gone: nothing of ours to give back.
            }
        }
    }
}

/// <summary>A council kept changing under every attempt to write it (the API answers 409, never a 500).</summary>
public sealed class CouncilContentionException : Exception
{
    public CouncilContentionException()
    {
    }

    public CouncilContentionException(string message) : base(message)
    {
    }

    public CouncilContentionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
