using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Report runs in Table storage (table <see cref="TableName"/>): one row per run in partition "run", the run as JSON
/// split over properties of at most 30,000 characters (a string property holds 64 KiB), replaced only with the ETag
/// it was read with (If-Match), so two officers saving at once never overwrite each other: the loser re-reads and its
/// change is applied again (and refused by the rules when it no longer fits, e.g. the narrative's revision).
/// </summary>
public sealed class TableReportRuns(TableClientFactory tables) : IReportRunRepository
{
    public const string TableName = "ReportRuns";
    const string Partition = "run";
    const int ChunkLength = 30_000;
    const int MaxAttempts = 10;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<bool> TryAddAsync(ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(run), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ReportRun?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var runs = new List<ReportRun>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            runs.Add(FromEntity(row));
        }

        return runs.OrderByDescending(r => r.CreatedAtUtc).ToList();
    }

    public async Task<ValidationResult<ReportRun>?> UpdateAsync(string id, Func<ReportRun, ValidationResult<ReportRun>> change, CancellationToken cancellationToken)
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
                // Someone else wrote the run since it was read: read it again and apply the change to that.
            }
        }

        throw new InvalidOperationException($"Report run {id} kept changing under {MaxAttempts} attempts.");
    }

    static TableEntity ToEntity(ReportRun run)
    {
        var json = JsonSerializer.Serialize(run, Json);
        var entity = new TableEntity(Partition, run.Id) { ["State"] = run.State.ToString(), ["Chunks"] = (json.Length + ChunkLength - 1) / ChunkLength };
        for (var i = 0; i * ChunkLength < json.Length; i++)
        {
            entity["Json" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - i * ChunkLength));
        }

        return entity;
    }

    static ReportRun FromEntity(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(entity.GetString("Json" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return JsonSerializer.Deserialize<ReportRun>(json.ToString(), Json) ?? throw new InvalidOperationException($"Report run {entity.RowKey} is empty.");
    }
}
