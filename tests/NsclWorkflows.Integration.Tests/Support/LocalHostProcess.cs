using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>
/// The standalone host (functions/NsclWorkflows.Local) as a separate OS process on a free port, configured through
/// environment variables exactly as an operator would. Can be killed with SIGKILL and started again.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    readonly Dictionary<string, string> environment;
    readonly ConcurrentQueue<string> output = new();
    Process? process;

    /// <summary>
    /// The host as an operator runs it on premises: <c>Production</c> (no development header, no time compression),
    /// with <paramref name="settings"/> on top (e.g. the sign-in mode).
    /// </summary>
    public static LocalHostProcess Production(string storageConnectionString, string taskHub, IDictionary<string, string> settings)
    {
        var extra = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Nscl__Auth__Mode"] = "AppService",
            // Production validates the e-mail settings at start-up; nothing here reads the mail (a closed local port).
            ["Nscl__Email__SendGridApiKey"] = "not-used-by-these-tests",
            ["Nscl__Email__From"] = "nscl@example.com",
            ["Nscl__Email__PublicBaseUrl"] = "http://127.0.0.1",
            ["Nscl__Email__BaseUrl"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in settings)
        {
            extra[key] = value;
        }

        return new LocalHostProcess(storageConnectionString, taskHub, extra: extra);
    }

    /// <summary><see cref="Production"/> with officers signing in with OpenID Connect at <paramref name="authority"/>.</summary>
    public static LocalHostProcess ProductionWithOidc(string storageConnectionString, string taskHub, string authority, string clientId, string clientSecret) =>
        Production(storageConnectionString, taskHub, new Dictionary<string, string>
        {
            ["Nscl__Auth__Mode"] = "Oidc",
            ["Nscl__Auth__Oidc__Authority"] = authority,
            ["Nscl__Auth__Oidc__ClientId"] = clientId,
            ["Nscl__Auth__Oidc__ClientSecret"] = clientSecret,
        });

    public LocalHostProcess(string storageConnectionString, string taskHub, TimeSpan? compressedWorkingDay = null, IDictionary<string, string>? extra = null)
    {
        Port = FreePorts.Next();
        TaskHub = taskHub;
        environment = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Nscl__Durable__TaskHubName"] = taskHub,
            ["Nscl__Durable__WorkerId"] = "integration-tests",
            ["Nscl__Durable__MaxQueuePollingInterval"] = "00:00:00.500",
            ["Nscl__AccessLinks__SigningKey"] = SigningKey,
            ["Nscl__Auth__Mode"] = "Development",

            // The suite submits and uploads many times from 127.0.0.1 with one contact e-mail: limits out of the way,
            // except where a test passes its own (see RateLimitTests, which runs with low limits).
            ["Nscl__RateLimits__SubmissionsPerHour"] = "100000",
            ["Nscl__RateLimits__UploadsPerHour"] = "100000",
            ["Nscl__RateLimits__TokenRequestsPerMinute"] = "100000",
            ["Nscl__RateLimits__SubmissionsPerEmailPerDay"] = "100000",

            // E-mails the provider refused for now: tried again within a second or two, not a minute.
            ["Nscl__EmailRetry__Pause"] = "00:00:01",
            ["Nscl__EmailRetry__SweepInterval"] = "00:00:01",
        };
        if (compressedWorkingDay is { } day)
        {
            environment["Nscl__Deadlines__CompressedWorkingDay"] = day.ToString("c");
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Http = new HttpClient(new CurrentPortHandler(this)) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
    }

    /// <summary>The host's port; a new one when the chosen port was taken before the host could bind it.</summary>
    public int Port { get; private set; }

    public string TaskHub { get; }

    public HttpClient Http { get; }

    public int? ExitCode => process is { HasExited: true } p ? p.ExitCode : null;

    public string Output => string.Join('\n', output);

    public int ProcessId => process?.Id ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                process?.Dispose();
                output.Clear();
                Port = FreePorts.Next();
            }
        }
    }

    async Task StartOnceAsync()
    {
        var dll = HostAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the standalone host.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        process!.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C would: the host shuts down gracefully.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", process!.Id.ToString()]);
        await kill!.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>GET as JSON; <paramref name="accessToken"/> (the enterprise's) goes in the X-Access-Token header.</summary>
    public async Task<JsonElement> GetJsonAsync(string url, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accessToken is not null)
        {
            request.Headers.Add("X-Access-Token", accessToken);
        }

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls <paramref name="url"/> until the JSON <c>status</c> equals <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string url, string status, TimeSpan timeout, string? accessToken = null)
    {
        var until = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < until)
        {
            last = await GetJsonAsync(url, accessToken);
            if (last.GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Status did not become {status} within {timeout}; last: {last}\nHost output:\n{Output}");
    }

    /// <summary>Polls a condition on real state (storage, HTTP) until it holds; fails with <paramref name="what"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }

            await Task.Delay(100);
        }
    }

    string? lastHealth;

    /// <summary>Starts that found the host up but <c>degraded</c> (a workflow pending past the health alert age).</summary>
    public int DegradedStarts { get; private set; }

    async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/health");
                lastHealth = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                // Up, with storage and the durable backend answering; "degraded" says some workflow has waited to start
                // longer than the alert age (a signal for the operator's monitor, not a host that is still starting).
                if (lastHealth.Contains("\"status\":\"degraded\"", StringComparison.Ordinal))
                {
                    DegradedStarts++;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host was not healthy within {timeout} (last health answer: {lastHealth ?? "none"}):\n{Output}");
    }

    static string HostAssemblyPath()
    {
        // Run the host from its own build output (its own deps and appsettings), in the configuration the tests use.
        var binFolder = Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!; // .../bin/<Configuration>
        var configuration = Path.GetFileName(binFolder);
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "NsclWorkflows.Local", "bin", configuration, "net10.0", "NsclWorkflows.Local.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the standalone host first.", path);
    }

    /// <summary>Sends every request to the host's current port, so a client keeps working across a port change.</summary>
    sealed class CurrentPortHandler(LocalHostProcess host) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && uri.Port != host.Port)
            {
                request.RequestUri = new UriBuilder(uri) { Port = host.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Http.Dispose();
    }
}
