using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Workflows.Lifecycle;

namespace NsclWorkflows.LifecycleBenchmark;

/// <summary>
/// The cost model's measurements (issue 17, deliverable 7): the storage requests the system makes — the application's
/// tables and blobs (source "app") and the durable provider's tables, queues and blobs (source "durable"), counted by the
/// <see cref="StorageRequestCounter"/> pipeline policy on every SDK client — first while idle, then per application
/// lifecycle; with the orchestration episodes and activity executions per lifecycle (read from the task hub's history
/// afterwards) and the process's CPU time. The harness's own reads (waiting for every application to reach a step, the
/// history and blob listings) go through clients that are not counted. Prices turn the counts into a monthly estimate.
/// </summary>
/// <remarks>
/// Usage: <c>cost [applications=50] [idleMinutes=10] [pollingSeconds=10]</c>. The polling interval is the durable
/// provider's maximum queue polling interval (the Functions app's host.json sets 10 s; the standalone host defaults to
/// 30 s). One working day is compressed to 10 minutes so no deadline passes while the steps are taken.
/// </remarks>
static class CostModel
{
    public static async Task<int> RunAsync(string[] args)
    {
        var applications = Arg(args, 0, 50);
        var idleMinutes = Arg(args, 1, 10);
        var polling = TimeSpan.FromSeconds(Arg(args, 2, 10));
        var connection = BenchmarkHost.Connection();
        var prefix = "cost" + BenchmarkHost.RunName();
        var settings = BenchmarkHost.Settings(connection, prefix, polling, TimeSpan.FromMinutes(10));

        using var host = BenchmarkHost.Build(settings);
        await host.StartAsync();
        var counter = host.Services.GetRequiredService<StorageRequestCounter>();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var repository = host.Services.GetRequiredService<IApplicationRepository>();
        var catalogue = host.Services.GetRequiredService<ProgrammeCatalogue>();

        // The harness's view of the applications: the same composition on clients whose requests are not counted.
        await using var harness = Harness(settings);
        var directory = harness.GetRequiredService<IApplicationDirectory>();

        // 1. Idle: a started host with nothing to do (after a minute of start-up: tables, queues, leases).
        await Task.Delay(TimeSpan.FromMinutes(1));
        var idleStart = counter.Snapshot();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMinutes(idleMinutes));
        var idle = Difference(idleStart, counter.Snapshot());
        var idleHours = idleClock.Elapsed.TotalHours;

        // 2. Lifecycles: the application rows as intake writes them, the workflows, then each action for all of them.
        var before = counter.Snapshot();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        for (var i = 0; i < applications; i++)
        {
            var application = LifecycleScript.NewApplication(i, catalogue);
            await repository.TryAddAsync(application, new AuditEntry(application.Id, application.SubmittedAtUtc, AuditKinds.Submitted, "benchmark", "Nộp"), default);
            ids.Add(application.Id);
        }

