using System.Net;
using System.Net.Sockets;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reliability;

/// <summary>
/// A loopback TCP proxy in front of one Azurite service, for slow-storage faults: while <see cref="Delay"/> is set,
/// every chunk in either direction waits that long; <see cref="DropAll"/> cuts every open connection (the client sees
/// a reset mid-request and reconnects). Connections to a target that is down are closed at once, as a refused connect.
/// </summary>
sealed class TcpFaultProxy : IAsyncDisposable
{
    readonly TcpListener listener;
    readonly int targetPort;
    readonly CancellationTokenSource stopping = new();
    readonly List<TcpClient> open = [];
    readonly Task acceptLoop;

    public TcpFaultProxy(int targetPort)
    {
        this.targetPort = targetPort;
        Port = FreePorts.Next();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Added to every forwarded chunk while set (zero: none).</summary>
    public TimeSpan Delay { get; set; }

    public void DropAll()
    {
        lock (open)
        {
            foreach (var client in open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // RST, not FIN
                client.Dispose();
            }

            open.Clear();
        }
    }

    async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(inbound));
        }
    }

    async Task ServeAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
        }
        catch (Exception)
        {
            inbound.Client.LingerState = new LingerOption(true, 0);
            inbound.Dispose();
            outbound.Dispose();
            return;
        }

        lock (open)
        {
            open.Add(inbound);
            open.Add(outbound);
        }

        try
        {
            await Task.WhenAny(PumpAsync(inbound, outbound), PumpAsync(outbound, inbound));
        }
        finally
        {
            lock (open)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }

    async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, stopping.Token);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
            }
        }
        catch (Exception)
        {
            // A dropped or closed connection ends the pair.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        DropAll();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }
}
