using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Calls for applications in Table storage (table <c>{prefix}Calls</c>): partition = call id, one row <c>call</c> holding
/// the call as JSON beside the columns it is listed by, and one row <c>a|{ticks}|{application id}</c> per application
/// submitted to it (the call's index: its page reads one partition, never the applications table). A change is written
/// only if the row's ETag is unchanged since it was read. Column names and the JSON's fields are stored data: only add.
/// </summary>
public sealed class TableCallRepository(TableClientFactory tables, TimeProvider time) : ICallRepository
{
    public const string TableName = "Calls";
    public const string RowKey = "call";
    const string ApplicationRowPrefix = "a|";
    const int MaxConflictRetries = 10;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<bool> TryAddAsync(Call call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(call), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<Call?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!CallIds.IsWellFormed(id))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<Call?> UpdateAsync(string id, Func<Call, Task<Call?>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(change);
        if (!CallIds.IsWellFormed(id))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        return await ConditionalReplace.UpdateAsync(table, id, RowKey, FromEntity, ToEntity, change, MaxConflictRetries, cancellationToken);
    }

    public async Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var list = new List<Call>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RowKey}"), cancellationToken: cancellationToken))
        {
            list.Add(FromEntity(row));
        }

        return [.. list.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task AddApplicationAsync(string callId, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        if (await FindIndexAsync(table, callId, applicationId, cancellationToken))
        {
            return;
        }

        var entity = new TableEntity(callId, $"{ApplicationRowPrefix}{time.GetUtcNow().UtcTicks:D19}|{applicationId}") { ["ApplicationId"] = applicationId };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ApplicationIdsAsync(string callId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(IndexFilter(callId), select: ["ApplicationId"], cancellationToken: cancellationToken))
        {
            ids.Add(row.GetString("ApplicationId"));
        }

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    static async Task<bool> FindIndexAsync(TableClient table, string callId, string applicationId, CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(IndexFilter(callId) + " and " + TableClient.CreateQueryFilter($"ApplicationId eq {applicationId}"),
            select: ["ApplicationId"], cancellationToken: cancellationToken))
        {
            return row is not null;
        }

        return false;
    }

    static string IndexFilter(string callId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {ApplicationRowPrefix} and RowKey lt {ApplicationRowPrefix[..1] + "}"}");

    static TableEntity ToEntity(Call c) => new(c.Id, RowKey)
    {
        ["LineId"] = c.LineId,
        ["Year"] = c.Year,
        ["Unit"] = c.Unit,
        ["OpensOn"] = c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["ClosesOn"] = c.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["UpdatedAtUtc"] = c.UpdatedAtUtc,
        ["Call"] = JsonSerializer.Serialize(c, Json),
    };

    static Call FromEntity(TableEntity e) =>
        JsonSerializer.Deserialize<Call>(e.GetString("Call"), Json)
        ?? throw new InvalidOperationException($"Call row {e.PartitionKey} holds no call.");
}
