using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Reports;
using Microsoft.DurableTask;

namespace NsclWorkflows.Workflows.Tests.Reports;

/// <summary>
/// The report run's workflow on the in-memory Durable Task host, with the run in memory: people's actions are made on
/// the stored run and signalled as the API does; the instants it acts at are seconds apart.
/// </summary>
public sealed class ReportRunWorkflowTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly InMemoryReportRuns runs = new();
    readonly FakeProducer producer = new();
    readonly Lifecycle.RecordingNotifications notifications = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IReportRunRepository>(runs);
                    services.AddSingleton<IReportRunProducer>(producer);
                    services.AddSingleton<IReportRunLinks>(new FakeLinks());
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
    public async Task Run_OneUnitAnswersTheOtherDoesNot_BothAskedOnlyTheSilentOneRemindedAndEscalated_ThenBuiltAfterApproval()
    {
        var run = await OpenAsync("sct", "snnptnt");
        var now = DateTimeOffset.UtcNow;
        await StartAsync(run, now.AddSeconds(3), now.AddSeconds(5), now.AddMinutes(5), now.AddMinutes(6));

        await notifications.WaitForAsync(n => n.ApplicationId == run.Id && n.Event == NotificationEvent.ReportInputRequested && n.Unit == "snnptnt", Patience);
        await ActAsync(run.Id, r => ReportRunRules.SubmitLeadUnit(r, "sct", [new("Doanh nghiệp được hỗ trợ", 12, "doanh nghiệp")], "Đã hỗ trợ.", "Trần Thị Bình", DateTimeOffset.UtcNow));
        await notifications.WaitForAsync(n => n.ApplicationId == run.Id && n.Event == NotificationEvent.ReportInputEscalated, Patience);
        await WaitAsync(run.Id, r => r.State == ReportRunState.Drafting);
        await ActAsync(run.Id, r => ValidationResult<ReportRun>.Ok(r with { State = ReportRunState.Building, ApprovedBy = "Lãnh đạo", ApprovedAtUtc = DateTimeOffset.UtcNow }));

        var result = await CompletedAsync(run.Id);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "Completed"), (result.RuntimeStatus, result.ReadOutputAs<string>()));
        var mails = notifications.For(run.Id).Select(n => (n.Event, n.Unit, n.Audience)).ToList();
        Assert.Equal(
            [(NotificationEvent.ReportInputRequested, "sct", NotificationAudience.LeadUnit), (NotificationEvent.ReportInputRequested, "snnptnt", NotificationAudience.LeadUnit),
             (NotificationEvent.ReportInputReminder, "snnptnt", NotificationAudience.LeadUnit), (NotificationEvent.ReportInputEscalated, "skhcn", NotificationAudience.HeadOfDivision)],
            mails);
        Assert.All(notifications.For(run.Id).Where(n => n.Audience == NotificationAudience.LeadUnit),
            n => Assert.Equal($"/don-vi/bao-cao.html#run={run.Id}&unit={n.Unit}&access=token-{n.Unit}", n.Facts[NotificationFacts.InputUrl]));
        var stored = await runs.FindAsync(run.Id, default);
        Assert.Equal((ReportRunState.Completed, 7, 3), (stored!.State, stored.ReportVersion, stored.FiguresVersion));
        var silent = stored.LeadUnits.Single(u => u.UnitId == "snnptnt");
        Assert.NotNull(silent.RemindedAtUtc);
        Assert.NotNull(silent.EscalatedAtUtc);
        Assert.Null(stored.LeadUnits.Single(u => u.UnitId == "sct").RemindedAtUtc);
        Assert.All(stored.LeadUnits, u => Assert.NotNull(u.MailedAtUtc));
        Assert.Equal(1, producer.Builds);
    }

    [Fact]
    public async Task Run_NobodyActsAndTheFirstEmailIsRefused_FailureRecordedOnTheRun_RemindedEscalatedThenStopsWithoutFailing()
    {
        var run = await OpenAsync("ttkn");
        notifications.Refuse.Add(NotificationEvent.ReportInputRequested);
        var now = DateTimeOffset.UtcNow;
        await StartAsync(run, now.AddSeconds(1), now.AddSeconds(2), now.AddSeconds(3), now.AddSeconds(4), TimeSpan.FromSeconds(1));

        var result = await CompletedAsync(run.Id);

        Assert.Equal((OrchestrationRuntimeStatus.Completed, ReportRunWorkflow.Unattended), (result.RuntimeStatus, result.ReadOutputAs<string>()));
        Assert.Equal(
            [NotificationEvent.ReportInputReminder, NotificationEvent.ReportInputEscalated, NotificationEvent.ReportDraftReminder,
             NotificationEvent.ReportOverdue, NotificationEvent.ReportOverdue, NotificationEvent.ReportOverdue],
            notifications.For(run.Id).Select(n => n.Event));
        var stored = (await runs.FindAsync(run.Id, default))!;
        Assert.Contains(stored.Journal, n => n.Failed && n.Text.StartsWith("Không gửi được thư đề nghị đơn vị chủ trì gửi số liệu báo cáo", StringComparison.Ordinal)
            && n.Text.Contains("invalid address", StringComparison.Ordinal));
        Assert.Contains(stored.Journal, n => n.Text.StartsWith("Hệ thống ngừng nhắc", StringComparison.Ordinal));
        Assert.Equal(ReportRunState.Drafting, stored.State);
    }

    [Fact]
    public async Task Run_FiguresCannotBeGathered_RecordedOnTheRunAndTheUnitsAreStillAsked()
    {
        var run = await OpenAsync("sct");
        producer.FailGather = true;
        var now = DateTimeOffset.UtcNow;
        await StartAsync(run, now.AddMinutes(1), now.AddMinutes(2), now.AddMinutes(3), now.AddMinutes(4));

        await notifications.WaitForAsync(n => n.ApplicationId == run.Id && n.Event == NotificationEvent.ReportInputRequested, Patience);
        await ActAsync(run.Id, r => ValidationResult<ReportRun>.Ok(r with { State = ReportRunState.Cancelled }));

        var result = await CompletedAsync(run.Id);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "Cancelled"), (result.RuntimeStatus, result.ReadOutputAs<string>()));
        Assert.Contains((await runs.FindAsync(run.Id, default))!.Journal,
            n => n.Failed && n.Text.StartsWith("Không thực hiện được bước tổng hợp số liệu", StringComparison.Ordinal) && n.Text.Contains("ledger unreachable", StringComparison.Ordinal));
    }

    async Task<ReportRun> OpenAsync(params string[] units)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var run = ReportRunRules.Open(new("sixMonthly", new(2026, 1, 1), new(2026, 6, 30), "Ủy ban nhân dân thành phố Đà Nẵng", today.AddDays(20), null, null, null),
            "rr-test-" + Guid.NewGuid().ToString("N")[..8], "chuyen.vien", now, today).Value! with
        {
            State = ReportRunState.AwaitingLeadUnits,
            LeadUnits = units.Select(u => new LeadUnitInput(u, "Đơn vị " + u, string.Empty) { TokenHash = ReportRunRules.HashToken("token-" + u), AskedAtUtc = now }).ToList(),
        };
        await runs.TryAddAsync(run, default);
        return run;
    }

    Task<string> StartAsync(ReportRun run, DateTimeOffset reminder, DateTimeOffset deadline, DateTimeOffset dueReminder, DateTimeOffset due, TimeSpan? repeat = null)
    {
        var input = new ReportRunWorkflowInput(run.Id, reminder, deadline, dueReminder, due, repeat ?? TimeSpan.FromMinutes(1));
        return host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReportRunWorkflow), input, new StartOrchestrationOptions(input.InstanceId));
    }

    /// <summary>What the API does: changes the run, then tells its workflow.</summary>
    async Task ActAsync(string runId, Func<ReportRun, ValidationResult<ReportRun>> change)
    {
        var result = await runs.UpdateAsync(runId, change, default);
        Assert.True(result!.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        await host.Client.RaiseEventAsync(ReportRunWorkflowInput.InstanceIdOf(runId), ReportRunWorkflow.ChangedEvent, result.Value!.State.ToString());
    }

    async Task WaitAsync(string runId, Func<ReportRun, bool> holds)
    {
        var changed = runs.Changed(runId, holds);
        await changed.WaitAsync(Patience);
    }

    async Task<OrchestrationMetadata> CompletedAsync(string runId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await host.Client.WaitForInstanceCompletionAsync(ReportRunWorkflowInput.InstanceIdOf(runId), getInputsAndOutputs: true, timeout.Token);
    }

    sealed class FakeLinks : IReportRunLinks
    {
        public string Token(string runId, string unitId) => "token-" + unitId;

        public string InputPage(string runId, string unitId) => $"/don-vi/bao-cao.html#run={runId}&unit={unitId}&access={Token(runId, unitId)}";
    }

    sealed class FakeProducer : IReportRunProducer
    {
        int builds;

        public bool FailGather { get; set; }

        public int Builds => builds;

        public Task<int> GatherAsync(ReportRun run, string by, CancellationToken cancellationToken) =>
            FailGather ? throw new InvalidOperationException("ledger unreachable") : Task.FromResult(3);

        public Task<int> BuildAsync(ReportRun run, string by, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref builds);
            return Task.FromResult(7);
        }
    }
}

