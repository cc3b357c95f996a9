using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Inbox;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// The inbox in Table storage (table <see cref="TableNames.OfficerInbox"/>), one partition per "{unit}|{role}" holding,
/// for each application with an open task of that role:
/// <list type="bullet">
/// <item>its task row, row key <c>t|{due, UTC ticks, 19 digits; 9…9 when none}|{application id}</c>: the partition in
/// row-key order is the list overdue first, so a page is a range read from where the last one stopped, and "overdue"
/// is the range below now;</item>
/// <item>its search rows, <c>s|{phrase}|{application id}</c>, one per word of the enterprise name, enterprise code,
/// tracking code and the id (<see cref="SearchText.Phrases"/>), each a copy of the task row: a search is a prefix range
/// read of the folded query;</item>
/// <item>its locator, <c>x|{application id}</c>, listing the row keys above, so the next sync deletes the rows it no
/// longer wants (a due date moved, the task closed).</item>
/// </list>
/// All of an application's rows in a partition are written in one entity-group transaction guarded by the locator's
/// ETag: the task row and its search rows never disagree, and two syncs of one application cannot interleave.
/// </summary>
public sealed class TableInbox(TableClientFactory tables) : IInbox, IInboxReader
{
    public static readonly IReadOnlyList<string> Roles = ["Officer", "Appraiser", "Leader", "Accountant"];

    const string TaskPrefix = "t|";
    const string SearchPrefix = "s|";
    const string LocatorPrefix = "x|";
    const string NoDue = "9999999999999999999";
    const int MaxAttempts = 10;

    public async Task SyncAsync(Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var state = application.Lifecycle;
        if (state.Unit.Length == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.OfficerInbox, cancellationToken);
        foreach (var role in Roles)
        {
            await SyncPartitionAsync(table, application, role, cancellationToken);
        }
    }

    static async Task SyncPartitionAsync(TableClient table, Application application, string role, CancellationToken cancellationToken)
    {
        var state = application.Lifecycle;
        var partition = Partition(state.Unit, role);
        var tasks = state.OpenTasks.Where(t => t.Role == role).ToList();
        var desired = tasks.Count == 0 ? [] : Rows(application, role, tasks);
        var locatorKey = LocatorPrefix + application.Id;
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, locatorKey, cancellationToken: cancellationToken);
            var locator = found.HasValue ? found.Value : null;
            if (locator is null && desired.Count == 0)
            {
                return;
            }

