using Azure.Data.Tables;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>Reads what the system wrote in storage, to assert on the real state rather than on responses.</summary>
sealed class StorageProbe(string connectionString)
{
    readonly TableServiceClient service = new(connectionString);

    /// <summary>
    /// The application rows only: an application's partition also holds its audit rows, which its workflow adds after the
    /// 201 (a count of every row moves while the receipt step runs).
    /// </summary>
    public const string ApplicationRows = "RowKey eq 'application'";

    public async Task<int> CountRowsAsync(string table, string? filter = null)
    {
        var client = service.GetTableClient(table);
        var count = 0;
        try
        {
            await foreach (var _ in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        return count;
    }

    public async Task<List<TableEntity>> RowsAsync(string table, string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in service.GetTableClient(table).QueryAsync<TableEntity>(filter))
        {
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>History events of one orchestration instance in the task hub's history table.</summary>
    public Task<List<TableEntity>> HistoryAsync(string taskHub, string instanceId) =>
        RowsAsync(taskHub + "History", TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"));

    public Task<List<TableEntity>> AuditAsync(string applicationId) =>
        RowsAsync("nsclApplications", TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and RowKey ge {"audit-"} and RowKey lt {"audit-~"}"));
}
