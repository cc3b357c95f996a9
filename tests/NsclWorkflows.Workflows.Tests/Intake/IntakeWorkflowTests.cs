using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Workflows.Intake;

namespace NsclWorkflows.Workflows.Tests.Intake;

public class IntakeWorkflowTests : IAsyncLifetime
{
    readonly InMemoryApplicationRepository repository = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IApplicationRepository>(repository);
                    services.AddSingleton(TimeProvider.System);
                    services.AddLogging();
                },
            });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Run_DecisionBeforeDeadline_AcceptsAndNeverExpires()
    {
        var application = await SubmittedAsync();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(IntakeWorkflow), new IntakeWorkflowInput(application.Id, DateTimeOffset.UtcNow.AddHours(1)));
        await host.Client.RaiseEventAsync(instanceId, CompletenessDecision.EventName, new CompletenessDecision(application.Id, "officer.a", "Đủ"));

        var result = await CompletedAsync(instanceId);

        Assert.Equal(IntakeOutcome.CompletenessAccepted, result.ReadOutputAs<IntakeOutcome>());
        Assert.Equal(ApplicationStatus.CompletenessAccepted, (await repository.FindAsync(application.Id, default))!.Status);
        var kinds = (await repository.ReadAuditAsync(application.Id, default)).Select(a => a.Kind).ToList();
        Assert.Equal([AuditKinds.Submitted, AuditKinds.ReceiptAcknowledged, AuditKinds.CompletenessAccepted], kinds);
    }

    [Fact]
    public async Task Run_NoDecisionByDeadline_Expires()
    {
        var application = await SubmittedAsync();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(IntakeWorkflow), new IntakeWorkflowInput(application.Id, DateTimeOffset.UtcNow.AddSeconds(2)));

        var result = await CompletedAsync(instanceId);

        Assert.Equal(IntakeOutcome.Expired, result.ReadOutputAs<IntakeOutcome>());
        var stored = (await repository.FindAsync(application.Id, default))!;
        Assert.Equal(ApplicationStatus.Expired, stored.Status);
        Assert.Contains(await repository.ReadAuditAsync(application.Id, default), a => a.Kind == AuditKinds.Expired);
    }

    [Fact]
    public async Task Run_DecisionArrivesBeforeReceiptIsRecorded_IsNotLost()
    {
        // The event is raised immediately after scheduling, likely before the workflow reaches its wait: durable
        // events are buffered, so the decision still counts.
        var application = await SubmittedAsync();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(IntakeWorkflow), new IntakeWorkflowInput(application.Id, DateTimeOffset.UtcNow.AddHours(1)));
        await host.Client.RaiseEventAsync(instanceId, CompletenessDecision.EventName, new CompletenessDecision(application.Id, "officer.a", null));

        var result = await CompletedAsync(instanceId);

        Assert.Equal(IntakeOutcome.CompletenessAccepted, result.ReadOutputAs<IntakeOutcome>());
    }

    async Task<Application> SubmittedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var application = new Application(
            ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray()), "NSCL-2026-TEST01",
            new ApplicationSubmission("0401234567", "Công ty A", "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
                "Áp dụng 5S", "Triển khai 5S tại xưởng sản xuất chính của công ty.", 100_000_000),
            "test-1", now, now.AddHours(1));
        await repository.TryAddAsync(application, new AuditEntry(application.Id, now, AuditKinds.Submitted, "a@congty.vn", "Nộp"), default);
        return application;
    }

    async Task<OrchestrationMetadata> CompletedAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        return result;
    }
}
