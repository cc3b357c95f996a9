using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Activities;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Programme activities in Table storage: partition = activity id, one row holding the activity as JSON (its spending
/// and outputs included) beside the columns it is listed by (line, year, state). A change is written only if the row's
/// ETag is unchanged since it was read. Column names and the JSON's fields are stored data: only add.
/// </summary>
public sealed class TableActivityRepository(TableClientFactory tables) : IActivityRepository
{
    public const string RowKey = "activity";
    const int MaxConflictRetries = 10;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<bool> TryAddAsync(ProgrammeActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var table = await tables.GetAsync(TableNames.Activities, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(activity), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ProgrammeActivity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var table = await tables.GetAsync(TableNames.Activities, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<ProgrammeActivity?> UpdateAsync(string id, Func<ProgrammeActivity, Task<ProgrammeActivity?>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(change);
        var table = await tables.GetAsync(TableNames.Activities, cancellationToken);
        return await ConditionalReplace.UpdateAsync(table, id, RowKey, FromEntity, ToEntity, change, MaxConflictRetries, cancellationToken);
    }

    public async Task<IReadOnlyList<ProgrammeActivity>> ListAsync(int? year, string? lineId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Activities, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey}");
        if (year is { } y)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Year eq {y}");
        }

        if (!string.IsNullOrEmpty(lineId))
        {
            filter += " and " + TableClient.CreateQueryFilter($"LineId eq {lineId}");
        }

        var list = new List<ProgrammeActivity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(FromEntity(row));
        }

        return [.. list.OrderBy(a => a.PlannedStart).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    static TableEntity ToEntity(ProgrammeActivity a) => new(a.Id, RowKey)
    {
        ["LineId"] = a.LineId,
        ["Year"] = a.Year,
        ["State"] = a.State.ToString(),
        ["LeadUnit"] = a.LeadUnit,
        ["OfficerId"] = a.Officer.Id,
        ["UpdatedAtUtc"] = a.UpdatedAtUtc,
        ["Activity"] = JsonSerializer.Serialize(a, Json),
    };

    static ProgrammeActivity FromEntity(TableEntity e) =>
        JsonSerializer.Deserialize<ProgrammeActivity>(e.GetString("Activity"), Json)
        ?? throw new InvalidOperationException($"Activity row {e.PartitionKey} holds no activity.");
}
