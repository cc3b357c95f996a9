using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NsclWorkflows.Local.Durable;

namespace NsclWorkflows.Integration.Tests.Durable;

/// <summary>The standalone host's durable backend (sidecar over Azure Storage on Azurite) with test-only tasks.</summary>
sealed class InProcessDurableBackend : IAsyncDisposable
{
    readonly IHost host;

    InProcessDurableBackend(IHost host) => this.host = host;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public DurableSidecar Sidecar => host.Services.GetRequiredService<DurableSidecar>();

    public static async Task<InProcessDurableBackend> StartAsync(
        string connectionString, string taskHub, Action<DurableTaskRegistry> tasks, int sidecarPort = 0, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Nscl:Durable:TaskHubName"] = taskHub,
            ["Nscl:Durable:WorkerId"] = "integration-tests",
            ["Nscl:Durable:MaxQueuePollingInterval"] = "00:00:00.500",
            ["Nscl:Durable:SidecarPort"] = sidecarPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddAzureStorageDurableBackend(builder.Configuration, tasks);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessDurableBackend(host);
    }

    public Task StopAsync() => host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
