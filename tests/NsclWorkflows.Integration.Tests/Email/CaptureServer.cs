using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Local.Email;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>
/// The standalone host's SendGrid capture endpoint alone, in process on Kestrel (free loopback port), storing in the
/// test Azurite under its own prefix. The same endpoint code the host maps in Development.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    readonly WebApplication app;

    CaptureServer(WebApplication app, int port)
    {
        this.app = app;
        Address = $"http://127.0.0.1:{port}";
        Http = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public string Address { get; }

    /// <summary>What <c>Nscl:Email:BaseUrl</c> is set to.</summary>
    public string SendGridBaseUrl => Address + SendGridCaptureEndpoints.BasePath;

    public HttpClient Http { get; }

    public static async Task<CaptureServer> StartAsync(string storageConnectionString, string prefix)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<StorageOptions>(o =>
        {
            o.ConnectionString = storageConnectionString;
            o.TablePrefix = prefix;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSendGridCapture();
        var app = builder.Build();
        app.MapSendGridCapture();
        await app.StartAsync();
        return new CaptureServer(app, port);
    }

    /// <summary>Every captured SendGrid v3 body (newest first) whose custom_args carry <paramref name="applicationId"/>.</summary>
    public async Task<List<JsonElement>> MessagesForAsync(string applicationId)
    {
        var all = await Http.GetFromJsonAsync<JsonElement>("/dev/outbox.json?limit=500");
        return [.. all.EnumerateArray()
            .Select(m => m.GetProperty("message"))
            .Where(m => m.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var args)
                && args.TryGetProperty("applicationId", out var id) && id.GetString() == applicationId)];
    }

    /// <summary>The next <paramref name="count"/> sends are answered with <paramref name="status"/> (after <paramref name="delayMs"/>).</summary>
    public async Task PlanFaultAsync(int status, int count, int delayMs = 0)
    {
        using var response = await Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status, count, delayMs });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
