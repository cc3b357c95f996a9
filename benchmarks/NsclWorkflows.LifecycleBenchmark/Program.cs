using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api;
using NsclWorkflows.LifecycleBenchmark;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Workflows;
using NsclWorkflows.Workflows.Lifecycle;

// Usage: dotnet run -c Release --project benchmarks/NsclWorkflows.LifecycleBenchmark -- [applications=200]
// Needs AzureWebJobsStorage (scripts/benchmark.sh starts Azurite and sets it).
// Startup probe: dotnet run ... -- startup [orchestrations=50] [boundSeconds=120]: a new task hub, N one-activity
// orchestrations that must all complete within the bound (exit 0), else exit 2 with what the hub holds.
if (args.Length > 0 && args[0] == "startup")
{
    return await StartupProbe.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "cost")
{
    return await CostModel.RunAsync(args.Skip(1).ToArray());
}

var applications = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var run = BenchmarkHost.RunName();
using var host = BenchmarkHost.Build(BenchmarkHost.Settings(BenchmarkHost.Connection(), "bench" + run, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)));
await host.StartAsync();
var client = host.Services.GetRequiredService<DurableTaskClient>();
var repository = host.Services.GetRequiredService<IApplicationRepository>();
var catalogue = host.Services.GetRequiredService<ProgrammeCatalogue>();

// 1. The raw rate: one-activity orchestrations, same backend, same process.
var raw = Stopwatch.StartNew();
var pings = await Task.WhenAll(Enumerable.Range(0, applications).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(PingWorkflow), i)));
await Task.WhenAll(pings.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)));
raw.Stop();

// 2. Whole lifecycles: receipt, completeness, appraisal, approval, two check-ins submitted and accepted, final report, evaluation.
var lifecycle = Stopwatch.StartNew();
var ids = new List<string>();
for (var i = 0; i < applications; i++)
{
    var application = LifecycleScript.NewApplication(i, catalogue);
    var id = application.Id;
    await repository.TryAddAsync(application, new AuditEntry(id, application.SubmittedAtUtc, AuditKinds.Submitted, "benchmark", "Nộp"), default);
    ids.Add(id);
}

await Task.WhenAll(ids.Select(id => client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationWorkflow), new ApplicationWorkflowInput(id),
    new StartOrchestrationOptions(ApplicationIds.WorkflowInstanceId(id)))));
var steps = LifecycleScript.Steps;

// Every application takes each step together: raise the step's event for all, then read all rows in one query per
// round until every application shows the step done (polling one row per application would load Azurite more than
// the workflows do).
var directory = host.Services.GetRequiredService<IApplicationDirectory>();
var idSet = ids.ToHashSet(StringComparer.Ordinal);
await AllAsync(a => a.Status == ApplicationStatus.AwaitingCompletenessReview);
foreach (var (action, done) in steps)
{
    await Task.WhenAll(ids.Select(id => client.RaiseEventAsync(ApplicationIds.WorkflowInstanceId(id), ActionRequest.EventName, action)));
    await AllAsync(done);
}

lifecycle.Stop();

var completed = 0;
foreach (var id in ids)
{
    completed += (await repository.FindAsync(id, default))!.Status == ApplicationStatus.Completed ? 1 : 0;
}

var recorded = applications * (steps.Length + 1);
var rawRate = applications / raw.Elapsed.TotalSeconds;
var stepRate = recorded / lifecycle.Elapsed.TotalSeconds;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"one-activity orchestrations: {applications} in {raw.Elapsed.TotalSeconds:F1} s = {rawRate:F1}/s");
Console.WriteLine($"lifecycles: {completed}/{applications} completed, {recorded} recorded steps (+{CountingNotifications.Count} notifications) in {lifecycle.Elapsed.TotalSeconds:F1} s = {stepRate:F1} steps/s, {applications / lifecycle.Elapsed.TotalSeconds:F2} lifecycles/s");
using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
{
    try
    {
        await host.StopAsync(stopping.Token);
    }
    catch (OperationCanceledException)
    {
        // Stopping the sidecar with 200 idle instances may outlast the grace period; the numbers are already printed.
    }
}

return completed == applications ? 0 : 1;

async Task AllAsync(Func<Application, bool> done)
{
    var until = DateTime.UtcNow.AddMinutes(15);
    while (true)
    {
        var pending = 0;
        await foreach (var application in directory.AllAsync(default))
        {
            if (idSet.Contains(application.Id) && !done(application))
            {
                pending++;
            }
        }

        if (pending == 0)
        {
            return;
        }

        if (DateTime.UtcNow > until)
        {
            throw new TimeoutException($"{pending} applications did not reach the step");
        }

        await Task.Delay(500);
    }
}
