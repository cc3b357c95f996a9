using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Activities;
using NsclWorkflows.Workflows.Tests.Lifecycle;

namespace NsclWorkflows.Workflows.Tests.Activities;

public sealed class ProgrammeActivityWorkflowTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly Programme Programme = EmbeddedCatalogue.Load().Programme;

    readonly InMemoryActivityRepository activities = new();
    readonly RecordingNotifications notifications = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IActivityRepository>(activities);
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
    public async Task Run_StartsSoon_RemindsTheOfficerThenEndsWhenClosed()
    {
        var today = Today();
        var activity = await PlanAsync(today.AddDays(1), today.AddDays(40));

        await StartAsync(activity);
        await notifications.WaitForAsync(n => n.ApplicationId == activity.Id && n.Event == NotificationEvent.ActivityStartReminder, Patience);
        await host.Client.RaiseEventAsync(ActivityIds.WorkflowInstanceId(activity.Id), ProgrammeActivityWorkflow.EndedEvent, "Closed");

        var result = await CompletedAsync(activity);
        Assert.Equal("Closed", result.ReadOutputAs<string>());
        var mail = Assert.Single(notifications.For(activity.Id));
        Assert.Equal((NotificationAudience.Officers, "skhcn", "start"), (mail.Audience, mail.Unit, mail.Occurrence));
        Assert.Equal("Nguyễn Văn An", mail.Facts[NotificationFacts.OfficerName]);
        Assert.Equal(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mail.Facts[NotificationFacts.StartDate]);
        Assert.Contains((await activities.FindAsync(activity.Id, default))!.Notes, n => n.Text.StartsWith("Đã gửi thư nhắc hoạt động sắp bắt đầu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_EndPassedWithoutResult_AsksForResultEscalatesThenStops()
    {
        var today = Today();
        var activity = await PlanAsync(today.AddDays(-300), today.AddDays(-200));

        await StartAsync(activity);

        var result = await CompletedAsync(activity);
        Assert.Equal(ProgrammeActivityWorkflow.Unattended, result.ReadOutputAs<string>());
        Assert.Equal(
            [(NotificationEvent.ActivityStartReminder, "start"), (NotificationEvent.ActivityResultRequested, "result"),
             (NotificationEvent.ActivityResultEscalated, "escalation-1"), (NotificationEvent.ActivityResultEscalated, "escalation-2"),
             (NotificationEvent.ActivityResultEscalated, "escalation-3")],
            notifications.For(activity.Id).Select(n => (n.Event, n.Occurrence)));
        Assert.All(notifications.For(activity.Id).Where(n => n.Event == NotificationEvent.ActivityResultEscalated),
            n => Assert.Equal(NotificationAudience.HeadOfDivision, n.Audience));
        Assert.Equal(ActivityState.ResultDue, (await activities.FindAsync(activity.Id, default))!.State);
    }

    [Fact]
    public async Task Run_ClosedBeforeTheResultWasAsked_EndsWithoutAsking()
    {
        var today = Today();
        var activity = await PlanAsync(today.AddDays(-30), today.AddDays(-20));
        var closed = ActivityRules.Close(
            ActivityRules.RecordOutput(activity, "o1", new(ActivityOutputKind.ClassesHeld, 1, null), "o", DateTimeOffset.UtcNow).Activity!,
            null, "o", DateTimeOffset.UtcNow).Activity!;
        await activities.UpdateAsync(activity.Id, _ => Task.FromResult<ProgrammeActivity?>(closed), default);

        await StartAsync(activity);

        Assert.Equal("Ended", (await CompletedAsync(activity)).ReadOutputAs<string>());
        Assert.DoesNotContain(notifications.For(activity.Id), n => n.Event != NotificationEvent.ActivityStartReminder);
    }

    [Fact]
    public async Task Run_EmailRefused_RecordedOnTheActivityAndTheWorkflowGoesOn()
    {
        var today = Today();
        var activity = await PlanAsync(today.AddDays(-300), today.AddDays(-200));
        notifications.Refuse.Add(NotificationEvent.ActivityStartReminder);

        await StartAsync(activity);
        var result = await CompletedAsync(activity);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains((await activities.FindAsync(activity.Id, default))!.Notes,
            n => n.Text.StartsWith("Không gửi được thư nhắc hoạt động sắp bắt đầu", StringComparison.Ordinal) && n.Text.Contains("invalid address", StringComparison.Ordinal));
        Assert.Contains(notifications.For(activity.Id), n => n.Event == NotificationEvent.ActivityResultRequested);
    }

    static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<ProgrammeActivity> PlanAsync(DateOnly start, DateOnly end)
    {
        var id = ActivityIds.FromRandom(Guid.NewGuid().ToByteArray());
        var activity = ActivityRules.Plan(id,
            new("Lớp tập huấn Lean cho doanh nghiệp quận Liên Chiểu", "I.3", 2025, 1_000_000, start, end, "2 lớp"),
            new ResponsibleOfficer("officer-1", "Nguyễn Văn An"), Programme, DateTimeOffset.UtcNow).Activity!;
        await activities.TryAddAsync(activity, default);
        return activity;
    }

    Task<string> StartAsync(ProgrammeActivity activity) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProgrammeActivityWorkflow), ActivityWorkflowInput.For(activity),
            new StartOrchestrationOptions(ActivityIds.WorkflowInstanceId(activity.Id)));

    async Task<OrchestrationMetadata> CompletedAsync(ProgrammeActivity activity)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await host.Client.WaitForInstanceCompletionAsync(ActivityIds.WorkflowInstanceId(activity.Id), getInputsAndOutputs: true, timeout.Token);
    }
}
