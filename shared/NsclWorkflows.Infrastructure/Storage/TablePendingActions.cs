using System.Text.Json;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// <see cref="IPendingActions"/> in Table storage: one partition per application, one row per accepted action (row key:
/// its id), the action as UTF-8 JSON in binary properties of at most 64 KiB each (an entity holds 1 MiB; an action's
/// texts are bounded far below that).
/// </summary>
public sealed class TablePendingActions(TableClientFactory tables) : IPendingActions
{
    const int ChunkBytes = 64 * 1024;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One partition per application, one row per accepted action not yet taken.</summary>
    public const string TableName = "PendingActions";

    public async Task AddAsync(string applicationId, ActionRequest action, DateTimeOffset acceptedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var id = action.ActionId ?? throw new ArgumentException("A kept action needs its id.", nameof(action));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(action, Json);
        var entity = new TableEntity(applicationId, id) { ["AcceptedAtUtc"] = acceptedAtUtc };
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes, chunks++)
        {
            entity["Action" + chunks] = bytes[offset..Math.Min(bytes.Length, offset + ChunkBytes)];
        }

        entity["Chunks"] = chunks;
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ActionRequest>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var kept = new List<(DateTimeOffset At, ActionRequest Action)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {applicationId}"), cancellationToken: cancellationToken))
        {
            var bytes = new List<byte>();
            for (var i = 0; i < (row.GetInt32("Chunks") ?? 0); i++)
            {
                bytes.AddRange(row.GetBinary("Action" + i) ?? []);
            }

            if (JsonSerializer.Deserialize<ActionRequest>(bytes.ToArray(), Json) is { } action)
            {
                kept.Add((row.GetDateTimeOffset("AcceptedAtUtc") ?? DateTimeOffset.MinValue, action));
            }
        }

        return [.. kept.OrderBy(k => k.At).Select(k => k.Action)];
    }

    public async Task RemoveAsync(string applicationId, string actionId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(applicationId, actionId, Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Removed already (the step's activity ran twice).
        }
    }
}
