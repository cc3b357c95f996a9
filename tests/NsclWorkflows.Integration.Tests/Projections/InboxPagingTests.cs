using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Inbox;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Inbox;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Security;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Projections;

/// <summary>
/// The inbox on Azurite: pages of range reads over several (unit, role) lists return every task that stays open exactly
/// once while other tasks open, close and change; overdue tasks come first (a task whose due date moves past the
/// reader's position between two pages can show again further on: the position is a row key, not a snapshot); search folds diacritics; continuation tokens
/// do not open for other lists or filters, nor when altered.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class InboxPagingTests(AzuriteFixture azurite)
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    static readonly InboxScope[] Scopes = [new("u1", "Officer"), new("u1", "Leader"), new("u2", "Officer")];

    [Fact]
    public async Task Page_TasksChangeBetweenPages_EveryTaskOpenThroughoutExactlyOnceOverdueFirst()
    {
        var inbox = new TableInbox(Factory("inboxpaging"));
        var random = new Random(17);
        var stable = new List<Application>();
        var volatileTasks = new List<Application>();
        for (var i = 0; i < 180; i++)
        {
            var a = New(i, Scopes[i % Scopes.Length], random.NextDouble() < 0.1 ? null : Now.AddDays(random.Next(-30, 60)), $"Công ty {i}");
            (i % 4 == 0 ? volatileTasks : stable).Add(a);
        }

        foreach (var chunk in stable.Concat(volatileTasks).Chunk(20))
        {
            await Task.WhenAll(chunk.Select(a => inbox.SyncAsync(a, CancellationToken.None)));
        }

        var seen = new List<InboxItem>();
        IReadOnlyDictionary<string, string>? after = new Dictionary<string, string>();
        var page = 0;
        while (after is not null)
        {
            var result = await inbox.PageAsync(new InboxPageRequest(Scopes, Filter(), after, 50), CancellationToken.None);
            Assert.True(result.Items.Count <= 50);
            seen.AddRange(result.Items);
            after = result.Next;

            // Between pages: some volatile tasks close, others change step (same due date), new tasks arrive.
            foreach (var a in volatileTasks.Skip(page * 5).Take(5))
            {
                var task = a.Lifecycle.OpenTasks[0];
                a.Lifecycle.OpenTasks = page % 2 == 0 ? [] : [task with { Step = "ReviewCheckIn" }];
                await inbox.SyncAsync(a, CancellationToken.None);
            }

            for (var n = 0; n < 7; n++)
            {
                await inbox.SyncAsync(New(1000 + (page * 10) + n, Scopes[n % Scopes.Length], Now.AddDays(random.Next(-60, 60)), "Công ty mới"), CancellationToken.None);
            }

            page++;
        }

        var byId = seen.GroupBy(i => i.ApplicationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(stable, a => Assert.Equal(1, byId.GetValueOrDefault(a.Id)));
        Assert.All(byId, kv => Assert.Equal(1, kv.Value)); // no task twice, changed ones included
        Assert.True(page >= 4, $"only {page} pages");

        var first = await inbox.PageAsync(new InboxPageRequest(Scopes, Filter(), new Dictionary<string, string>(), 50), CancellationToken.None);
        var dues = first.Items.Select(i => i.DueUtc ?? DateTimeOffset.MaxValue).ToList();
        Assert.Equal(dues.Order(), dues); // overdue first, across the three lists
        Assert.True(first.Items[0].DueUtc < Now);
    }

    [Fact]
    public async Task Page_SearchWithoutDiacritics_FindsByNameCodeAndTrackingCodeInOwnListsOnly()
    {
        var inbox = new TableInbox(Factory("inboxsearch"));
        var ours = New(1, Scopes[0], Now.AddDays(3), "Công ty TNHH Cơ khí Hòa Khánh", "0401234567");
        var otherUnit = New(2, new InboxScope("u9", "Officer"), Now.AddDays(3), "Công ty TNHH Cơ khí Hòa Khánh", "0401234567");
        var unrelated = New(3, Scopes[0], Now.AddDays(3), "Hợp tác xã Đại Lộc", "0409999999");
        foreach (var a in new[] { ours, otherUnit, unrelated })
        {
            await inbox.SyncAsync(a, CancellationToken.None);
        }

        async Task<string[]> SearchAsync(string q) =>
            [.. (await inbox.PageAsync(new InboxPageRequest(Scopes, Filter(q), new Dictionary<string, string>(), 50), CancellationToken.None)).Items.Select(i => i.ApplicationId)];

        Assert.Equal([ours.Id], await SearchAsync("hoa khanh"));
        Assert.Equal([ours.Id], await SearchAsync("CƠ KHÍ HÒA"));
        Assert.Equal([ours.Id], await SearchAsync("0401234567"));
        Assert.Equal([ours.Id], await SearchAsync(ours.TrackingCode.ToLowerInvariant()));
        Assert.Equal([unrelated.Id], await SearchAsync("dai loc"));
        Assert.Empty(await SearchAsync("hoa khanh dai"));
    }

    /// <summary>
    /// What makes a page cost a page on Azure Table storage (served from the (PartitionKey, RowKey) index; Azurite scans
    /// the table, see docs/benchmarks.md): one request per list, a key range within its partition with $top of the page
    /// size, whatever the list holds; the next page starts after the last row taken; a search is a key range too.
    /// </summary>
    [Fact]
    public async Task Page_FirstNextAndSearch_OneKeyRangeReadOfAPagePerList()
    {
        var requests = new RecordingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var inbox = new TableInbox(new TableClientFactory(service,
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "inboxrange" })));
        var scope = new InboxScope("u1", "Officer");
        foreach (var chunk in Enumerable.Range(0, 130).Chunk(26))
        {
            await Task.WhenAll(chunk.Select(i => inbox.SyncAsync(New(i, scope, Now.AddDays(i - 65), $"Công ty Hòa Khánh {i}"), CancellationToken.None)));
        }

        var inboxTable = "inboxrange" + TableNames.OfficerInbox;
        async Task<(InboxPage Page, IReadOnlyList<(string Top, string Filter)> Reads)> PageAsync(IReadOnlyDictionary<string, string> after, string? q = null)
        {
            requests.Clear();
            var page = await inbox.PageAsync(new InboxPageRequest([scope], Filter(q), after, 50), CancellationToken.None);
            return (page, requests.Queries(inboxTable));
        }

        var (first, firstReads) = await PageAsync(new Dictionary<string, string>());
        Assert.Equal(50, first.Items.Count);
        Assert.Equal([("50", "PartitionKey eq 'u1|Officer' and RowKey ge 't|' and RowKey lt 't|~'")], firstReads);

        var (second, secondReads) = await PageAsync(first.Next!);
        Assert.Equal(50, second.Items.Count);
        var read = Assert.Single(secondReads);
        Assert.Equal("50", read.Top);
        Assert.Matches(@"^PartitionKey eq 'u1\|Officer' and RowKey gt 't\|\d{19}\|[^']+' and RowKey lt 't\|~'$", read.Filter);
        Assert.Empty(first.Items.Select(i => i.ApplicationId).Intersect(second.Items.Select(i => i.ApplicationId)));

        var (found, searchReads) = await PageAsync(new Dictionary<string, string>(), "hoa khanh 12");
        Assert.Equal( // a prefix: 12 and 120 to 129
            new[] { 12 }.Concat(Enumerable.Range(120, 10)).Select(i => $"Công ty Hòa Khánh {i}").Order(StringComparer.Ordinal),
            found.Items.Select(i => i.EnterpriseName!).Order(StringComparer.Ordinal));
        Assert.Equal([("50", "PartitionKey eq 'u1|Officer' and RowKey ge 's|hoa khanh 12' and RowKey lt 's|hoa khanh 12~'")], searchReads);
    }

    /// <summary>Records each GET's $top and $filter, by table.</summary>
    sealed class RecordingPolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        readonly System.Collections.Concurrent.ConcurrentQueue<(string Table, string Top, string Filter)> seen = new();

        public void Clear() => seen.Clear();

        public IReadOnlyList<(string Top, string Filter)> Queries(string table) =>
            [.. seen.Where(s => string.Equals(s.Table, table, StringComparison.OrdinalIgnoreCase)).Select(s => (s.Top, s.Filter))];

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method != Azure.Core.RequestMethod.Get)
            {
                return;
            }

            var uri = message.Request.Uri.ToUri();
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            var table = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
            table = table.Contains('(', StringComparison.Ordinal) ? table[..table.IndexOf('(', StringComparison.Ordinal)] : table;
            seen.Enqueue((table, query["$top"] ?? string.Empty, query["$filter"] ?? string.Empty));
        }
    }

    [Fact]
    public void Cursor_OtherListsFilterOrAltered_DoesNotOpen()
    {
        var cursors = new InboxCursor(Options.Create(new AccessTokenOptions { SigningKey = "test-only-signing-key-0123456789abcdef" }));
        var positions = new Dictionary<string, string> { ["u1|Officer"] = "t|0638000000000000000|app-1", ["u1|Leader"] = IInboxReader.End };
        var mine = new[] { new InboxScope("u1", "Officer"), new InboxScope("u1", "Leader") };
        var token = cursors.Protect(mine, "filter", positions);

        Assert.Equal(positions, cursors.Unprotect(token, mine, "filter"));
        Assert.Null(cursors.Unprotect(token, [new InboxScope("u2", "Officer"), new InboxScope("u2", "Leader")], "filter")); // another unit
        Assert.Null(cursors.Unprotect(token, [mine[0]], "filter")); // fewer roles
        Assert.Null(cursors.Unprotect(token, mine, "other filter"));
        Assert.Null(cursors.Unprotect(token[..^2] + (token[^2] == 'A' ? "BA" : "AA"), mine, "filter")); // altered
        Assert.Null(cursors.Unprotect("eyJiIjoiIiwicCI6e319.AAAA", mine, "filter")); // forged
        Assert.Null(cursors.Unprotect("not a token", mine, "filter"));
    }

    static InboxFilter Filter(string? q = null) => new(null, null, null, false, q, Now);

    TableClientFactory Factory(string prefix) => new(new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix }));

    static Application New(int i, InboxScope scope, DateTimeOffset? due, string name, string code = "0401234567")
    {
        var kind = Catalogue.FindKind("productivity-tools")!;
        var submission = new ApplicationSubmission(code, name, "Nguyễn Văn A", $"a{i}@congty.vn", "0236 3822 000", kind.Id, $"Nhiệm vụ {i}", "Tóm tắt", 100_000_000);
        var application = new Application($"app-{i:D4}-{Guid.NewGuid():N}"[..20], $"NSCL-2026-{i:D4}X", submission, Catalogue.Version, Now.AddDays(-40), Now);
        application.Lifecycle.Unit = scope.Unit;
        application.Lifecycle.OpenTasks = [new OpenTask(scope.Role, "AwaitingCompletenessReview", due)];
        return application;
    }
}
