using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// <see cref="IContactEmailQuota"/> in Table storage: one row per mailbox (SHA-256 of the address, no address stored)
/// holding the submissions counted in the last 72 hours as (hash of request key, time). A mailbox's first count is one
/// insert; any later count is a read, then an ETag-conditional replace (or an insert): two hosts counting at once cannot both take the last place; the loser reads
/// again. Entries older than 72 hours are dropped on the next write, so a replay within the idempotency records' life
/// is still recognised.
/// </summary>
public sealed class TableContactEmailQuota(TableClientFactory tables) : IContactEmailQuota
{
    public const string TableName = "ContactEmailQuota";
    static readonly TimeSpan Window = TimeSpan.FromHours(24);
    static readonly TimeSpan Kept = TimeSpan.FromHours(72);
    const int Attempts = 10;

    public async Task<ContactEmailQuotaDecision> TryCountAsync(string contactEmail, string requestKey, int perDay, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactEmail);
        ArgumentNullException.ThrowIfNull(requestKey);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rowKey = Hash(IContactEmailQuota.Mailbox(contactEmail));
        var partitionKey = rowKey[..2];
        var key = Hash(requestKey);
        if (perDay >= 1 && await TryFirstCountAsync(table, partitionKey, rowKey, key, now, cancellationToken))
        {
            return ContactEmailQuotaDecision.Yes;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            var entity = existing.HasValue ? existing.Value : null;
            var entries = Read(entity).Where(e => now - e.At < Kept).ToList();
            if (entries.Any(e => e.Key == key))
            {
                return ContactEmailQuotaDecision.Yes;
            }

            var recent = entries.Where(e => now - e.At < Window).OrderBy(e => e.At).ToList();
            if (recent.Count >= perDay)
            {
                return new ContactEmailQuotaDecision(false, recent[recent.Count - perDay].At + Window - now);
            }

            entries.Add(new Entry(key, now));
            var updated = new TableEntity(partitionKey, rowKey) { ["Entries"] = JsonSerializer.Serialize(entries) };
            try
            {
                if (entity is null)
                {
                    await table.AddEntityAsync(updated, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(updated, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return ContactEmailQuotaDecision.Yes;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another request counted first: read again.
            }
        }

        // Still contended after every attempt: refuse this one briefly rather than count past the limit.
        return new ContactEmailQuotaDecision(false, TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// A mailbox's first count, in one request: insert its row with this request as the only entry. The insert fails on
    /// conflict when the mailbox has a row already (counted before, or by a concurrent request): then the caller reads
    /// it and decides as for any known mailbox, so no read comes before an insert that would fail anyway.
    /// </summary>
    static async Task<bool> TryFirstCountAsync(TableClient table, string partitionKey, string rowKey, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["Entries"] = JsonSerializer.Serialize(new List<Entry> { new(key, now) }) },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    static List<Entry> Read(TableEntity? entity) =>
        entity?.GetString("Entries") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<Entry>>(json) ?? [] : [];

    static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    sealed record Entry(string Key, DateTimeOffset At);
}
