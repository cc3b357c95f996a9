using System.Diagnostics;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reliability;

/// <summary>
/// An Azurite that can be stopped and started again on the same ports and data folder (a storage outage: the data
/// survives, the service is unreachable meanwhile), with a <see cref="TcpFaultProxy"/> in front of each service for
/// slow periods. The host is given <see cref="ConnectionString"/>, which names the proxies.
/// </summary>
sealed class RestartableAzurite : IAsyncDisposable
{
    const string Account = "devstoreaccount1";
    const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly string dataDir = Directory.CreateTempSubdirectory("nscl-campaign-azurite-").FullName;
    readonly int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
    readonly TcpFaultProxy[] proxies;
    Process? process;

    public RestartableAzurite()
    {
        proxies = [new TcpFaultProxy(blob), new TcpFaultProxy(queue), new TcpFaultProxy(table)];
        ConnectionString = Connection(proxies[0].Port, proxies[1].Port, proxies[2].Port);
        DirectConnectionString = Connection(blob, queue, table);
    }

    /// <summary>Through the proxies: what the host uses.</summary>
    public string ConnectionString { get; }

    /// <summary>Straight to Azurite: what the campaign's own checks use, unaffected by slow periods.</summary>
    public string DirectConnectionString { get; }

    public bool Running => process is { HasExited: false };

    public TimeSpan Delay
    {
        set
        {
            foreach (var proxy in proxies)
            {
                proxy.Delay = value;
            }
        }
    }

    public void DropConnections()
    {
        foreach (var proxy in proxies)
        {
            proxy.DropAll();
        }
    }

    public async Task StartAsync()
    {
        process = AzuriteFixture.StartProcess(dataDir, blob, queue, table);
        foreach (var port in new[] { blob, queue, table })
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>SIGTERM: Azurite saves its data and exits, as a storage service that becomes unreachable keeps its data.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", running.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await running.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            running.Kill(entireProcessTree: true);
        }

        DropConnections();
        running.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        foreach (var proxy in proxies)
        {
            await proxy.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    static string Connection(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
}
