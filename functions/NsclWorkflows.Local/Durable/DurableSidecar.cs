using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Query;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Local.Durable;

/// <summary>
/// Serves the Durable Task gRPC protocol on a loopback port, backed by the Azure Storage provider. The host's worker
/// and client connect to it exactly as Functions code connects to the Functions host. Started first, stopped last.
/// </summary>
public sealed partial class DurableSidecar : IHostedService, IAsyncDisposable
{
    readonly DurableBackendOptions options;
    readonly string connectionString;
    readonly ILoggerFactory loggerFactory;
    readonly ILogger<DurableSidecar> logger;
    readonly string? socketPath;
    WebApplication? server;

    readonly Infrastructure.Storage.StorageRequestCounter? counter;

    /// <param name="counter">When given, the backend's own storage requests are counted (source "durable") beside the application's.</param>
    public DurableSidecar(IOptions<DurableBackendOptions> options, IConfiguration configuration, ILoggerFactory loggerFactory,
        Infrastructure.Storage.StorageRequestCounter? counter = null)
    {
        this.counter = counter;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        this.options = options.Value;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<DurableSidecar>();
        connectionString = configuration[Infrastructure.Storage.StorageOptions.ConnectionSetting]
            ?? throw new InvalidOperationException("Setting AzureWebJobsStorage is required.");
        if (this.options.SidecarPort > 0)
        {
            Endpoint = $"127.0.0.1:{this.options.SidecarPort}";
        }
        else
        {
            // No port to pick: a free-port probe is released before Kestrel binds it, and in that window another
            // process (or an outgoing connection) can take it. A socket file private to this process cannot collide.
            socketPath = Path.Combine(Path.GetTempPath(), $"nscl-durable-{Environment.ProcessId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}.sock");
            Endpoint = $"unix:{socketPath}";
        }

        // Two channels, each free to open more HTTP/2 connections. One shared connection deadlocked the backend: Kestrel
        // serves at most 100 concurrent streams per connection, and 100 client calls that wait (WaitForInstanceCompletion,
        // long queries) took every stream, so the worker's CompleteOrchestratorTask/CompleteActivityTask calls queued
        // behind them and nothing could ever complete (the "fresh host never runs its workflows" stall of issue 18:
        // partitions owned and renewed, messages sitting in the queues, dispatchers at their maximum). The worker's
        // channel carries only its own work-item stream and completions; client load cannot starve it.
        WorkerChannel = CreateChannel();
        Channel = CreateChannel();

        Service = new SidecarSafeOrchestrationService<AzureStorageOrchestrationService>(new AzureStorageOrchestrationService(Settings()));
    }

    /// <summary>Where the sidecar listens: <c>127.0.0.1:port</c>, or <c>unix:path</c> when no port is configured.</summary>
    public string Endpoint { get; }

    /// <summary>The channel of <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> (starts, events, queries, waits).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The worker's own channel: its work-item stream and the completions of orchestrator and activity episodes.</summary>
    public GrpcChannel WorkerChannel { get; }

    GrpcChannel CreateChannel() => socketPath is null
        ? GrpcChannel.ForAddress($"http://{Endpoint}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } })
        : GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = UnixSocketHandler(socketPath) });

    public SidecarSafeOrchestrationService<AzureStorageOrchestrationService> Service { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // only the loopback listener below, whatever the outer host's URLs
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        // The worker (stopped before the sidecar) closes its work-item stream; an open stream must not hold the
        // shutdown for Kestrel's default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (socketPath is null)
            {
                k.Listen(IPAddress.Loopback, options.SidecarPort, l => l.Protocols = HttpProtocols.Http2);
            }
            else
            {
                k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2);
            }
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(Service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(Service);
        builder.Services.AddSingleton<IOrchestrationServiceQueryClient>(Service);
        builder.Services.AddSingleton<IOrchestrationServicePurgeClient>(Service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        LogStarted(logger, Endpoint, options.TaskHubName, options.WorkerId ?? Environment.MachineName);
    }

    /// <summary>
    /// Stops the gRPC server, then the storage service, within <see cref="StopBudget"/> or the host's own shutdown
    /// token, whichever ends first. It never throws: when storage is unreachable (Azurite stopped first, an outage) the
    /// provider's lease release retries for tens of seconds; the leases then simply expire, as after a crash, and the
    /// next start takes them over. The process must still exit promptly and cleanly.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StopBudget);
        try
        {
            if (server is not null)
            {
                // Stopping the sidecar's host makes it stop its dispatchers and the storage service (fire-and-forget);
                // asking again is harmless (idempotent) and lets us wait until the service has really stopped.
                await server.StopAsync(budget.Token);
            }

            await Service.StopAsync().WaitAsync(budget.Token);
            LogStopped(logger);
        }
        catch (OperationCanceledException)
        {
            LogStopIncomplete(logger, StopBudget.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage errors while releasing leases: nothing left to save, the leases expire on their own.
            LogStopFailed(logger, ex);
        }
    }

    /// <summary>The longest the durable backend may take to stop (the host's own shutdown timeout is longer).</summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Channel.Dispose();
        WorkerChannel.Dispose();
        Service.Inner.Dispose();
        if (socketPath is not null)
        {
            File.Delete(socketPath);
        }
    }

    AzureStorageOrchestrationServiceSettings Settings() => new()
    {
        TaskHubName = options.TaskHubName,
        StorageAccountClientProvider = ClientProvider(),
        WorkerId = string.IsNullOrWhiteSpace(options.WorkerId) ? Environment.MachineName : options.WorkerId,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        PartitionCount = options.PartitionCount,
        ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        UseInstanceTableEtag = true,

        // A start whose dedupe statuses refuse it fails ("already exists") instead of returning as if it had started:
        // DurableStart.StartIfAbsentAsync tells the two apart without a status query.
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = loggerFactory,
    };

    StorageAccountClientProvider ClientProvider()
    {
        if (counter is null)
        {
            return new StorageAccountClientProvider(connectionString);
        }

        var blob = new Azure.Storage.Blobs.BlobClientOptions();
        blob.AddPolicy(counter.Policy("durable", "blob"), Azure.Core.HttpPipelinePosition.PerRetry);
        var queue = new Azure.Storage.Queues.QueueClientOptions();
        queue.AddPolicy(counter.Policy("durable", "queue"), Azure.Core.HttpPipelinePosition.PerRetry);
        var table = new Azure.Data.Tables.TableClientOptions();
        table.AddPolicy(counter.Policy("durable", "table"), Azure.Core.HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blob),
            StorageServiceClientProvider.ForQueue(connectionString, queue),
            StorageServiceClientProvider.ForTable(connectionString, table));
    }

    static SocketsHttpHandler UnixSocketHandler(string path) => new()
    {
        // More than 100 concurrent calls (Kestrel's streams per connection) open another connection instead of queueing.
        EnableMultipleHttp2Connections = true,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Durable backend: Azure Storage task hub {TaskHub} as worker {WorkerId}, sidecar on {Endpoint}")]
    static partial void LogStarted(ILogger logger, string endpoint, string taskHub, string workerId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Durable backend stopped")]
    static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Durable backend did not stop within {Seconds} s (storage slow or unreachable); its partition leases will expire on their own")]
    static partial void LogStopIncomplete(ILogger logger, double seconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Durable backend stop failed; its partition leases will expire on their own")]
    static partial void LogStopFailed(ILogger logger, Exception exception);
}
