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

// E-mail outage: dotnet run ... -- [applications=200] email-outage: the real SendGrid sender against a loopback endpoint,
// N lifecycles while it answers 202, then N more while it answers 503 (the provider down), steps/s of each.
var applications = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var outageMode = args.Length > 1 && args[1] == "email-outage";
using var emailEndpoint = outageMode ? new EmailEndpoint() : null;
var run = BenchmarkHost.RunName();
var settings = BenchmarkHost.Settings(BenchmarkHost.Connection(), "bench" + run, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
settings["Nscl:Email:BaseUrl"] = emailEndpoint?.BaseUrl ?? "https://api.sendgrid.com";
settings["Nscl:Email:Recipients:0:Unit"] = "*";
settings["Nscl:Email:Recipients:0:Role"] = "Officer";
settings["Nscl:Email:Recipients:0:Addresses:0"] = "can.bo@danang.gov.vn";
using var host = BenchmarkHost.Build(settings, countEmails: emailEndpoint is null);
await host.StartAsync();
var client = host.Services.GetRequiredService<DurableTaskClient>();
var repository = host.Services.GetRequiredService<IApplicationRepository>();
var catalogue = host.Services.GetRequiredService<ProgrammeCatalogue>();
var attachments = host.Services.GetRequiredService<NsclWorkflows.Domain.Attachments.IAttachmentStore>();

// 1. The raw rate: one-activity orchestrations, same backend, same process.
var raw = Stopwatch.StartNew();
var pings = await Task.WhenAll(Enumerable.Range(0, applications).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(PingWorkflow), i)));
await Task.WhenAll(pings.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)));
raw.Stop();

// 2. Whole lifecycles: receipt, completeness, appraisal, approval, the signed decision, two check-ins submitted and accepted, final report, evaluation.
var LifecycleSteps = LifecycleScript.Steps;
var directory = host.Services.GetRequiredService<IApplicationDirectory>();
var lifecycle = await LifecyclesAsync("B");
var completed = lifecycle.Completed;
TimeSpan? outage = null;
var outageCompleted = 0;
var sentBeforeOutage = emailEndpoint?.Accepted ?? 0;
if (emailEndpoint is not null)
{
    // 3. The same again with the e-mail provider down: every send is refused with 503 (and retried off the lifecycle's path).
    emailEndpoint.Refusing = true;
    var refusedRun = await LifecyclesAsync("O");
    (outage, outageCompleted) = (refusedRun.Elapsed, refusedRun.Completed);
}

var recorded = applications * (LifecycleSteps.Length + 1);
var rawRate = applications / raw.Elapsed.TotalSeconds;
var stepRate = recorded / lifecycle.Elapsed.TotalSeconds;
var notificationCount = emailEndpoint is null ? CountingNotifications.Count : sentBeforeOutage;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"one-activity orchestrations: {applications} in {raw.Elapsed.TotalSeconds:F1} s = {rawRate:F1}/s");
Console.WriteLine($"lifecycles: {completed}/{applications} completed, {recorded} recorded steps (+{notificationCount} notifications) in {lifecycle.Elapsed.TotalSeconds:F1} s = {stepRate:F1} steps/s, {applications / lifecycle.Elapsed.TotalSeconds:F2} lifecycles/s ({stepRate / rawRate:P0} of the one-activity rate)");
if (outage is { } down)
{
    var outageRate = recorded / down.TotalSeconds;
    Console.WriteLine($"e-mail outage (every send answered 503): {outageCompleted}/{applications} completed, {recorded} recorded steps in {down.TotalSeconds:F1} s = {outageRate:F1} steps/s ({outageRate / stepRate:P0} of the pace with e-mail working); e-mail endpoint: {emailEndpoint!.Accepted} accepted, {emailEndpoint.Refused} refused");
}

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

return completed == applications && (outage is null || outageCompleted == applications) ? 0 : 1;

// N applications through the whole lifecycle together; the elapsed time from their first step to the last one done.
async Task<(TimeSpan Elapsed, int Completed)> LifecyclesAsync(string series)
{
    var clock = Stopwatch.StartNew();
    var ids = new List<string>();
    for (var i = 0; i < applications; i++)
    {
        var application = LifecycleScript.NewApplication(i, catalogue, series);
        var id = application.Id;
        await repository.TryAddAsync(application, new AuditEntry(id, application.SubmittedAtUtc, AuditKinds.Submitted, "benchmark", "Nộp"), default);
        await attachments.AddAsync(id, LifecycleScript.SignedPdfName, "application/pdf", LifecycleScript.SignedPdf, "leader", 20, default);
        ids.Add(id);
    }

    await Task.WhenAll(ids.Select(id => client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationWorkflow), new ApplicationWorkflowInput(id),
        new StartOrchestrationOptions(ApplicationIds.WorkflowInstanceId(id)))));

    // Every application takes each step together: raise the step's event for all, then read all rows in one query per
    // round until every one shows the step done (polling one row per application would load Azurite more than the
    // workflows do).
    var idSet = ids.ToHashSet(StringComparer.Ordinal);
    await AllAsync(idSet, a => a.Status == ApplicationStatus.AwaitingCompletenessReview);
    foreach (var (action, done) in LifecycleSteps)
    {
        await Task.WhenAll(ids.Select(id => client.RaiseEventAsync(ApplicationIds.WorkflowInstanceId(id), ActionRequest.EventName, action)));
        await AllAsync(idSet, done);
    }

    clock.Stop();
    var completedNow = 0;
    foreach (var id in ids)
    {
        completedNow += (await repository.FindAsync(id, default))!.Status == ApplicationStatus.Completed ? 1 : 0;
    }

    return (clock.Elapsed, completedNow);
}

async Task AllAsync(HashSet<string> idSet, Func<Application, bool> done)
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
