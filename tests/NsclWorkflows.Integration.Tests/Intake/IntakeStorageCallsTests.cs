using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

/// <summary>
/// What one submission costs before its 201, traced with the storage request counter on the real composition and
/// Azurite (the durable client is a recording fake): one insert for the mailbox's count, one for the idempotency key,
/// one batch for the application row and its first audit row, and one durable start with no status query before it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class IntakeStorageCallsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Submit_NewApplication_ThreeTableRequestsAndOneStartWithoutStatusQuery()
    {
        await using var services = Services();
        var handler = services.GetRequiredService<SubmitApplicationHandler>();
        var counter = services.GetRequiredService<StorageRequestCounter>();
        var durable = new RecordingDurableClient();
        Assert.Equal(StatusCodes.Status201Created, await SubmitAsync(services, handler, durable, "warm-up-key-0001", "warm@congty.vn")); // creates the tables

        var before = counter.Snapshot();
        var status = await SubmitAsync(services, handler, durable, "storage-trace-0001", $"trace.{Guid.NewGuid():N}@congty.vn");
        var calls = Difference(before, counter.Snapshot());

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal(
            ["app table POST $batch", "app table POST perf" + "ContactEmailQuota", "app table POST perfIdempotencyKeys"],
            calls.SelectMany(c => Enumerable.Repeat(c.Key, (int)c.Value)).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal((2, 0), (durable.Starts, durable.StatusQueries));
    }

    [Fact]
    public async Task Submit_ReplayOfSameKey_StartMeetsAlreadyExistsAndAnswers200()
    {
        await using var services = Services();
        var handler = services.GetRequiredService<SubmitApplicationHandler>();
        var durable = new RecordingDurableClient();
        var email = $"replay.{Guid.NewGuid():N}@congty.vn";

        var first = await SubmitAsync(services, handler, durable, "replay-key-00001", email);
        var replay = await SubmitAsync(services, handler, durable, "replay-key-00001", email);

        Assert.Equal((StatusCodes.Status201Created, StatusCodes.Status200OK), (first, replay));
        Assert.Equal((2, 1, 0), (durable.Starts, durable.Refused, durable.StatusQueries));
    }

    ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Nscl:Storage:TablePrefix"] = "perf",
            ["Nscl:AccessLinks:SigningKey"] = "test-only-signing-key-0123456789abcdef",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNsclApplication(configuration);
        return services.BuildServiceProvider();
    }

    static async Task<int> SubmitAsync(IServiceProvider services, SubmitApplicationHandler handler, DurableTaskClient durable, string key, string email)
    {
        var body = TestSubmissions.Valid();
        body["contactEmail"] = email;
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Headers[SubmitApplicationHandler.IdempotencyKeyHeader] = key;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString()));
        context.Response.Body = new MemoryStream();
        var result = await handler.HandleAsync(context.Request, durable, CancellationToken.None);
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    static Dictionary<string, long> Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Select(a => (a.Key, Value: a.Value - before.GetValueOrDefault(a.Key))).Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value);

    /// <summary>A durable client that records starts and refuses an id it has seen, as the backend does with dedupe statuses.</summary>
    sealed class RecordingDurableClient() : DurableTaskClient("recording")
    {
        readonly HashSet<string> started = new(StringComparer.Ordinal);

        public int Starts { get; private set; }

        public int Refused { get; private set; }

        public int StatusQueries { get; private set; }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, StartOrchestrationOptions? options,
            CancellationToken cancellation = default)
        {
            Starts++;
            var id = options!.InstanceId!;
            if (!started.Add(id))
            {
                Refused++;
                throw new InvalidOperationException($"An orchestration with instance ID '{id}' already exists.");
            }

            return Task.FromResult(id);
        }

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        {
            StatusQueries++;
            return Task.FromResult<OrchestrationMetadata?>(started.Contains(instanceId) ? new OrchestrationMetadata("ApplicationWorkflow", instanceId) : null);
        }

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
