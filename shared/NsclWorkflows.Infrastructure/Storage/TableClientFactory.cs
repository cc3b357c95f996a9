using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Hands out table clients, creating each table once per process on first use.</summary>
public sealed class TableClientFactory(TableServiceClient service, IOptions<StorageOptions> options)
{
    readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n))).Value.WaitAsync(cancellationToken);

    async Task<TableClient> CreateAsync(string name)
    {
        var client = service.GetTableClient(options.Value.TableName(name));
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
