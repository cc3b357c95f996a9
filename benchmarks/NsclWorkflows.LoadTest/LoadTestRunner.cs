using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NsclWorkflows.LoadTest;

/// <summary>
/// Sends a weighted mix of requests from N concurrent clients until the duration or the request cap is reached, and
/// reports per kind: count, errors by status, throughput, p50/p95/p99 of the 2xx answers and each p95 over health's.
/// 429 answers (the host's abuse limits) are counted apart and never used as latency samples.
/// </summary>
public sealed class LoadTestRunner
{
    const string DevOfficer = "load.test; Officer,Appraiser,Leader; skhcn";

    /// <summary>The year the dashboard asks for by default (this year in Vietnam), as the page asks: <c>?year=</c>.</summary>
    static readonly int DashboardYear = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    readonly LoadTestOptions options;
    readonly HttpClient http;
    readonly string runId = Guid.NewGuid().ToString("N")[..8];
    readonly ConcurrentDictionary<RequestKind, KindStats> stats = new();
    readonly ConcurrentDictionary<string, string> submitted = new(); // application id → access token
    readonly ConcurrentQueue<string> awaitingReview = new();
    readonly ConcurrentDictionary<string, byte> claimed = new();
    readonly List<string> submittedIds = [];
    readonly Lock idsLock = new();
    int sent;
    int submissionNumber;