        await Task.WhenAll(ids.Select(id => client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationWorkflow), new ApplicationWorkflowInput(id),
            new StartOrchestrationOptions(ApplicationIds.WorkflowInstanceId(id)))));
        var idSet = ids.ToHashSet(StringComparer.Ordinal);
        await AllAsync(directory, idSet, a => a.Status == ApplicationStatus.AwaitingCompletenessReview);
        foreach (var (action, done) in LifecycleScript.Steps)
        {
            await Task.WhenAll(ids.Select(id => client.RaiseEventAsync(ApplicationIds.WorkflowInstanceId(id), ActionRequest.EventName, action)));
            await AllAsync(directory, idSet, done);
        }

        // The last step's e-mails, documents and the workflows' completion follow the status: wait for the hub to finish.
        await WorkflowsDoneAsync(connection, prefix, ids);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var lifecycle = Difference(before, counter.Snapshot());
        var notifications = CountingNotifications.Count / (double)applications;

        // The idle polling that ran beside the lifecycles is not the lifecycles' cost.
        var idlePerHour = idle.ToDictionary(p => p.Key, p => p.Value / idleHours, StringComparer.Ordinal);
        var perLifecycle = lifecycle.ToDictionary(p => p.Key,
            p => Math.Max(0, p.Value - (idlePerHour.GetValueOrDefault(p.Key) * clock.Elapsed.TotalHours)) / applications, StringComparer.Ordinal);
        var history = await HistoryAsync(connection, prefix, ids);
        var blobs = await BlobsAsync(connection, prefix);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; polling {polling.TotalSeconds:F0} s; {applications} lifecycles in {clock.Elapsed.TotalSeconds:F0} s; idle {idleClock.Elapsed.TotalMinutes:F1} min");
        Console.WriteLine();
        Console.WriteLine("| storage request (source service method resource) | idle, per hour | per lifecycle |");
        Console.WriteLine("|---|---|---|");
        foreach (var key in idlePerHour.Keys.Union(perLifecycle.Keys).Order(StringComparer.Ordinal))
        {
            var name = key.Replace(prefix, "{hub}", StringComparison.OrdinalIgnoreCase);
            Console.WriteLine($"| {name} | {idlePerHour.GetValueOrDefault(key):F0} | {perLifecycle.GetValueOrDefault(key):F1} |");
        }

        var idleClasses = Classify(idlePerHour);
        var lifecycleClasses = Classify(perLifecycle);
        Console.WriteLine($"| **total** | **{idlePerHour.Values.Sum():F0}** | **{perLifecycle.Values.Sum():F1}** |");
        Console.WriteLine();
        Console.WriteLine("| class | idle, per hour | per lifecycle |");
        Console.WriteLine("|---|---|---|");
        foreach (var c in Enum.GetValues<PriceClass>())
        {
            Console.WriteLine($"| {c} | {idleClasses[c]:F0} | {lifecycleClasses[c]:F1} |");
        }

        Console.WriteLine();
        Console.WriteLine($"per lifecycle: {history.Episodes / (double)applications:F1} orchestration episodes, {history.Activities / (double)applications:F1} activity executions, " +
            $"{history.Timers / (double)applications:F1} timers created, {history.Rows / (double)applications:F0} history rows; " +
            $"{blobs.Count / (double)applications:F1} blobs, {blobs.Bytes / 1024.0 / applications:F0} KiB; CPU {cpu.TotalSeconds / applications:F2} s; " +
            $"{notifications:F1} notifications asked (e-mail is counted, not sent: the real sender adds its records' requests)");
        Console.WriteLine(string.Join(' ', Enum.GetValues<PriceClass>().Select(c => $"{c}={idleClasses[c]:F0}/{lifecycleClasses[c]:F1}")));
        return 0;
    }

    /// <summary>How Azure bills a request: table transactions; queue and blob operations as writes (class 1) or reads (class 2).</summary>
    public enum PriceClass { TableTransaction, QueueWrite, QueueRead, BlobWrite, BlobRead }

    static Dictionary<PriceClass, double> Classify(IReadOnlyDictionary<string, double> counts)
    {
        var classes = Enum.GetValues<PriceClass>().ToDictionary(c => c, _ => 0.0);
        foreach (var (key, value) in counts)
        {
            var parts = key.Split(' ');
            var read = parts[2] is "GET" or "HEAD";
            var c = parts[1] switch
            {
                "table" => PriceClass.TableTransaction,
                "queue" => read ? PriceClass.QueueRead : PriceClass.QueueWrite,
                _ => read ? PriceClass.BlobRead : PriceClass.BlobWrite,
            };
            classes[c] += value;
        }

        return classes;
    }

    static ServiceProvider Harness(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new StorageRequestCounter()); // its own counter: never added to the system's
        services.AddNsclApplication(configuration);
        return services.BuildServiceProvider();
    }

    static async Task AllAsync(IApplicationDirectory directory, HashSet<string> ids, Func<Application, bool> done)
    {
        var until = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            var pending = 0;
            await foreach (var application in directory.AllAsync(default))
            {
                pending += ids.Contains(application.Id) && !done(application) ? 1 : 0;
            }

            if (pending == 0)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{pending} applications did not reach the step");
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>Waits until every workflow is Completed, reading the hub's instance table directly (not counted).</summary>
    static async Task WorkflowsDoneAsync(string connection, string hub, IReadOnlyList<string> ids)
    {
        var instances = new TableClient(connection, hub + "Instances");
        var wanted = ids.Select(ApplicationIds.WorkflowInstanceId).ToHashSet(StringComparer.Ordinal);
        var until = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < until)
        {
            var done = 0;
            await foreach (var row in instances.QueryAsync<TableEntity>(select: ["PartitionKey", "RuntimeStatus"]))
            {
                done += wanted.Contains(row.PartitionKey) && row.GetString("RuntimeStatus") == "Completed" ? 1 : 0;
            }

            if (done == wanted.Count)
            {
                return;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("the workflows did not complete");
    }

    static async Task<(long Rows, long Episodes, long Activities, long Timers)> HistoryAsync(string connection, string hub, IReadOnlyList<string> ids)
    {
        var history = new TableClient(connection, hub + "History");
        var wanted = ids.Select(ApplicationIds.WorkflowInstanceId).ToHashSet(StringComparer.Ordinal);
        long rows = 0, episodes = 0, activities = 0, timers = 0;
        await foreach (var row in history.QueryAsync<TableEntity>(select: ["PartitionKey", "EventType"]))
        {
            if (!wanted.Contains(row.PartitionKey))
            {
                continue;
            }

            rows++;
            switch (row.GetString("EventType"))
            {
                case "OrchestratorStarted": episodes++; break;
                case "TaskScheduled": activities++; break;
                case "TimerCreated": timers++; break;
            }
        }

        return (rows, episodes, activities, timers);
    }

    static async Task<(long Count, long Bytes)> BlobsAsync(string connection, string prefix)
    {
        var service = new BlobServiceClient(connection);
        long count = 0, bytes = 0;
        await foreach (var container in service.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
        {
            await foreach (var blob in service.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                count++;
                bytes += blob.Properties.ContentLength ?? 0;
            }
        }

        return (count, bytes);
    }

    static Dictionary<string, double> Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.ToDictionary(p => p.Key, p => (double)(p.Value - before.GetValueOrDefault(p.Key)), StringComparer.Ordinal)
            .Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
