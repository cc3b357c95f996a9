using System.Net;
using System.Net.Sockets;

namespace NsclWorkflows.LifecycleBenchmark;

/// <summary>
/// A loopback stand-in for SendGrid's send endpoint: answers 202 (accepted) or, while <see cref="Refusing"/>, 503 (the
/// provider down), which the real sender treats as transient (retried by the e-mail policy).
/// </summary>
public sealed class EmailEndpoint : IDisposable
{
    readonly HttpListener listener = new();
    int accepted;
    int refused;

    public EmailEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    volatile bool refusing;

    /// <summary>Answer 503 to every send from now on.</summary>
    public bool Refusing
    {
        get => refusing;
        set => refusing = value;
    }

    public int Accepted => Volatile.Read(ref accepted);

    public int Refused => Volatile.Read(ref refused);

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                await reader.ReadToEndAsync();
            }

            if (Refusing)
            {
                Interlocked.Increment(ref refused);
                context.Response.StatusCode = 503;
            }
            else
            {
                Interlocked.Increment(ref accepted);
                context.Response.StatusCode = 202;
                context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N");
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
