using System.Net;
using System.Net.Sockets;
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
    WebApplication? server;

    public DurableSidecar(IOptions<DurableBackendOptions> options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        this.options = options.Value;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<DurableSidecar>();
        connectionString = configuration[Infrastructure.Storage.StorageOptions.ConnectionSetting]
            ?? throw new InvalidOperationException("Setting AzureWebJobsStorage is required.");
        Port = this.options.SidecarPort > 0 ? this.options.SidecarPort : FreeLoopbackPort();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}");
        Service = new SidecarSafeOrchestrationService<AzureStorageOrchestrationService>(new AzureStorageOrchestrationService(Settings()));
    }

    public int Port { get; }

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
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(Service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(Service);
        builder.Services.AddSingleton<IOrchestrationServiceQueryClient>(Service);
        builder.Services.AddSingleton<IOrchestrationServicePurgeClient>(Service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        LogStarted(logger, Port, options.TaskHubName, options.WorkerId ?? Environment.MachineName);
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
    }

    AzureStorageOrchestrationServiceSettings Settings() => new()
    {
        TaskHubName = options.TaskHubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        WorkerId = string.IsNullOrWhiteSpace(options.WorkerId) ? Environment.MachineName : options.WorkerId,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        PartitionCount = options.PartitionCount,
        ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        UseInstanceTableEtag = true,
        LoggerFactory = loggerFactory,
    };

    static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Durable backend: Azure Storage task hub {TaskHub} as worker {WorkerId}, sidecar on 127.0.0.1:{Port}")]
    static partial void LogStarted(ILogger logger, int port, string taskHub, string workerId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Durable backend stopped")]
    static partial void LogStopped(ILogger logger);
}