    LoadTestRunner(LoadTestOptions options, HttpClient http)
    {
        this.options = options;
        this.http = http;
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            stats[kind] = new KindStats();
        }
    }

    /// <summary>The command line: parses, runs, prints (and writes --json). 0 when it ran, 2 on bad options, 1 when the host cannot be reached.</summary>
    public static async Task<int> MainAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        LoadTestOptions options;
        try
        {
            options = LoadTestOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync(e.Message);
            await output.WriteLineAsync(LoadTestOptions.Usage);
            return 2;
        }

        try
        {
            var report = await RunAsync(options, cancellationToken);
            await output.WriteAsync(report.ToText());
            if (options.JsonFile is { } file)
            {
                await File.WriteAllTextAsync(file, report.ToJson(), cancellationToken);
                await output.WriteLineAsync($"JSON written to {file}");
            }

            return 0;
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"Cannot reach {options.BaseUrl}: {e.Message}. Start the host first (see README, \"Load test\").");
            return 1;
        }
    }

    /// <summary>One run against <see cref="LoadTestOptions.BaseUrl"/>; checks /api/health answers first.</summary>
    public static async Task<LoadTestReport> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = LoadTestOptions.LoopbackOnly(options.BaseUrl.ToString()), Timeout = TimeSpan.FromSeconds(60) };
        using (var probe = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken))
        {
            probe.EnsureSuccessStatusCode();
        }

        return await new LoadTestRunner(options, http).RunAsync(cancellationToken);
    }

    async Task<LoadTestReport> RunAsync(CancellationToken cancellationToken)
    {
        // No new request after the duration (and the smoke mode's settling); requests in flight then finish and count,
        // so the slowest answers are not cut off. A hard stop a minute later (the client timeout) keeps the run bounded.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration + options.SettleFor + http.Timeout);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkerAsync(clock, stop.Token), CancellationToken.None));
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return LoadTestReport.From(options, elapsed, stats.ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>Until the duration, or (with <see cref="LoadTestOptions.SettleFor"/>) beyond it while a kind of the mix has no 2xx yet.</summary>
    bool Continue(Stopwatch clock) =>
        clock.Elapsed < options.Duration
        || (clock.Elapsed < options.Duration + options.SettleFor && options.Mix.Any(p => p.Value > 0 && stats[p.Key].Successes == 0));

    async Task WorkerAsync(Stopwatch clock, CancellationToken stop)
    {
        var totalWeight = options.Mix.Values.Sum();
        while (!stop.IsCancellationRequested && Continue(clock) && Interlocked.Increment(ref sent) <= options.MaxRequests)
        {
            var kind = Choose(totalWeight);
            try
            {
                await SendAsync(kind, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return; // the run's end cut this request short: not a sample
            }
        }
    }

    RequestKind Choose(int totalWeight)
    {
        var pick = Random.Shared.Next(totalWeight);
        var kind = RequestKind.Health;
        foreach (var (k, weight) in options.Mix.OrderBy(p => p.Key))
        {
            if (pick < weight)
            {
                kind = k;
                break;
            }

            pick -= weight;
        }

        // A status read needs one of our submissions; an officer action a file of ours waiting for review.
        return kind switch
        {
            RequestKind.Status when submitted.IsEmpty => RequestKind.Submit,
            RequestKind.Action when awaitingReview.IsEmpty => RequestKind.Inbox,
            _ => kind,
        };
    }

    async Task SendAsync(RequestKind kind, CancellationToken stop)
    {
        using var request = Build(kind, out var actionId);
        if (request is null)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop);
        }
        catch (HttpRequestException e)
        {
            stats[kind].Failure(e.HttpRequestError.ToString());
            return;
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            stats[kind].Failure("timeout");
            return;
        }

        using (response)
        {
            var elapsed = clock.Elapsed;
            var status = (int)response.StatusCode;
            stats[kind].Record(status, elapsed);
            if (status is >= 200 and < 300)
            {
                await ObserveAsync(kind, response, stop);
            }
            else if (actionId is not null && status == (int)HttpStatusCode.TooManyRequests)
            {
                claimed.TryRemove(actionId, out _);
                awaitingReview.Enqueue(actionId);
            }
        }
    }

    HttpRequestMessage? Build(RequestKind kind, out string? actionId)
    {
        actionId = null;
        switch (kind)
        {
            case RequestKind.Submit:
                var n = Interlocked.Increment(ref submissionNumber);
                return new HttpRequestMessage(HttpMethod.Post, "/api/applications")
                {
                    Headers = { { "Idempotency-Key", $"load-{runId}-{n}" } },
                    Content = new StringContent(Submission(n).ToJsonString(), Encoding.UTF8, "application/json"),
                };
            case RequestKind.Status:
                string id;
                lock (idsLock)
                {
                    id = submittedIds[Random.Shared.Next(submittedIds.Count)];
                }

                return new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}") { Headers = { { "X-Access-Token", submitted[id] } } };
            case RequestKind.Inbox:
                return new HttpRequestMessage(HttpMethod.Get, "/api/inbox") { Headers = { { "X-Nscl-Dev-Officer", DevOfficer } } };
            case RequestKind.Search:
                return new HttpRequestMessage(HttpMethod.Get, $"/api/inbox?q=hoa%20khanh%20{Random.Shared.Next(1, 10_000)}") { Headers = { { "X-Nscl-Dev-Officer", DevOfficer } } };
            case RequestKind.Targets:
                return new HttpRequestMessage(HttpMethod.Get, $"/api/targets?year={DashboardYear}") { Headers = { { "X-Nscl-Dev-Officer", DevOfficer } } };
            case RequestKind.Budget:
                return new HttpRequestMessage(HttpMethod.Get, $"/api/budget?year={DashboardYear}") { Headers = { { "X-Nscl-Dev-Officer", DevOfficer } } };
            case RequestKind.Action:
                if (!awaitingReview.TryDequeue(out var next))
                {
                    return null; // another client took the last one
                }

                actionId = next;
                return new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{next}/actions/accept-completeness")
                {
                    Headers = { { "X-Nscl-Dev-Officer", DevOfficer }, { "X-Requested-With", "nscl" } },
                    Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                };
            default:
                return new HttpRequestMessage(HttpMethod.Get, "/api/health");
        }
    }

    async Task ObserveAsync(RequestKind kind, HttpResponseMessage response, CancellationToken stop)
    {
        if (kind is not (RequestKind.Submit or RequestKind.Inbox))
        {
            return;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(stop), cancellationToken: stop);
        if (kind == RequestKind.Submit)
        {
            var id = body.RootElement.GetProperty("applicationId").GetString()!;
            submitted[id] = body.RootElement.GetProperty("accessToken").GetString()!;
            lock (idsLock)
            {
                submittedIds.Add(id);
            }

            return;
        }

        // Files of this run the workflow has put in completeness review, each acted on once.
        foreach (var item in body.RootElement.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("applicationId").GetString()!;
            if (item.GetProperty("status").GetString() == "AwaitingCompletenessReview" && submitted.ContainsKey(id) && claimed.TryAdd(id, 0))
            {
                awaitingReview.Enqueue(id);
            }
        }
    }

    JsonObject Submission(int n) => new()
    {
        ["enterpriseCode"] = "0401234567",
        ["enterpriseName"] = "Công ty TNHH Cơ khí Hòa Khánh",
        ["contactName"] = "Nguyễn Thị Hạnh",
        ["contactEmail"] = string.Create(CultureInfo.InvariantCulture, $"load.{runId}.{n}@cokhihoakhanh.vn"),
        ["phone"] = "0236 3822 000",
        ["supportKindId"] = "productivity-tools",
        ["title"] = "Áp dụng Lean và 5S tại xưởng gia công",
        ["summary"] = "Triển khai 5S và Lean cho hai dây chuyền gia công cơ khí, giảm 20% thời gian chờ.",
        ["requestedAmountVnd"] = 150_000_000,
        ["legalRepresentativeName"] = "Trần Văn Minh",
        ["legalRepresentativePosition"] = "Giám đốc",
        ["address"] = "Lô 12, đường số 3, Khu công nghiệp Hòa Khánh, phường Hòa Khánh",
        ["districtId"] = "lien-chieu",
        ["sectorCode"] = "25",
        ["employees"] = 45,
        ["revenueBandId"] = "tren-10-den-50-ty",
        ["ownContributionVnd"] = 100_000_000,
        ["durationMonths"] = 12,
    };
}

/// <summary>Counts and latencies of one request kind, written by every client.</summary>
public sealed class KindStats
{
    readonly Lock gate = new();
    readonly List<double> latenciesMs = [];
    readonly SortedDictionary<string, int> errors = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public int Successes { get; private set; }

    public int TooManyRequests { get; private set; }

    public void Record(int status, TimeSpan elapsed)
    {
        lock (gate)
        {
            Count++;
            if (status is >= 200 and < 300)
            {
                Successes++;
                latenciesMs.Add(elapsed.TotalMilliseconds);
            }
            else if (status == (int)HttpStatusCode.TooManyRequests)
            {
                TooManyRequests++;
            }
            else
            {
                Error(status.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    public void Failure(string reason)
    {
        lock (gate)
        {
            Count++;
            Error(reason);
        }
    }

    void Error(string key) => errors[key] = errors.GetValueOrDefault(key) + 1;

    public (IReadOnlyList<double> Latencies, IReadOnlyDictionary<string, int> Errors) Snapshot()
    {
        lock (gate)
        {
            var sorted = latenciesMs.ToList();
            sorted.Sort();
            return (sorted, new Dictionary<string, int>(errors));
        }
    }
}
