using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    const string Partition = "council";
    const int ChunkLength = 30_000;
    const int MaxAttempts = 20;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<bool> TryAddAsync(Council council, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(council), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<Council?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Council>> ListAsync(string? unit, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = unit is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Unit eq {unit}");
        var councils = new List<Council>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            councils.Add(FromEntity(row));
        }

        return [.. councils.OrderByDescending(c => c.CreatedAtUtc)];
    }

    public async Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
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
                // Someone else wrote the council since it was read: read it again and apply the change to that.
            }
        }

        throw new CouncilContentionException($"Council {id} kept changing under {MaxAttempts} attempts.");
    }

    static TableEntity ToEntity(Council council)
    {
        var json = JsonSerializer.Serialize(council, Json);
        var entity = new TableEntity(Partition, council.Id)
        {
            ["Unit"] = council.Unit,
            ["State"] = council.State.ToString(),
            ["Chunks"] = (json.Length + ChunkLength - 1) / ChunkLength,
        };
        for (var i = 0; i * ChunkLength < json.Length; i++)
        {
            entity["Json" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - i * ChunkLength));
        }

        return entity;
    }

    static Council FromEntity(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(entity.GetString("Json" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return JsonSerializer.Deserialize<Council>(json.ToString(), Json) ?? throw new InvalidOperationException($"Council {entity.RowKey} is empty.");
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
