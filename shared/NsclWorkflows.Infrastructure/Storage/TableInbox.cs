using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// The inbox in Table storage: partition "{unit}|{role}", row key the application id. Listing a role of a unit is one
/// partition query over that role's open tasks only.
/// </summary>
public sealed class TableInbox(TableClientFactory tables) : IInbox
{
    public static readonly IReadOnlyList<string> Roles = ["Officer", "Appraiser", "Leader"];

    public async Task SyncAsync(Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var table = await tables.GetAsync(TableNames.Inbox, cancellationToken);
        var state = application.Lifecycle;
        if (state.Unit.Length == 0)
        {
            return;
        }

        foreach (var role in Roles)
        {
            var task = state.OpenTasks.FirstOrDefault(t => t.Role == role);
            var partition = Partition(state.Unit, role);
            if (task is null)
            {
                await table.DeleteEntityAsync(partition, application.Id, ETag.All, cancellationToken);
                continue;
            }

            var steps = string.Join(",", state.OpenTasks.Where(t => t.Role == role).Select(t => t.Step));
            await table.UpsertEntityAsync(new TableEntity(partition, application.Id)
            {
                ["Unit"] = state.Unit,
                ["Role"] = role,
                ["Step"] = steps,
                ["DueUtc"] = task.DueUtc,
                ["TrackingCode"] = application.TrackingCode,
                ["EnterpriseName"] = application.Submission.EnterpriseName,
                ["Title"] = application.Submission.Title,
                ["Status"] = application.Status.ToString(),
                ["SupportKindId"] = application.Submission.SupportKindId,
                ["BudgetLineId"] = state.BudgetLineId,
                ["BudgetYear"] = state.Approval?.BudgetYear,
                ["UpdatedAtUtc"] = application.UpdatedAtUtc,
                ["NotificationFailures"] = state.NotificationFailures.Count,
                ["DocumentFailures"] = state.DocumentFailures.Count,
            }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(roles);
        var table = await tables.GetAsync(TableNames.Inbox, cancellationToken);
        var items = new List<InboxItem>();
        foreach (var unit in units)
        {
            foreach (var role in roles)
            {
                var partition = Partition(unit, role);
                await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: cancellationToken))
                {
                    items.Add(new InboxItem(e.RowKey, e.GetString("Unit"), e.GetString("Role"), e.GetString("Step"), e.GetDateTimeOffset("DueUtc"),
                        e.GetString("TrackingCode"), e.GetString("EnterpriseName"), e.GetString("Title"), e.GetString("Status"),
                        e.GetString("SupportKindId"), e.GetString("BudgetLineId"), e.GetInt32("BudgetYear"),
                        e.GetDateTimeOffset("UpdatedAtUtc") ?? default)
                    {
                        NotificationFailures = e.GetInt32("NotificationFailures") ?? 0,
                        DocumentFailures = e.GetInt32("DocumentFailures") ?? 0,
                    });
                }
            }
        }

        return [.. items.OrderBy(i => i.DueUtc ?? DateTimeOffset.MaxValue).ThenBy(i => i.ApplicationId, StringComparer.Ordinal)];
    }

    static string Partition(string unit, string role) => $"{unit}|{role}";
}
