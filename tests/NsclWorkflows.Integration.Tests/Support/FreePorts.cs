using System.Net;
using System.Net.Sockets;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>
/// Ports for the processes the tests start (Azurite, the standalone host, the capture server). A port is chosen
/// below the kernel's ephemeral range: a port the kernel hands out (to port-0 listeners and to every outgoing
/// connection, of which the tests make thousands to Azurite) can be taken between the probe here and the child
/// process binding it; a port below that range can only be taken by another explicit choice. Ports handed out
/// by this process are never handed out again.
/// </summary>
static class FreePorts
{
    static readonly HashSet<int> Given = [];
    static readonly Lock Gate = new();

    public static int Next()
    {
        var (low, high) = Range();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port in {low}–{high}.");
    }

    /// <summary>A window below the ephemeral range (Linux: <c>/proc/sys/net/ipv4/ip_local_port_range</c>).</summary>
    static (int Low, int High) Range()
    {
        var ephemeralLow = 32768;
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(file)
            && File.ReadAllText(file).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            && int.TryParse(first, out var parsed))
        {
            ephemeralLow = parsed;
        }

        var low = Math.Max(1024, ephemeralLow - 12000);
        return (low, Math.Max(low + 100, ephemeralLow));
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }
}