/// <summary>Report runs in memory, each change applied under a lock (the table's optimistic concurrency, without contention).</summary>
sealed class InMemoryReportRuns : IReportRunRepository
{
    readonly ConcurrentDictionary<string, ReportRun> stored = new();
    readonly Lock gate = new();
    readonly List<(string Id, Func<ReportRun, bool> Holds, TaskCompletionSource Done)> waiters = [];

    public Task<bool> TryAddAsync(ReportRun run, CancellationToken cancellationToken) => Task.FromResult(stored.TryAdd(run.Id, run));

    public Task<ReportRun?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(stored.GetValueOrDefault(id));

    public Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReportRun>>([.. stored.Values]);

    public Task<ValidationResult<ReportRun>?> UpdateAsync(string id, Func<ReportRun, ValidationResult<ReportRun>> change, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!stored.TryGetValue(id, out var run))
            {
                return Task.FromResult<ValidationResult<ReportRun>?>(null);
            }

            var result = change(run);
            if (result.IsValid)
            {
                stored[id] = result.Value!;
                foreach (var waiter in waiters.Where(w => w.Id == id && w.Holds(result.Value!)).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }

            return Task.FromResult<ValidationResult<ReportRun>?>(result);
        }
    }

    /// <summary>Completes once the stored run satisfies <paramref name="holds"/> (checked on every change, no polling).</summary>
    public Task Changed(string id, Func<ReportRun, bool> holds)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (stored.TryGetValue(id, out var run) && holds(run))
            {
                return Task.CompletedTask;
            }

            waiters.Add((id, holds, done));
        }

        return done.Task;
    }
}
