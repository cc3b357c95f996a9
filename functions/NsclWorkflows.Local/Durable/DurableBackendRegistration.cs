using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;

namespace NsclWorkflows.Local.Durable;

public static class DurableBackendRegistration
{
    /// <summary>
    /// The durable backend of the standalone host: the sidecar over Azure Storage, a worker running
    /// <paramref name="tasks"/>, and a <see cref="DurableTaskClient"/> (the same type Functions code receives).
    /// Call it before other hosted services are added, so the sidecar starts first and stops last.
    /// </summary>
    public static IServiceCollection AddAzureStorageDurableBackend(
        this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        services.AddOptions<DurableBackendOptions>().Bind(configuration.GetSection(DurableBackendOptions.Section));
        services.AddSingleton<DurableSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());

        var versioning = DurableVersioning.From(configuration);
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(tasks);
            builder.UseVersioning(versioning.Worker());
            builder.UseGrpc();
            services.AddOptions<GrpcDurableTaskWorkerOptions>(builder.Name)
                .Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.WorkerChannel);
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseDefaultVersion(versioning.Version); // new instances are stamped with the current version
            builder.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(builder.Name)
                .Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        });
        return services;
    }
}
