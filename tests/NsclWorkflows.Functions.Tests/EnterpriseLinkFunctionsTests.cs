using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Functions.Http;
using NsclWorkflows.Functions.Tests.Fakes;
using NsclWorkflows.Functions.Timers;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The Functions app's parts of the enterprise-link rules: the cleanup timer and the refusal of <c>?access=</c>.</summary>
public sealed class EnterpriseLinkFunctionsTests
{
    [Fact]
    public void FunctionsMetadata_IdempotencyCleanupTimer_IsAnHourlyTimer()
    {
        var metadata = FunctionsMetadata.Load();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(metadata.Directory, "functions.metadata")));
        var timer = json.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "IdempotencyCleanupTimer");
        var trigger = timer.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("0 17 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void FunctionsMetadata_EmailSweepTimer_RunsEachMinuteAndIsBuiltFromTheSharedComposition()
    {
        var metadata = FunctionsMetadata.Load();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(metadata.Directory, "functions.metadata")));
        var timer = json.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "EmailSweepTimer");
        var trigger = timer.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "timerTrigger");
        Assert.Equal("0 * * * * *", trigger.GetProperty("schedule").GetString());

        using var services = TestComposition.Services();
        Assert.NotNull(ActivatorUtilities.CreateInstance<NsclWorkflows.Functions.Timers.EmailSweepTimer>(services));
    }

    [Fact]
    public async Task IdempotencyCleanupTimer_Run_RemovesExpiredRecordsThroughTheSharedCleaner()
    {
        var store = new CountingStore();
        var timer = new IdempotencyCleanupTimer(new IdempotencyCleanup(store, NullLogger<IdempotencyCleanup>.Instance));

        await timer.Run(new TimerInfo(), CancellationToken.None);

        Assert.Equal(1, store.Cleanups);
    }

    [Fact]
    public void IdempotencyCleanupTimer_FromSharedComposition_IsConstructed()
    {
        using var services = TestComposition.Services();

        Assert.NotNull(ActivatorUtilities.CreateInstance<IdempotencyCleanupTimer>(services));
    }

    [Fact]
    public async Task IdempotencyCleanupService_OnTheClock_RunsAtStartAndEachInterval()
    {
        var store = new CountingStore();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var service = new IdempotencyCleanupService(new IdempotencyCleanup(store, NullLogger<IdempotencyCleanup>.Instance),
            Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions { CleanupIntervalMinutes = 60 }), clock);

        await service.StartAsync(CancellationToken.None);
        await store.Ran(1);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, store.Cleanups);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.Ran(2);
        await service.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a storage request that timed out: the SDK throws TaskCanceledException, not caused by the host's stop
    public async Task IdempotencyCleanup_StoreFails_LogsAndReturnsZeroSoTheTimerGoesOn(bool timedOut)
    {
        var cleanup = new IdempotencyCleanup(new CountingStore { Failure = timedOut ? new TaskCanceledException("timed out") : new InvalidOperationException("storage down") },
            NullLogger<IdempotencyCleanup>.Instance);

        Assert.Equal(0, await cleanup.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task IdempotencyCleanupService_StoreTimesOut_KeepsRunningOnTheClock()
    {
        var store = new CountingStore { Failure = new TaskCanceledException("timed out") };
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var service = new IdempotencyCleanupService(new IdempotencyCleanup(store, NullLogger<IdempotencyCleanup>.Instance),
            Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions { CleanupIntervalMinutes = 60 }), clock);

        await service.StartAsync(CancellationToken.None);
        await store.Ran(1);
        clock.Advance(TimeSpan.FromMinutes(60));
        await store.Ran(2); // the timeout did not end the service (a BackgroundService that throws stops the host)
        Assert.Null(service.ExecuteTask!.Exception);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EmailSweep_ParkedStoreTimesOut_LogsAndReturnsNullSoTheTimerGoesOn()
    {
        using var services = TestComposition.Services(s => s.AddSingleton<NsclWorkflows.Domain.Notifications.IParkedEmails>(new TimingOutParkedEmails()));
        var sweep = services.GetRequiredService<NsclWorkflows.Api.Notifications.EmailSweep>();

        Assert.Null(await sweep.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task IdempotencyCleanup_HostStopping_CancellationPropagates()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        var cleanup = new IdempotencyCleanup(new CountingStore { Failure = new OperationCanceledException(stopping.Token) }, NullLogger<IdempotencyCleanup>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cleanup.RunAsync(stopping.Token));
    }

    [Theory]
    [InlineData("?access=secret-token-value")]
    [InlineData("?Access=")]
    [InlineData("?x=1&access=y")]
    public async Task AccessTokenInQueryMiddleware_QueryToken_Refuses400WithoutRunningTheFunctionOrEchoingIt(string query)
    {
        var (context, http) = Invocation(query);
        var ran = false;

        await new AccessTokenInQueryMiddleware().Invoke(context, _ => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        Assert.Equal(400, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        var body = ((MemoryStream)http.Response.Body).ToArray();
        var text = System.Text.Encoding.UTF8.GetString(body);
        Assert.Equal("access_token_in_query", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("secret-token-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessTokenInQueryMiddleware_NoQueryToken_RunsTheFunction()
    {
        var (context, http) = Invocation("?year=2025");
        var ran = false;

        await new AccessTokenInQueryMiddleware().Invoke(context, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
        Assert.Equal(200, http.Response.StatusCode);
    }

    static (FunctionContext Context, DefaultHttpContext Http) Invocation(string query)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.QueryString = new QueryString(query);
        http.Response.Body = new MemoryStream();
        var context = new FakeFunctionContext(services);
        context.Items["HttpRequestContext"] = http; // where the ASP.NET Core integration puts it (GetHttpContext reads it)
        return (context, http);
    }

    /// <summary>Parked e-mails whose table does not answer in time (the SDK's TaskCanceledException).</summary>
    sealed class TimingOutParkedEmails : NsclWorkflows.Domain.Notifications.IParkedEmails
    {
        public Task ParkAsync(NsclWorkflows.Domain.Notifications.NotificationRequest request, string reason, DateTimeOffset parkedAtUtc, CancellationToken cancellationToken) =>
            throw new TaskCanceledException("timed out");

        public Task<IReadOnlyList<NsclWorkflows.Domain.Notifications.ParkedEmail>> ListAsync(int max, CancellationToken cancellationToken) =>
            throw new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout.");

        public Task RemoveAsync(NsclWorkflows.Domain.Notifications.NotificationRequest request, CancellationToken cancellationToken) =>
            throw new TaskCanceledException("timed out");
    }

    sealed class CountingStore : IIdempotencyStore
    {
        readonly SemaphoreSlim runs = new(0);

        public int Cleanups { get; private set; }

        /// <summary>Waits (on the store's own signal, not on time) until the cleanup has run <paramref name="times"/> times in all.</summary>
        public async Task Ran(int times)
        {
            while (Cleanups < times)
            {
                Assert.True(await runs.WaitAsync(TimeSpan.FromSeconds(10)), $"cleanup run {times} did not happen");
            }
        }

        public Exception? Failure { get; init; }

        public Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken) => Task.FromResult(candidate);

        public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
        {
            Cleanups++;
            runs.Release();
            return Failure is { } failure ? throw failure : Task.FromResult(3);
        }
    }
}
