using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// <see cref="IParkedEmails"/> in Table storage (table <see cref="TableName"/>): one partition, one row per notification
/// (row key: the application and a hash of event, occurrence and audience, so parking it again conflicts and the first
/// stays), the request as JSON (a notification's facts are short texts). A page is read and sorted by parking time: the
/// table holds only what an outage left, and each row leaves once sent or given up.
/// </summary>
public sealed class TableParkedEmails(TableClientFactory tables) : IParkedEmails
{
    public const string TableName = "ParkedEmails";
    const string Partition = "parked";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ParkAsync(NotificationRequest request, string reason, DateTimeOffset parkedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = new TableEntity(Partition, RowKey(request))
        {
            ["Request"] = JsonSerializer.Serialize(request, Json),
            ["Reason"] = reason.Length > 2_000 ? reason[..2_000] : reason,
            ["ParkedAtUtc"] = parkedAtUtc,
        };
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Parked already (a step's activity run twice, a reminder dispatched again): the first stays.
        }
    }

    public async Task<IReadOnlyList<ParkedEmail>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = new List<ParkedEmail>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: Math.Min(max, 1_000),
            cancellationToken: cancellationToken))
        {
            if (row.GetString("Request") is { } json && JsonSerializer.Deserialize<NotificationRequest>(json, Json) is { } request)
            {
                found.Add(new ParkedEmail(request, row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("ParkedAtUtc") ?? DateTimeOffset.MinValue));
            }

            if (found.Count >= max)
            {
                break;
            }
        }

        return [.. found.OrderBy(p => p.ParkedAtUtc)];
    }

    public async Task RemoveAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, RowKey(request), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>The notification's identity: application, then a hash of event, occurrence and audience (as its workflow's id).</summary>
    static string RowKey(NotificationRequest request) => $"{request.ApplicationId}|{NotificationIdentity.Hash(request)}";
}
