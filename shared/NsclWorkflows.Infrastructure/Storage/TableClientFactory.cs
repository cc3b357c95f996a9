using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Hands out table clients, creating each table once per process on first use (tried again after a failure).</summary>
public sealed class TableClientFactory(TableServiceClient service, IOptions<StorageOptions> options)
{
    readonly ConcurrentDictionary<string, CreatedOnce<TableClient>> tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        tables.GetOrAdd(name, n => new CreatedOnce<TableClient>(() => CreateAsync(n))).GetAsync(cancellationToken);

    async Task<TableClient> CreateAsync(string name)
    {
        var client = service.GetTableClient(options.Value.TableName(name));
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