            var held = locator?.GetString("Rows") is { Length: > 0 } list ? list.Split('\n') : [];
            var actions = new List<TableTransactionAction>();
            foreach (var stale in held.Except(desired.Select(d => d.RowKey), StringComparer.Ordinal))
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, stale), ETag.All));
            }

            actions.AddRange(desired.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, d)));
            if (desired.Count == 0)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, locatorKey), locator!.ETag));
            }
            else
            {
                var next = new TableEntity(partition, locatorKey) { ["Rows"] = string.Join('\n', desired.Select(d => d.RowKey)) };
                actions.Add(locator is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, locator.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another sync of this application wrote in between (or a stale row was already gone): read again.
            }
        }
    }

    static List<TableEntity> Rows(Application application, string role, List<OpenTask> tasks)
    {
        var partition = Partition(application.Lifecycle.Unit, role);
        var due = tasks.Where(t => t.DueUtc is not null).Select(t => t.DueUtc).Min();
        var taskKey = TaskKey(due, application.Id);
        var rows = new List<TableEntity> { Entity(partition, taskKey, application, role, tasks, due) };
        foreach (var phrase in SearchText.Phrases(application.Submission.EnterpriseName, application.Submission.EnterpriseCode,
                     application.TrackingCode, application.Id))
        {
            rows.Add(Entity(partition, $"{SearchPrefix}{phrase}|{application.Id}", application, role, tasks, due));
        }

        return rows;
    }

    static TableEntity Entity(string partition, string rowKey, Application application, string role, List<OpenTask> tasks, DateTimeOffset? due)
    {
        var state = application.Lifecycle;
        var entity = new TableEntity(partition, rowKey)
        {
            ["ApplicationId"] = application.Id,
            ["Unit"] = state.Unit,
            ["Role"] = role,
            ["Step"] = string.Join(",", tasks.Select(t => t.Step)),
            ["DueUtc"] = due,
            ["TrackingCode"] = application.TrackingCode,
            ["EnterpriseName"] = application.Submission.EnterpriseName,
            ["EnterpriseCode"] = application.Submission.EnterpriseCode,
            ["Title"] = application.Submission.Title,
            ["Status"] = application.Status.ToString(),
            ["SupportKindId"] = application.Submission.SupportKindId,
            ["BudgetLineId"] = state.BudgetLineId,
            ["BudgetYear"] = state.Approval?.BudgetYear,
            ["UpdatedAtUtc"] = application.UpdatedAtUtc,
            ["NotificationFailures"] = state.NotificationFailures.Count,
            ["DocumentFailures"] = state.DocumentFailures.Count,
        };
        foreach (var step in tasks.Select(t => t.Step).Distinct(StringComparer.Ordinal))
        {
            entity[StepColumn(step)] = true; // the step filter is a property filter the service applies, not a client-side sort
        }

        return entity;
    }

    public async Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(roles);
        var scopes = units.SelectMany(u => roles.Select(r => new InboxScope(u, r))).ToList();
        var items = new List<InboxItem>();
        IReadOnlyDictionary<string, string> after = new Dictionary<string, string>();
        do
        {
            var page = await PageAsync(new InboxPageRequest(scopes, new InboxFilter(null, null, null, false, null, DateTimeOffset.UtcNow), after, 500), cancellationToken);
            items.AddRange(page.Items);
            after = page.Next!;
        }
        while (after is not null);

        return items;
    }

    public async Task<InboxPage> PageAsync(InboxPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await tables.GetAsync(TableNames.OfficerInbox, cancellationToken);
        var filter = request.Filter;
        var search = filter.Search is { Length: > 0 } q ? SearchText.Query(q) : null;
        var (from, to) = search is not null
            ? (SearchPrefix + search, SearchPrefix + search + "~")
            : (TaskPrefix, filter.OverdueOnly ? TaskPrefix + Ticks(filter.Now) : TaskPrefix + "~");
        var reads = request.Scopes
            .Select(scope => (scope, position: request.After.GetValueOrDefault(scope.Key, string.Empty)))
            .Where(s => s.position != IInboxReader.End)
            .Select(async s => (s.scope, s.position,
                rows: await ReadAsync(table, Query(s.scope, s.position, from, to, filter), request.Size, cancellationToken)))
            .ToList();
        var results = await Task.WhenAll(reads);

        // Merge the scopes' ranges in row-key order and take a page; each scope then stops at the last row taken from it.
        var merged = results
            .SelectMany(r => r.rows.rows.Select(row => (r.scope, row)))
            .OrderBy(x => x.row.RowKey, StringComparer.Ordinal).ThenBy(x => x.scope.Key, StringComparer.Ordinal)
            .Take(request.Size)
            .ToList();
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scope, position, (rows, complete)) in results)
        {
            var taken = merged.Where(m => m.scope == scope).Select(m => m.row.RowKey).LastOrDefault();
            next[scope.Key] = complete && rows.Count == merged.Count(m => m.scope == scope)
                ? IInboxReader.End
                : taken ?? position;
        }

        foreach (var scope in request.Scopes.Where(s => request.After.GetValueOrDefault(s.Key) == IInboxReader.End))
        {
            next[scope.Key] = IInboxReader.End;
        }

        var items = merged.Select(m => Item(m.row)).DistinctBy(i => (i.ApplicationId, i.Role, i.Unit)).ToList();
        return new InboxPage(items, next.Values.All(v => v == IInboxReader.End) ? null : next);
    }

    static string Query(InboxScope scope, string after, string from, string to, InboxFilter filter)
    {
        var partition = Partition(scope.Unit, scope.Role);
        var lower = after.Length > 0 && string.CompareOrdinal(after, from) >= 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        if (filter.Step is { Length: > 0 } step)
        {
            lower += $" and {StepColumn(step)} eq true";
        }

        if (filter.Line is { Length: > 0 } line)
        {
            lower += " and " + TableClient.CreateQueryFilter($"BudgetLineId eq {line}");
        }

        if (filter.Year is { } year)
        {
            lower += " and " + TableClient.CreateQueryFilter($"BudgetYear eq {year}");
        }

        return lower;
    }

    /// <summary>Up to <paramref name="size"/> rows of the range, and whether the range ended within them.</summary>
    static async Task<(List<TableEntity> rows, bool complete)> ReadAsync(TableClient table, string filter, int size, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(size);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages())
        {
            foreach (var row in page.Values)
            {
                if (rows.Count == size)
                {
                    return (rows, false);
                }

                rows.Add(row);
            }

            if (rows.Count == size)
            {
                return (rows, page.ContinuationToken is null);
            }
        }

        return (rows, true);
    }

    static InboxItem Item(TableEntity e) =>
        new(e.GetString("ApplicationId") ?? e.RowKey, e.GetString("Unit"), e.GetString("Role"), e.GetString("Step"), e.GetDateTimeOffset("DueUtc"),
            e.GetString("TrackingCode"), e.GetString("EnterpriseName"), e.GetString("Title"), e.GetString("Status"),
            e.GetString("SupportKindId"), e.GetString("BudgetLineId"), e.GetInt32("BudgetYear"),
            e.GetDateTimeOffset("UpdatedAtUtc") ?? default)
        {
            NotificationFailures = e.GetInt32("NotificationFailures") ?? 0,
            DocumentFailures = e.GetInt32("DocumentFailures") ?? 0,
        };

    static string TaskKey(DateTimeOffset? due, string applicationId) => $"{TaskPrefix}{(due is { } d ? Ticks(d) : NoDue)}|{applicationId}";

    static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>A step's flag column: letters and digits of the step name only (steps are identifiers; anything else cannot match).</summary>
    static string StepColumn(string step) => "Step_" + new string([.. step.Where(char.IsAsciiLetterOrDigit)]);

    static string Partition(string unit, string role) => $"{unit}|{role}";
}
