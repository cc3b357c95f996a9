using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Integration.Tests.Reports;

/// <summary>The standalone scheduler on a fake clock: one start per cron occurrence, at (not before) its time.</summary>
public sealed class YearEndReportSchedulerTests
{
    static readonly DateTimeOffset Occurrence2025 = new(2025, 12, 14, 18, 0, 0, TimeSpan.Zero); // 15/12/2025 01:00 +07
    static readonly DateTimeOffset Occurrence2026 = new(2026, 12, 14, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_ClockReachesTheCronTime_StartsExactlyOneRunPerOccurrence()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 14, 17, 0, 0, TimeSpan.Zero)); // midnight in Đà Nẵng
        var launcher = new RecordingLauncher(clock);
        var log = new FirstLog();
        using var scheduler = new YearEndReportScheduler(new YearEndSchedule(Options.Create(new YearEndReportOptions())), launcher, clock, log);
        await scheduler.StartAsync(CancellationToken.None);

        // ExecuteAsync runs in the background: move the clock only once the scheduler has read it and says it waits.
        await log.Written.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMinutes(59));   // 00:59
        clock.Advance(TimeSpan.FromMinutes(1));    // 01:00
        var first = await launcher.NextAfterNudgesAsync();
        clock.Advance(TimeSpan.FromHours(2));
        clock.Advance(Occurrence2026 - clock.GetUtcNow());
        var second = await launcher.NextAfterNudgesAsync();
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(Occurrence2025, first.Request.OccurrenceUtc);
        Assert.Equal((2025, new DateOnly(2025, 12, 15), YearEndReportRequest.Scheduled), (first.Request.Year, first.Request.AsOf, first.Request.Trigger));
        Assert.True(first.At >= Occurrence2025, $"started early, at {first.At:O}");
        Assert.Equal(Occurrence2026, second.Request.OccurrenceUtc);
        Assert.Equal([Occurrence2025, Occurrence2026], launcher.All.Select(c => c.Request.OccurrenceUtc));
    }

    [Fact]
    public async Task Run_HostStartsAfterAMissedOccurrence_CatchesUpOnceThenWaitsForTheNext()
    {
        var clock = new FakeTimeProvider(Occurrence2025.AddHours(2));
        var launcher = new RecordingLauncher(clock);
        using var scheduler = Scheduler(clock, launcher);
        await scheduler.StartAsync(CancellationToken.None);

        var caughtUp = await launcher.NextAsync();
        clock.Advance(Occurrence2026 - clock.GetUtcNow());
        var next = await launcher.NextAfterNudgesAsync();
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(Occurrence2025, caughtUp.Request.OccurrenceUtc);
        Assert.Equal(Occurrence2026, next.Request.OccurrenceUtc);
        Assert.Equal(2, launcher.All.Count);
    }

    /// <summary>A start whose storage request timed out (TaskCanceledException, not the host's stop) is logged; the scheduler goes on.</summary>
    [Fact]
    public async Task Run_StartTimesOut_LoggedAndTheNextOccurrenceStillRuns()
    {
        var clock = new FakeTimeProvider(Occurrence2025.AddHours(2));
        var launcher = new RecordingLauncher(clock) { TimeOutFirst = 1 };
        using var scheduler = Scheduler(clock, launcher);
        await scheduler.StartAsync(CancellationToken.None);

        var timedOut = await launcher.NextAsync();
        clock.Advance(Occurrence2026 - clock.GetUtcNow());
        var next = await launcher.NextAfterNudgesAsync();
        Assert.False(scheduler.ExecuteTask!.IsCompleted); // a BackgroundService that ends on an exception stops the host
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal((Occurrence2025, Occurrence2026), (timedOut.Request.OccurrenceUtc, next.Request.OccurrenceUtc));
    }

    [Theory]
    [InlineData("0 1 15 12 *", "Asia/Ho_Chi_Minh")]
    [InlineData("0 0 1 15 12 *", "Asia/Ho_Chi_Minh")]   // NCRONTAB with seconds, as Functions timers also accept
    [InlineData("0 18 14 12 *", "UTC")]                 // the UTC equivalent for plans without WEBSITE_TIME_ZONE
    public void Schedule_EquivalentSettings_GiveTheSameOccurrence(string cron, string zone)
    {
        var schedule = new YearEndSchedule(Options.Create(new YearEndReportOptions { YearEndCron = cron, TimeZone = zone }));

        Assert.Equal(Occurrence2025, schedule.Next(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Options_Default_Is15DecemberAt0100InDaNang()
    {
        var options = new YearEndReportOptions();

        Assert.Equal(("0 1 15 12 *", "Asia/Ho_Chi_Minh"), (options.YearEndCron, options.TimeZone));
    }

    [Fact]
    public async Task Run_Occurrence_AlsoOpensTheYearsDefaultYearlyRunWithItsConfiguredCutOffAndDueDay()
    {
        var clock = new FakeTimeProvider(Occurrence2025.AddHours(2)); // a missed occurrence: caught up at start
        var launcher = new RecordingLauncher(clock);
        var runs = new RecordingRuns();
        var options = Options.Create(new YearEndReportOptions { DefaultRunCutOff = "12-31", DefaultRunDue = "01-20" });
        var opener = new NsclWorkflows.Api.Reports.Runs.DefaultYearlyRunOpener(runs, options, NsclWorkflows.Domain.Documents.YearEndReportLayout.Default, clock);
        using var scheduler = new YearEndReportScheduler(new YearEndSchedule(options), launcher, clock, NullLogger<YearEndReportScheduler>.Instance, opener);
        await scheduler.StartAsync(CancellationToken.None);

        var run = await runs.NextAsync();
        await scheduler.StopAsync(CancellationToken.None);
        var again = await opener.OpenAsync(2025, "scheduler", CancellationToken.None);

        Assert.Equal("rr-default-2025", run.Id);
        Assert.True(run.IsDepartmentDefault);
        Assert.Equal(NsclWorkflows.Domain.Reports.ReportKind.Yearly, run.Kind);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (run.PeriodFrom, run.PeriodTo));
        Assert.Equal((new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 20)), (run.DataCutOff, run.DueDate));
        Assert.False(again); // one default run per year
        Assert.Single(runs.Stored);
    }

    [Fact]
    public async Task DefaultYearlyRunOpener_CutOffNotADay_SaysWhichSetting()
    {
        var opener = new NsclWorkflows.Api.Reports.Runs.DefaultYearlyRunOpener(new RecordingRuns(),
            Options.Create(new YearEndReportOptions { DefaultRunCutOff = "31-12" }), NsclWorkflows.Domain.Documents.YearEndReportLayout.Default, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => opener.OpenAsync(2025, "x", CancellationToken.None));

        Assert.Contains("Nscl:Reports:DefaultRunCutOff", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Report runs in memory, refusing a second run with the same id as the table does.</summary>
    sealed class RecordingRuns : NsclWorkflows.Domain.Reports.IReportRunRepository
    {
        readonly Channel<NsclWorkflows.Domain.Reports.ReportRun> added = Channel.CreateUnbounded<NsclWorkflows.Domain.Reports.ReportRun>();

        public System.Collections.Concurrent.ConcurrentDictionary<string, NsclWorkflows.Domain.Reports.ReportRun> Stored { get; } = new();

        public Task<bool> TryAddAsync(NsclWorkflows.Domain.Reports.ReportRun run, CancellationToken cancellationToken)
        {
            var fresh = Stored.TryAdd(run.Id, run);
            if (fresh)
            {
                added.Writer.TryWrite(run);
            }

            return Task.FromResult(fresh);
        }

        public Task<NsclWorkflows.Domain.Reports.ReportRun?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Stored.GetValueOrDefault(id));

        public Task<IReadOnlyList<NsclWorkflows.Domain.Reports.ReportRun>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<NsclWorkflows.Domain.Reports.ReportRun>>([.. Stored.Values]);

        public Task<NsclWorkflows.Domain.Validation.ValidationResult<NsclWorkflows.Domain.Reports.ReportRun>?> UpdateAsync(
            string id, Func<NsclWorkflows.Domain.Reports.ReportRun, NsclWorkflows.Domain.Validation.ValidationResult<NsclWorkflows.Domain.Reports.ReportRun>> change,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<NsclWorkflows.Domain.Reports.ReportRun> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await added.Reader.ReadAsync(timeout.Token);
        }
    }

    static YearEndReportScheduler Scheduler(TimeProvider clock, IYearEndReportLauncher launcher) =>
        new(new YearEndSchedule(Options.Create(new YearEndReportOptions())), launcher, clock, NullLogger<YearEndReportScheduler>.Instance);

    /// <summary>Completes <see cref="Written"/> when the scheduler logs for the first time (it logs before each wait).</summary>
    sealed class FirstLog : ILogger<YearEndReportScheduler>
    {
        readonly TaskCompletionSource written = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Written => written.Task;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.TrySetResult();
    }

    sealed class RecordingLauncher(FakeTimeProvider clock) : IYearEndReportLauncher
    {
        readonly Channel<(YearEndReportRequest Request, DateTimeOffset At)> calls = Channel.CreateUnbounded<(YearEndReportRequest, DateTimeOffset)>();
        readonly List<(YearEndReportRequest Request, DateTimeOffset At)> all = [];

        public List<(YearEndReportRequest Request, DateTimeOffset At)> All
        {
            get
            {
                lock (all)
                {
                    return all.ToList();
                }
            }
        }

        /// <summary>How many first starts fail as a storage timeout does (the SDK's TaskCanceledException).</summary>
        public int TimeOutFirst { get; init; }

        public Task<(string InstanceId, bool Started)> LaunchAsync(YearEndReportRequest request, CancellationToken cancellationToken)
        {
            int count;
            lock (all)
            {
                all.Add((request, clock.GetUtcNow()));
                count = all.Count;
            }

            calls.Writer.TryWrite((request, clock.GetUtcNow()));
            return count <= TimeOutFirst
                ? Task.FromException<(string, bool)>(new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout."))
                : Task.FromResult((request.InstanceId, true));
        }

        /// <summary>The next start, waiting at most 10 s of real time for the scheduler to make it.</summary>
        public async Task<(YearEndReportRequest Request, DateTimeOffset At)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await calls.Reader.ReadAsync(timeout.Token);
        }

        /// <summary>
        /// The next start after the test moved the clock. A fake clock moved while the scheduler was between reading the
        /// time and arming its (at most one-day) wait leaves that wait a day ahead of the new time; the scheduler re-reads
        /// the clock after each wait, so moving one more day lets it see the occurrence is due. Up to 10 s, then fail.
        /// </summary>
        public async Task<(YearEndReportRequest Request, DateTimeOffset At)> NextAfterNudgesAsync()
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    return await calls.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    clock.Advance(TimeSpan.FromDays(1));
                }
            }

            throw new TimeoutException("The scheduler started nothing.");
        }
    }
}
