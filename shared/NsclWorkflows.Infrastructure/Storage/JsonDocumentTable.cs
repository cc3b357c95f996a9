using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Records kept one per row of a table as JSON (report runs, councils): the JSON split over properties of at most
/// 30,000 characters (a string property holds 64 KiB), a few plain columns beside it for queries, and every change
/// written only with the ETag the record was read with (If-Match). Two people changing one record at once never
/// overwrite each other: the loser re-reads and its change is applied again to the newer record (and refused by the
/// rules when it no longer fits).
/// </summary>
internal sealed class JsonDocumentTable<T>(
    TableClientFactory tables, string tableName, string partition, Func<T, string> idOf, Func<T, IReadOnlyDictionary<string, object>> columns)
    where T : class
{
    const int ChunkLength = 30_000;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<bool> TryAddAsync(T record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(tableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<T?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var table = await tables.GetAsync(tableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The records whose <paramref name="column"/> equals <paramref name="value"/> (all of them when null).</summary>
    public async Task<List<T>> ListAsync(string? column, string? value, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var filter = column is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + $" and {column} eq " + TableClient.CreateQueryFilter($"{value}");
        var found = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(row));
        }

        return found;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the record as stored and writes it under the ETag it was read with, again on a
    /// newer record when someone wrote in between; null when there is no such record; <paramref name="contention"/> after
    /// <paramref name="maxAttempts"/> lost races.
    /// </summary>
    public async Task<ValidationResult<T>?> UpdateAsync(string id, Func<T, ValidationResult<T>> change, int maxAttempts, Func<Exception> contention,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(contention);
        var table = await tables.GetAsync(tableName, cancellationToken);
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var result = change(FromEntity(row.Value!));
            if (!result.IsValid)
            {
                return result;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(result.Value!), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return result;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Someone else wrote the record since it was read: read it again and apply the change to that.
            }
        }

        throw contention();
    }

    TableEntity ToEntity(T record)
    {
        var json = JsonSerializer.Serialize(record, Json);
        var entity = new TableEntity(partition, idOf(record)) { ["Chunks"] = (json.Length + ChunkLength - 1) / ChunkLength };
        foreach (var (name, value) in columns(record))
        {
            entity[name] = value;
        }

        for (var i = 0; i * ChunkLength < json.Length; i++)
        {
            entity["Json" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - i * ChunkLength));
        }

        return entity;
    }

    static T FromEntity(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(entity.GetString("Json" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return JsonSerializer.Deserialize<T>(json.ToString(), Json) ?? throw new InvalidOperationException($"{typeof(T).Name} {entity.RowKey} is empty.");
    }
}
