using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using NsclWorkflows.Integration.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Security;

/// <summary>
/// A seeded corpus of hostile requests over every endpoint, against the standalone host: no answer may be a 5xx (or
/// none at all), and once the host has worked through what the corpus started, no workflow of its task hub may be
/// Failed. Besides the random corpus, every hostile text is walked through a lifecycle (submission, completeness,
/// appraisal with its record, approval with its decision) wherever the API accepts it, so documents and e-mails are
/// built from it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FuzzCorpusTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    const string TaskHub = "fuzz";
    const int Seed = 20261201;
    const int Requests = 600;

    LocalHostProcess host = null!;

    public async Task InitializeAsync()
    {
        // Its own tables (the corpus may record valid indicator values, allocations or approvals: other tests must not see
        // them); test hosts raise the abuse limits.
        host = new LocalHostProcess(azurite.ConnectionString, TaskHub, extra: new Dictionary<string, string> { ["Nscl__Storage__TablePrefix"] = "fuzz" });
        await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_HostileCorpus_NoServerErrorAndNoFailedWorkflow()
    {
        var lifecycle = new LifecycleClient(host.Http);
        var applications = new List<(string, string?)>();
        for (var i = 0; i < 3; i++)
        {
            var (id, token) = await lifecycle.SubmitAsync(enterpriseName: $"Công ty TNHH Thử nghiệm {i}");
            applications.Add((id, token));
        }

        await lifecycle.ApproveAsync(applications[0].Item1, 100_000_000); // documents exist for one of them

        // A programme activity, so the activity routes are fuzzed on one that exists ({id} takes either kind of id).
        var (planned, activity) = await lifecycle.PostAsync("/api/activities", System.Net.Http.Json.JsonContent.Create(new
        {
            title = "Lớp tập huấn Lean cho doanh nghiệp",
            lineId = "I.3",
            year = 2025,
            estimatedCostVnd = 5_000_000,
            plannedStart = "2025-10-01",
            plannedEnd = "2025-10-03",
        }), As.Admin);
        Assert.True(planned == 201, $"activity: {planned} {activity}");
        applications.Add((activity.GetProperty("id").GetString()!, null));

        var answers = new ConcurrentBag<(FuzzRequest Request, int Status, string Body)>();
        await Parallel.ForEachAsync(FuzzCorpus.HostileText, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (text, _) =>
        {
            foreach (var answer in await HostileLifecycleAsync(lifecycle, text))
            {
                answers.Add(answer);
            }
        });

        var corpus = new FuzzCorpus(Seed, new FuzzTargets(applications)).Generate(Requests).ToList();
        using var http = RawClient(host.Port);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
            answers.Add(await SendAsync(http, request, ct)));
        clock.Stop();

        var statuses = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        output.WriteLine($"{answers.Count} requests over {corpus.Select(r => r.Endpoint).Distinct().Count()} endpoints in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", statuses)}");
        var serverErrors = answers.Where(a => a.Status >= 500 || a.Status == 0).ToList();
        await WaitUntilQuietAsync(TimeSpan.FromSeconds(60));
        var failed = await FailedWorkflowsAsync();

        Assert.True(serverErrors.Count == 0 && failed.Count == 0,
            $"{serverErrors.Count} answers were 5xx or none, {failed.Count} workflows Failed (seed {Seed}):\n"
            + string.Join('\n', serverErrors.Take(15).Select(a => $"{a.Status} ← {a.Request.Describe()}\n    {Clip(a.Body)}"))
            + "\n" + string.Join('\n', failed.Take(10)));
        Assert.Null(host.ExitCode);
    }

    static HttpClient RawClient(int port) => new(new SocketsHttpHandler
    {
        // Header values go out as UTF-8 bytes, as a hostile client would send them (HttpClient refuses non-ASCII otherwise).
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        AllowAutoRedirect = false,
    })
    { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    static async Task<(FuzzRequest, int, string)> SendAsync(HttpClient http, FuzzRequest r, CancellationToken ct)
    {
        // The path goes out as generated: no dot-segment or percent-encoding clean-up by Uri.
        var uri = new Uri($"http://127.0.0.1:{http.BaseAddress!.Port}{r.Path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(r.Method), uri);
        foreach (var (name, value) in r.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (r.Body is not null)
        {
            request.Content = new ByteArrayContent(r.Body);
            if (r.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            }
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return (r, (int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (r, 0, $"no answer: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Until the task hub has worked through what the corpus started: no instance Pending and its history unchanged
    /// over three reads a second apart. (Deadlines are real working days here, so no timer fires during the test.)
    /// </summary>
    async Task WaitUntilQuietAsync(TimeSpan limit)
    {
        var probe = new StorageProbe(azurite.ConnectionString);
        var clock = Stopwatch.StartNew();
        var (last, steady) = (-1, 0);
        while (steady < 3)
        {
            var pending = await probe.CountRowsAsync(TaskHub + "Instances", "RuntimeStatus eq 'Pending'");
            var history = await probe.CountRowsAsync(TaskHub + "History");
            steady = pending == 0 && history == last ? steady + 1 : 0;
            last = history;
            if (clock.Elapsed > limit)
            {
                output.WriteLine($"The task hub was still busy after {limit.TotalSeconds} s ({pending} pending, {history} history rows).");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // polling storage, not synchronising with the host
        }

        output.WriteLine($"The task hub was quiet after {clock.Elapsed.TotalSeconds:F0} s.");
    }

    /// <summary>
    /// Every text field of a submission carries <paramref name="text"/>; where the API accepts it, the file goes through
    /// completeness, an appraisal (criterion and note hostile: the appraisal record is built) and approval (the decision
    /// is built). Returns every answer.
    /// </summary>
    static async Task<List<(FuzzRequest, int, string)>> HostileLifecycleAsync(LifecycleClient lifecycle, string text)
    {
        var answers = new List<(FuzzRequest, int, string)>();
        var label = new FuzzRequest("HostileLifecycle", "POST", "/api/applications", [], Encoding.UTF8.GetBytes(text), "text");
        var body = TestSubmissions.Valid();
        foreach (var field in new[] { "enterpriseName", "contactName", "title", "summary" })
        {
            body[field] = body[field]!.GetValue<string>() + " " + text;
        }

        body["contactEmail"] = $"hostile.{Guid.NewGuid():N}@doanhnghiep.example.vn";
        var (status, created) = await TestSubmissions.PostAsync(lifecycle.Http, TestSubmissions.Json(body));
        answers.Add((label, status, Text(created)));
        if (status != 201)
        {
            return answers;
        }

        var id = created.GetProperty("applicationId").GetString()!;
        await ReachesAsync("AwaitingCompletenessReview");
        await StepAsync("accept-completeness", new { note = text }, As.Clerk, "UnderAppraisal");
        await StepAsync("submit-appraisal", new
        {
            recommendSupport = true,
            amountVnd = 5_000_000,
            note = text,
            scores = Sheets.AppraisalWithComments(text),
        }, As.Appraiser, "AwaitingApproval");
        await StepAsync("approve", new { amountVnd = 5_000_000, budgetYear = 2025, note = text }, As.Leader, "AwaitingDecisionSigning");
        return answers;

        async Task StepAsync(string action, object payload, As caller, string next)
        {
            if (answers[^1].Item2 is not (201 or 202))
            {
                return;
            }

            var (s, b) = await lifecycle.ActAsync(id, action, payload, caller);
            answers.Add((label with { Path = $"/api/applications/{id}/actions/{action}" }, s, Text(b)));
            if (s == 202)
            {
                await ReachesAsync(next);
            }
        }

        // A workflow that never moves on is recorded as an answer that never came.
        async Task ReachesAsync(string next)
        {
            try
            {
                await lifecycle.WaitStatusAsync(id, next, TimeSpan.FromSeconds(45));
            }
            catch (TimeoutException e)
            {
                answers.Add((label with { Path = $"/api/applications/{id}" }, 0, e.Message));
            }
        }

        static string Text(System.Text.Json.JsonElement e) => e.ValueKind == System.Text.Json.JsonValueKind.Undefined ? string.Empty : e.ToString();
    }

    async Task<List<string>> FailedWorkflowsAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TaskHub + "Instances");
        var failed = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter: "RuntimeStatus eq 'Failed'"))
        {
            failed.Add($"{row.PartitionKey} {row.GetString("Name")}: {Clip(row.GetString("Output") ?? string.Empty)}");
        }

        return failed;
    }

    static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
