using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Calls;
using NsclWorkflows.Workflows.Tests.Lifecycle;
using NsclWorkflows.Workflows.Tests.Support;

namespace NsclWorkflows.Workflows.Tests.Calls;

public sealed class CallWorkflowTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    readonly InMemoryCallRepository calls = new();
    readonly InMemoryBudgetLedger ledger = new();
    readonly RecordingNotifications notifications = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<ICallRepository>(calls);
                    services.AddSingleton<IBudgetLedger>(ledger);
                    services.AddSingleton<INotificationService>(notifications);
                    services.AddLogging();
                },
            });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Assert.Empty(notifications.Violations);
    }

    [Fact]
    public async Task Run_NeverFinalised_OpensClosesWithTheCountThenRemindsAndEscalatesToTheLeaders()
    {
        var call = await OpenAsync();
        await calls.AddApplicationAsync(call.Id, "app-1", default);
        await calls.AddApplicationAsync(call.Id, "app-2", default);

        await StartAsync(call);
        var result = await CompletedAsync(call);

        Assert.Equal(CallWorkflow.Unattended, result.ReadOutputAs<string>());
        Assert.Equal(
            [(NotificationEvent.CallClosed, NotificationAudience.Officers), (NotificationEvent.CallFinalisationReminder, NotificationAudience.Officers),
             (NotificationEvent.CallFinalisationEscalated, NotificationAudience.Leaders)],
            notifications.For(call.Id).Select(n => (n.Event, n.Audience)));
        var closed = notifications.For(call.Id)[0];
        Assert.Equal(("2", "skhcn", "500000000"), (closed.Facts[NotificationFacts.ApplicationCount], closed.Unit, closed.Facts[NotificationFacts.EnvelopeAmountVnd]));
        var stored = (await calls.FindAsync(call.Id, default))!;
        Assert.Equal(2, stored.ClosedWithApplications);
        Assert.Contains(stored.Notes, n => n.Text.StartsWith("Đợt bắt đầu nhận hồ sơ; kinh phí của đợt đang được tạm giữ", StringComparison.Ordinal));

        // The envelope was held once: the reservation at opening, applied again by the workflow, is a replay.
        Assert.Single(await ledger.GetEntriesAsync(CallRules.KeyOf(call), default));
        Assert.Equal(500_000_000, (await ledger.GetHoldingAsync(CallRules.KeyOf(call), call.Id, default)).ReservedVnd);
    }

    [Fact]
    public async Task Run_FinalisedAfterTheClose_EndsWithoutReminding()
    {
        var call = await OpenAsync(finaliseAfter: TimeSpan.FromSeconds(30));

        await StartAsync(call);
        await notifications.WaitForAsync(n => n.ApplicationId == call.Id && n.Event == NotificationEvent.CallClosed, Patience);
        await host.Client.RaiseEventAsync(CallIds.WorkflowInstanceId(call.Id), CallWorkflow.FinalisedEvent, "Finalised");

        Assert.Equal(CallWorkflow.Finalised, (await CompletedAsync(call)).ReadOutputAs<string>());
        Assert.Equal([NotificationEvent.CallClosed], notifications.For(call.Id).Select(n => n.Event));
    }

    [Fact]
    public async Task Run_EmailRefused_NotedOnTheCallAndTheWorkflowGoesOn()
    {
        var call = await OpenAsync();
        notifications.Refuse.Add(NotificationEvent.CallClosed);

        await StartAsync(call);
        var result = await CompletedAsync(call);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(CallWorkflow.Unattended, result.ReadOutputAs<string>());
        Assert.Contains((await calls.FindAsync(call.Id, default))!.Notes,
            n => n.Text.StartsWith("Không gửi được thư báo đợt tuyển chọn hết hạn nhận hồ sơ", StringComparison.Ordinal));
        Assert.Contains(notifications.For(call.Id), n => n.Event == NotificationEvent.CallFinalisationEscalated);
    }

    /// <summary>A call opened now whose steps come a second or two apart (its dates say March 2025; its instants are what the workflow follows).</summary>
    async Task<Call> OpenAsync(TimeSpan? finaliseAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        var opened = CallRules.Open(CallIds.FromRandom(Guid.NewGuid().ToByteArray()),
            new CallOpenRequest("Đợt tuyển chọn nhiệm vụ KH&CN về NSCL năm 2025", ["science-technology-task"], 2025, 500_000_000,
                new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 14), null, null),
            new CallOfficer("oid-leader", "Lê Văn Lãnh Đạo"), Catalogue, ApplicationForm.Shipped, VietnamStatutoryCalendar.FromEmbeddedData(),
            new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
        var call = opened.Call! with
        {
            OpensAtUtc = now.AddSeconds(1),
            ClosesAtUtc = now.AddSeconds(2),
            FinaliseDueUtc = now.Add(finaliseAfter ?? TimeSpan.FromSeconds(3)),
            EscalateAtUtc = now.Add(finaliseAfter ?? TimeSpan.FromSeconds(3)).AddSeconds(1),
        };
        Assert.True((await ledger.ApplyAsync(opened.Movements[0], default)).Applied);
        await calls.TryAddAsync(call, default);
        return call;
    }

    Task<string> StartAsync(Call call) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CallWorkflow), CallWorkflowInput.For(call), new StartOrchestrationOptions(CallIds.WorkflowInstanceId(call.Id)));

    async Task<OrchestrationMetadata> CompletedAsync(Call call)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await host.Client.WaitForInstanceCompletionAsync(CallIds.WorkflowInstanceId(call.Id), getInputsAndOutputs: true, timeout.Token);
    }
}
