using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.LifecycleBenchmark;

/// <summary>
/// One fresh start of the durable backend on a new task hub: N one-activity orchestrations scheduled as soon as the
/// host has started, timed until all complete. A start that does not finish within the bound prints what the task hub
/// holds (instances by status, control-queue depths, partition leases) so a stall can be told apart from slowness.
/// </summary>
public static class StartupProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var bound = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 120);
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage")
            ?? throw new InvalidOperationException("Set AzureWebJobsStorage (scripts/startup-probe.sh does).");
        var hub = "probe" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Nscl:Durable:TaskHubName"] = hub,
            ["Nscl:Durable:WorkerId"] = "probe",
            ["Nscl:Durable:MaxQueuePollingInterval"] = "00:00:01",
            ["Nscl:Storage:TablePrefix"] = hub,
            ["Nscl:AccessLinks:SigningKey"] = "startup-probe-signing-key-0123456789abcdef",
            ["Nscl:Auth:Mode"] = "AppService",
            ["Nscl:Email:SendGridApiKey"] = "unused-by-the-probe",
            ["Nscl:Email:From"] = "nscl@danang.gov.vn",
            ["Nscl:Email:PublicBaseUrl"] = "http://127.0.0.1:7071",
        });
        builder.Configuration.AddEnvironmentVariables();

        // The host's whole composition (every workflow, the application's services and their hosted services), as the
        // standalone host starts it: the stall was seen with it, not with a bare worker.
        builder.Services.AddAzureStorageDurableBackend(builder.Configuration, tasks => tasks.AddNsclWorkflows().AddOrchestrator<PingWorkflow>().AddActivity<PingActivity>());
        builder.Services.AddNsclApplication(builder.Configuration);
        builder.Services.AddSingleton<NsclWorkflows.Domain.Notifications.INotificationService, CountingNotifications>();
        using var host = builder.Build();
        var total = Stopwatch.StartNew();
        await host.StartAsync();
        var started = total.Elapsed;
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(PingWorkflow), i)));
        var scheduled = total.Elapsed;
        using var timeout = new CancellationTokenSource(bound);
        var ok = true;
        try
        {
            await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            ok = false;
        }

        var done = total.Elapsed;
        Console.WriteLine(FormattableString.Invariant(
            $"hub {hub}: host started {started.TotalSeconds:F1} s, scheduled {scheduled.TotalSeconds:F1} s, {(ok ? "all completed" : "NOT completed")} at {done.TotalSeconds:F1} s"));
        if (!ok)
        {
            await DescribeAsync(connection, hub, client);
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await host.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return ok ? 0 : 2;
    }

    static async Task DescribeAsync(string connection, string hub, DurableTaskClient client)
    {
        var statuses = new Dictionary<string, int>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 500 }))
        {
            var key = instance.RuntimeStatus.ToString();
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
        }

        Console.WriteLine("instances: " + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")));
        var queues = new QueueServiceClient(connection);
        for (var p = 0; p < 4; p++)
        {
            var q = queues.GetQueueClient($"{hub}-control-{p:D2}");
            var props = await q.GetPropertiesAsync();
            Console.WriteLine(FormattableString.Invariant($"control-{p:D2}: ~{props.Value.ApproximateMessagesCount} messages"));
        }

        var workItems = await queues.GetQueueClient($"{hub}-workitems").GetPropertiesAsync();
        Console.WriteLine(FormattableString.Invariant($"workitems: ~{workItems.Value.ApproximateMessagesCount} messages"));
        try
        {
            var tables = new TableServiceClient(connection);
            await foreach (var row in tables.GetTableClient(hub + "Partitions").QueryAsync<TableEntity>(maxPerPage: 100))
            {
                Console.WriteLine($"partition row {row.RowKey}: " + string.Join(", ", row.Where(k => k.Key is not ("odata.etag" or "PartitionKey" or "RowKey")).Select(k => $"{k.Key}={k.Value}")));
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            Console.WriteLine("no partitions table (blob leases)");
        }

        var leases = new Azure.Storage.Blobs.BlobContainerClient(connection, hub + "-leases");
        if (await leases.ExistsAsync())
        {
            await foreach (var blob in leases.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, prefix: null, cancellationToken: default))
            {
                Console.WriteLine($"lease blob {blob.Name}: {blob.Properties.LeaseState} {blob.Properties.LeaseStatus} " + string.Join(", ", blob.Metadata.Select(m => $"{m.Key}={m.Value}")));
            }
        }
    }
}
