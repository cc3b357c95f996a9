using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Applications in Table storage: partition = application id, holding the application row and its audit rows, so a
/// state change and its audit entry are written in one entity-group transaction guarded by the row's ETag.
/// </summary>
public sealed class TableApplicationRepository(TableClientFactory tables) : IApplicationRepository, IApplicationDirectory
{
    const int MaxConflictRetries = 10;

    public async IAsyncEnumerable<Application> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Applications, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == ApplicationEntityMapper.ApplicationRowKey, cancellationToken: cancellationToken))
        {
            yield return ApplicationEntityMapper.FromEntity(row);
        }
    }

    public async Task<bool> TryAddAsync(Application application, AuditEntry firstEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(firstEntry);
        var table = await tables.GetAsync(TableNames.Applications, cancellationToken);
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.Add, ApplicationEntityMapper.ToEntity(application)),
            new(TableTransactionActionType.Add, ApplicationEntityMapper.ToEntity(firstEntry, UniqueSuffix())),
        ];
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<Application?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Applications, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, ApplicationEntityMapper.ApplicationRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ApplicationEntityMapper.FromEntity(row.Value!) : null;
    }

    public async Task<Application?> UpdateAsync(string id, Func<Application, AuditEntry?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await tables.GetAsync(TableNames.Applications, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(id, ApplicationEntityMapper.ApplicationRowKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var application = ApplicationEntityMapper.FromEntity(row.Value!);
            var entry = change(application);
            if (entry is null)
            {
                return application;
            }

            var updated = ApplicationEntityMapper.ToEntity(application);
            updated.ETag = row.Value!.ETag;
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.UpdateReplace, updated, row.Value.ETag),
                new(TableTransactionActionType.Add, ApplicationEntityMapper.ToEntity(entry, UniqueSuffix())),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return application;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < MaxConflictRetries)
            {
                // Someone else changed the application between our read and write: read again and re-decide.
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Applications, cancellationToken);
        var prefix = ApplicationEntityMapper.AuditRowPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var entries = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(ApplicationEntityMapper.AuditFromEntity(e));
        }

        return entries;
    }

    static string UniqueSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
