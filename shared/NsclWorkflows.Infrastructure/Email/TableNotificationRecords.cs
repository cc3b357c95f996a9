using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>What a caller may do with one e-mail after claiming it.</summary>
public enum ClaimResult
{
    /// <summary>Nobody sent it yet (or the last attempt was refused for now): send it.</summary>
    Send,

    /// <summary>Sent before: do nothing.</summary>
    AlreadySent,

    /// <summary>A previous run stopped between handing it over and recording the answer: do not send again.</summary>
    Unconfirmed,

    /// <summary>Refused for good before: report the recorded reason again.</summary>
    AlreadyFailed,
}

/// <summary>The outcome of a claim, with the attempt number (when sending) or the recorded reason (when failed).</summary>
public sealed record Claim(ClaimResult Result, int Attempt, string? Reason);

/// <summary>
/// The e-mail records in Table storage: the idempotency record that makes each e-mail go out at most once, and the
/// log the status page and the officers' inbox read. State moves Sending → Sent | Retrying | Failed; Retrying →
/// Sending; Sending found by a later run → Unconfirmed. Changes of a claimed row are guarded by its ETag.
/// </summary>
public sealed class TableNotificationRecords(TableClientFactory tables, TimeProvider time) : INotificationLog
{
    const int MaxConflictRetries = 10;

    /// <summary>Claims the e-mail for sending. Two runs racing for the same e-mail never both get <see cref="ClaimResult.Send"/>.</summary>
    public async Task<Claim> ClaimAsync(NotificationKey key, NotificationAudience audience, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableNames.Notifications, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            try
            {
                await table.AddEntityAsync(NewRow(key, audience, subject, now), cancellationToken);
                return new Claim(ClaimResult.Send, 1, null);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Exists: decide from its state below.
            }

            var row = (await table.GetEntityAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken)).Value;
            var attempts = row.GetInt32("Attempts") ?? 1;
            var state = Enum.Parse<NotificationState>(row.GetString("State"));
            TableEntity? change = state switch
            {
                NotificationState.Retrying => Change(row, NotificationState.Sending, now, ("Attempts", attempts + 1), ("Subject", subject)),
                NotificationState.Sending => Change(row, NotificationState.Unconfirmed, now,
                    ("Reason", "Lần chạy trước dừng giữa lúc gửi và lúc ghi nhận kết quả; không gửi lại để tránh gửi trùng.")),
                _ => null,
            };
            if (change is null)
            {
                return state switch
                {
                    NotificationState.Sent => new Claim(ClaimResult.AlreadySent, attempts, null),
                    NotificationState.Unconfirmed => new Claim(ClaimResult.Unconfirmed, attempts, row.GetString("Reason")),
                    _ => new Claim(ClaimResult.AlreadyFailed, attempts, row.GetString("Reason")),
                };
            }

            try
            {
                await table.UpdateEntityAsync(change, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return state == NotificationState.Retrying
                    ? new Claim(ClaimResult.Send, attempts + 1, null)
                    : new Claim(ClaimResult.Unconfirmed, attempts, change.GetString("Reason"));
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxConflictRetries)
            {
                // Another run changed it between our read and write: read again.
            }
        }
    }

    /// <summary>
    /// Records the provider's answer (or a refusal decided here). The sender knows the truth, so this overwrites
    /// (an <see cref="NotificationState.Unconfirmed"/> set meanwhile by a racing run included). Empty values clear old ones.
    /// </summary>
    public async Task RecordAsync(
        NotificationKey key, NotificationAudience audience, string subject, NotificationState state, int? providerStatus, string? reason,
        string? providerMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableNames.Notifications, cancellationToken);
        var now = time.GetUtcNow();
        var row = new TableEntity(key.PartitionKey, key.RowKey)
        {
            ["State"] = state.ToString(),
            ["ProviderStatus"] = providerStatus ?? 0,
            ["Reason"] = reason ?? string.Empty,
            ["ProviderMessageId"] = providerMessageId ?? string.Empty,
            ["UpdatedAtUtc"] = now,
        };
        try
        {
            await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A refusal decided before any claim (no recipient, template error): the first record of this e-mail.
            var first = NewRow(key, audience, subject, now);
            foreach (var (name, value) in row)
            {
                first[name] = value;
            }

            await table.UpsertEntityAsync(first, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Notifications, cancellationToken);
        var partition = new NotificationKey(applicationId, default, string.Empty, string.Empty).PartitionKey;
        var records = new List<NotificationRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            records.Add(FromRow(row));
        }

        return [.. records.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Event).ThenBy(r => r.Recipient, StringComparer.Ordinal)];
    }

    /// <summary>Reads one e-mail's record, or null.</summary>
    public async Task<NotificationRecord?> FindAsync(NotificationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableNames.Notifications, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    static TableEntity NewRow(NotificationKey key, NotificationAudience audience, string subject, DateTimeOffset now) => new(key.PartitionKey, key.RowKey)
    {
        ["ApplicationId"] = key.ApplicationId,
        ["Event"] = key.Event.ToString(),
        ["Occurrence"] = key.Occurrence,
        ["Audience"] = audience.ToString(),
        ["Recipient"] = key.Recipient,
        ["MessageKey"] = key.MessageKey,
        ["Subject"] = subject,
        ["State"] = nameof(NotificationState.Sending),
        ["Attempts"] = 1,
        ["CreatedAtUtc"] = now,
        ["UpdatedAtUtc"] = now,
    };

    static TableEntity Change(TableEntity row, NotificationState state, DateTimeOffset now, params (string Name, object? Value)[] values)
    {
        var change = new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = state.ToString(), ["UpdatedAtUtc"] = now };
        foreach (var (name, value) in values)
        {
            change[name] = value;
        }

        return change;
    }

    static NotificationRecord FromRow(TableEntity row) => new(
        row.GetString("ApplicationId"),
        Enum.Parse<NotificationEvent>(row.GetString("Event")),
        row.GetString("Occurrence"),
        Enum.Parse<NotificationAudience>(row.GetString("Audience")),
        row.GetString("Recipient"),
        row.GetString("Subject") ?? string.Empty,
        Enum.Parse<NotificationState>(row.GetString("State")),
        row.GetInt32("Attempts") ?? 1,
        row.GetInt32("ProviderStatus") is > 0 and var status ? status : null,
        row.GetString("Reason") is { Length: > 0 } reason ? reason : null,
        row.GetDateTimeOffset("CreatedAtUtc") ?? default,
        row.GetDateTimeOffset("UpdatedAtUtc") ?? default);
}
