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
            Channel = GrpcChannel.ForAddress($"http://{Endpoint}");
        }
        else
        {
            // No port to pick: a free-port probe is released before Kestrel binds it, and in that window another
            // process (or an outgoing connection) can take it. A socket file private to this process cannot collide.
            socketPath = Path.Combine(Path.GetTempPath(), $"nscl-durable-{Environment.ProcessId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}.sock");
            Endpoint = $"unix:{socketPath}";
            Channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = UnixSocketHandler(socketPath) });
        }

        Service = new SidecarSafeOrchestrationService<AzureStorageOrchestrationService>(new AzureStorageOrchestrationService(Settings()));
    }

    /// <summary>Where the sidecar listens: <c>127.0.0.1:port</c>, or <c>unix:path</c> when no port is configured.</summary>
    public string Endpoint { get; }

    public GrpcChannel Channel { get; }

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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            // Stopping the sidecar's host makes it stop its dispatchers and the storage service (fire-and-forget);
            // asking again is harmless (idempotent) and lets us wait until the service has really stopped.
            await server.StopAsync(cancellationToken);
        }

        await Service.StopAsync().WaitAsync(cancellationToken);
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Channel.Dispose();
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
}
