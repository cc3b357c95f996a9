using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Benchmarks;

/// <summary>
/// <c>seed-open-tasks N</c>: writes N synthetic applications awaiting completeness review in unit skhcn (an Officer's open
/// task each, due dates spread from 60 days overdue to 60 days ahead, Vietnamese names "Công ty Cổ phần Hòa Khánh {i}")
/// straight into the tables of the storage in <c>AzureWebJobsStorage</c> (prefix <c>Nscl__Storage__TablePrefix</c>,
/// default nscl), through the application's own repository, inbox and counters: what the officers' inbox, search and the
/// targets view read at that scale, without running N workflows (an officer action on them finds no workflow).
/// For the inbox benchmark in docs/benchmarks.md; never against real data: an account that is not on this machine is
/// written into only with <c>--remote-test-account</c> (one made for the benchmark, e.g. to measure the inbox on Azure
/// Table storage, which Azurite cannot show).
/// <c>seed-open-tasks N --no-inbox</c> writes the applications and the counters only: what the programme views (targets,
/// budget) have to do with N applications, without the inbox's rows (about nine per task with the search rows), which make
/// Azurite slower with every row it holds.
/// </summary>
static class SeedOpenTasks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var withInbox = !args.Contains("--no-inbox", StringComparer.Ordinal);
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
        var prefix = Environment.GetEnvironmentVariable("Nscl__Storage__TablePrefix") is { Length: > 0 } p ? p : "nscl";
        var tableService = new TableServiceClient(connection);
        if (!IsLocal(tableService.Uri) && !args.Contains("--remote-test-account", StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"{tableService.Uri.Host} is not a local storage: synthetic applications are written only into an account made for the " +
                "benchmark, never one holding real data. Add --remote-test-account to write into it (tables prefixed " + prefix + ").");
            return 2;
        }

        var catalogue = EmbeddedCatalogue.Load();
        var factory = new TableClientFactory(tableService, Options.Create(new StorageOptions { ConnectionString = connection, TablePrefix = prefix }));
        var repository = new TableApplicationRepository(factory);
        var inbox = new TableInbox(factory);
        var aggregates = new TableProgrammeAggregates(factory, catalogue);
        var kinds = catalogue.Kinds.Where(k => k.BudgetLineId == "IV.1").ToArray();
        var now = DateTimeOffset.UtcNow;
        var done = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The counters' rows are shared by every application of a kind and year: one writer applies them, so the
        // parallel writers of applications and inbox rows do not lose ETag races on them (the workflow's steps are
        // spread over days; a seed of thousands in minutes is not).
        var counted = System.Threading.Channels.Channel.CreateUnbounded<Application>();
        var counter = Task.Run(async () =>
        {
            await foreach (var application in counted.Reader.ReadAllAsync())
            {
                await aggregates.ApplyAsync(application, CancellationToken.None);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var kind = kinds[i % kinds.Length];
            var submitted = now.AddDays(-Random.Shared.Next(1, 90));
            var submission = new ApplicationSubmission($"04{i:D8}", $"Công ty Cổ phần Hòa Khánh {i}", "Nguyễn Thị Hạnh", $"seed{i}@congty.vn", "0236 3822 000",
                kind.Id, $"Áp dụng công cụ năng suất {i}", "Dữ liệu tổng hợp cho đo hiệu năng.", 150_000_000);
            var application = new Application(ApplicationIds.FromRandom(RandomNumberGenerator.GetBytes(16)), TrackingCode.Create(now.Year, RandomNumberGenerator.GetBytes(4)),
                submission, catalogue.Version, submitted, submitted.AddDays(10));
            application.RouteTo(catalogue, kind);
            application.AcknowledgeReceipt(submitted);
            application.Lifecycle.OpenTasks = [new OpenTask("Officer", "AwaitingCompletenessReview", now.AddDays(Random.Shared.Next(-60, 60)).AddMinutes(i))];
            await repository.TryAddAsync(application, new AuditEntry(application.Id, submitted, AuditKinds.Submitted, submission.ContactEmail, "Dữ liệu tổng hợp."), ct);
            if (withInbox)
            {
                await inbox.SyncAsync(application, ct);
            }

            await counted.Writer.WriteAsync(application, ct);
            if (Interlocked.Increment(ref done) % 1000 == 0)
            {
                Console.WriteLine($"{done} seeded ({started.Elapsed.TotalSeconds:F0} s)");
            }
        });
        counted.Writer.Complete();
        await counter;
        await aggregates.MarkCompleteAsync(count, CancellationToken.None);
        Console.WriteLine($"{(withInbox ? count : 0)} open tasks in skhcn|Officer, {count} applications, in {started.Elapsed.TotalSeconds:F0} s (tables prefixed {prefix}).");
        return 0;
    }

    /// <summary>Azurite or another storage on this machine (loopback).</summary>
    static bool IsLocal(Uri endpoint) =>
        endpoint.IsLoopback || (System.Net.IPAddress.TryParse(endpoint.Host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
