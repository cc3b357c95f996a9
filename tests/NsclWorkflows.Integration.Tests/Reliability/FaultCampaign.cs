using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using NsclWorkflows.Integration.Tests.Email;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reliability;

/// <summary>How large a campaign is and which faults it injects (one after another, while the lifecycles run).</summary>
sealed record CampaignOptions(int Applications, int StorageOutages, int HostKills, int EmailOutages, int SlowPeriods, TimeSpan Limit)
{
    /// <summary>CI: twenty lifecycles, one fault of each kind.</summary>
    public static CampaignOptions Short => new(20, 1, 1, 1, 1, TimeSpan.FromMinutes(8));

    /// <summary>The long campaign (scripts/fault-campaign.sh): N lifecycles, three outages, five kills.</summary>
    public static CampaignOptions Long(int applications) => new(applications, 3, 5, 2, 2, TimeSpan.FromMinutes(40));
}

/// <summary>
/// N applications through whole lifecycles over HTTP on the standalone host, with compressed time and random officer
/// and enterprise timing, while a fault schedule runs: Azurite stopped and started again, the host SIGKILLed and
/// restarted, the e-mail provider answering 503, a slow-storage period. Clients retry as a browser would (the same
/// Idempotency-Key for a submission, the same action again after a failure). The invariants are then read from storage.
/// </summary>
sealed class FaultCampaign(CampaignOptions options, Action<string> log) : IAsyncDisposable
{
    const string Prefix = "campaign";
    const string Hub = "campaign";
    const long Amount = 5_000_000; // 80 approvals of 100 fit in item IV.1's 800 million for 2025
    static readonly TimeSpan Day = TimeSpan.FromSeconds(2);

    readonly RestartableAzurite storage = new();
    readonly ConcurrentQueue<string> faults = new();
    readonly ConcurrentBag<string> slowSteps = [];
    readonly ConcurrentDictionary<string, Script> scripts = new();
    readonly Stopwatch clock = new();
    CaptureServer? capture;
    LocalHostProcess? host;

    // The e-mail provider keeps what it received on a storage of its own, as SendGrid does: the campaign's storage outages
    // stop our Azurite, and a message the provider accepted (202) during the stop could be lost from a capture kept there,
    // read afterwards as "sent, never delivered" (CI, 2 December 2026: 12 such, while every other check held).
    readonly AzuriteFixture providerStorage = new();

    public async Task<CampaignReport> RunAsync()
    {
        await storage.StartAsync();
        await providerStorage.InitializeAsync();
        capture = await CaptureServer.StartAsync(providerStorage.ConnectionString, Prefix);
        host = new LocalHostProcess(storage.ConnectionString, Hub, Day, new Dictionary<string, string>
        {
            ["Nscl__Storage__TablePrefix"] = Prefix,
            ["Nscl__Email__BaseUrl"] = capture.SendGridBaseUrl,
        });
        await host.StartAsync();
        clock.Start();

        using var stop = new CancellationTokenSource(options.Limit);
        var lifecycles = Enumerable.Range(0, options.Applications).Select(i => RunScriptAsync(i, stop.Token)).ToList();
        var schedule = RunFaultsAsync(stop.Token);
        await Task.WhenAll(lifecycles);
        await schedule;
        log($"lifecycles done at {clock.Elapsed.TotalSeconds:F0} s");
        return await CheckAsync();
    }

    /// <summary>The faults, one after another, spread over the first minutes while the lifecycles run.</summary>
    async Task RunFaultsAsync(CancellationToken cancellationToken)
    {
        var plan = new List<Func<Task>>();
        for (var i = 0; i < Math.Max(Math.Max(options.StorageOutages, options.HostKills), Math.Max(options.EmailOutages, options.SlowPeriods)); i++)
        {
            if (i < options.EmailOutages)
            {
                plan.Add(EmailOutageAsync);
            }

            if (i < options.StorageOutages)
            {
                plan.Add(StorageOutageAsync);
            }

            if (i < options.HostKills)
            {
                plan.Add(HostKillAsync);
            }

            if (i < options.SlowPeriods)
            {
                plan.Add(SlowPeriodAsync);
            }
        }

        foreach (var fault in plan)
        {
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.Next(5, 15)), cancellationToken);
            await fault();
        }
    }

    async Task EmailOutageAsync()
    {
        // The provider refuses the next 30 sends with 503 (the policy retries each a few times, then the step records it).
        await capture!.PlanFaultAsync(503, 30);
        Fault("e-mail provider: next 30 sends refused with 503");
    }

    async Task StorageOutageAsync()
    {
        var length = TimeSpan.FromSeconds(Random.Shared.Next(10, 31));
        Fault($"storage outage of {length.TotalSeconds:F0} s begins");
        await storage.StopAsync();
        await Task.Delay(length);
        await storage.StartAsync();
        Fault("storage back");
    }

    async Task HostKillAsync()
    {
        Fault("host SIGKILLed");
        host!.Kill();
        var degraded = host.DegradedStarts;
        await host.StartAsync();
        Fault(host.DegradedStarts > degraded ? "host restarted, health degraded (a workflow pending past the alert age)" : "host restarted");
    }

    async Task SlowPeriodAsync()
    {
        Fault("slow storage (300 ms per chunk) for 20 s");
        storage.Delay = TimeSpan.FromMilliseconds(300);
        await Task.Delay(TimeSpan.FromSeconds(20));
        storage.Delay = TimeSpan.Zero;
        Fault("storage speed normal");
    }

    void Fault(string what)
    {
        faults.Enqueue($"{clock.Elapsed.TotalSeconds:F0} s: {what}");
        log($"fault at {clock.Elapsed.TotalSeconds:F0} s: {what}");
    }

    /// <summary>One application's script: the whole lifecycle, or a rejection at approval for one in five.</summary>
    async Task RunScriptAsync(int index, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 8000)), cancellationToken);
        var script = new Script(index, index % 5 == 4 ? "Rejected" : "Completed");
        var client = new LifecycleClient(host!.Http);
        try
        {
            var submission = TestSubmissions.Valid();
            submission["requestedAmountVnd"] = Amount;
            submission["enterpriseName"] = $"Công ty TNHH Thử nghiệm {index:D3}";
            var key = Guid.NewGuid().ToString("N");
            var created = await RetryAsync(async () =>
            {
                var (status, body) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(submission), key);
                return status is 201 or 200 ? body : Retryable(status) ? null : throw new InvalidOperationException($"submission refused: {status} {body}");
            }, cancellationToken);
            script.Id = created.GetProperty("applicationId").GetString()!;
            scripts[script.Id] = script;
            var enterprise = As.Enterprise(created.GetProperty("accessToken").GetString()!);
            await WaitAsync(client, script.Id, v => Status(v) == "AwaitingCompletenessReview", cancellationToken);

            foreach (var (action, body, caller, done) in Steps(script.Expected, enterprise))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1500)), cancellationToken);
                var sent = action == "record-signed-decision" ? await SignedBodyAsync(client, script.Id, caller, cancellationToken) : body;
                await ActAsync(client, script, action, sent, caller, done, cancellationToken);
            }

            // Read as a person would: a 503 while storage is away is not the file's state (its problem body has a numeric status).
            script.Reached = Status((await RetryAsync(async () =>
            {
                var (status, view) = await client.GetAsync($"/api/applications/{script.Id}", As.Admin);
                return status == 200 ? view : Retryable(status) ? null : throw new InvalidOperationException($"status read refused: {status} {view}");
            }, cancellationToken)));
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            script.Error = $"{e.GetType().Name}: {e.Message}";
            log($"application {index} ({script.Id}): {script.Error}");
        }
    }

    static IEnumerable<(string Action, object Body, As Caller, Func<JsonElement, bool> Done)> Steps(string expected, As enterprise)
    {
        yield return ("accept-completeness", new { note = "Đủ" }, As.Clerk, v => Status(v) == "UnderAppraisal");
        yield return ("submit-appraisal", new { recommendSupport = true, amountVnd = Amount, scores = Sheets.Appraisal() },
            As.Appraiser, v => Status(v) == "AwaitingApproval");
        if (expected == "Rejected")
        {
            yield return ("reject", new { note = "Không phù hợp" }, As.Leader, v => Status(v) == "Rejected");
            yield break;
        }

        yield return ("approve", new { amountVnd = Amount, budgetYear = 2025 }, As.Leader, v => Status(v) == "AwaitingDecisionSigning");
        yield return ("record-signed-decision", new { }, As.Leader, v => Status(v) == "InImplementation"); // body: after the PDF's upload
        yield return ("submit-check-in", new { note = "Kỳ 1", percentDone = 50 }, enterprise, v => CheckIn(v, 0) == "Submitted");
        yield return ("review-check-in", new { accepted = true }, As.Clerk, v => CheckIn(v, 0) == "Accepted");
        yield return ("record-payment", LifecycleClient.PaymentBody("checkin-1", Tranche), As.Accountant, v => Paid(v, "checkin-1"));
        yield return ("submit-check-in", new { note = "Kỳ 2", percentDone = 100 }, enterprise, v => CheckIn(v, 1) == "Submitted");
        yield return ("review-check-in", new { accepted = true }, As.Clerk, v => Status(v) == "AwaitingFinalEvaluation");
        yield return ("record-payment", LifecycleClient.PaymentBody("checkin-2", Tranche), As.Accountant, v => Paid(v, "checkin-2"));
        yield return ("submit-final-report", new { note = "Xong" }, enterprise,
            v => v.GetProperty("lifecycle").TryGetProperty("finalReport", out var r) && r.ValueKind == JsonValueKind.Object);
        yield return ("evaluate", new { passed = true, scores = Sheets.Evaluation() }, As.Leader,
            v => Status(v) == "AwaitingFinalPayment");
        yield return ("record-payment", LifecycleClient.PaymentBody("final", Amount - (2 * Tranche)), As.Accountant, v => Status(v) == "Completed");
    }

    /// <summary>A check-in's tranche: an equal third of the approved amount, rounded down to the thousand (the final payment is the rest).</summary>
    const long Tranche = Amount / 3 / 1000 * 1000;

    static bool Paid(JsonElement view, string payableId) =>
        view.GetProperty("lifecycle").TryGetProperty("payables", out var payables) && payables.EnumerateArray()
            .Any(p => p.GetProperty("id").GetString() == payableId && p.TryGetProperty("payment", out var paid) && paid.ValueKind == JsonValueKind.Object);

    /// <summary>
    /// As a person at a browser: send; on a failure or a 5xx, look whether the step is done (an earlier attempt
    /// landed) and otherwise send the same action again. A 202 or a visible refusal is counted.
    /// </summary>
    async Task ActAsync(LifecycleClient client, Script script, string action, object body, As caller, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int status;
            try
            {
                (status, _) = await client.ActAsync(script.Id!, action, body, caller);
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            if (status == 202)
            {
                script.Accepted.Add(action);
                var accepted = clock.Elapsed;
                if (await WaitAsync(client, script.Id!, done, cancellationToken, orRetryAfter: TimeSpan.FromMinutes(3)))
                {
                    var lag = (clock.Elapsed - accepted).TotalSeconds;
                    if (lag > 30)
                    {
                        slowSteps.Add($"{accepted.TotalSeconds:F0} s: {script.Index} {action} recorded {lag:F0} s after its 202");
                    }

                    return;
                }

                // Accepted but not recorded within three minutes: the person tries again.
                slowSteps.Add($"{accepted.TotalSeconds:F0} s: {script.Index} {action} not recorded within 3 min of its 202, sent again");
                continue;
            }

            if (await IsAsync(client, script.Id!, done))
            {
                return;
            }

            if (status is >= 400 and < 500 && status is not (409 or 412 or 429))
            {
                script.Refused.Add($"{action}: {status}");
                throw new InvalidOperationException($"{action} refused with {status}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    static async Task<bool> IsAsync(LifecycleClient client, string id, Func<JsonElement, bool> done)
    {
        try
        {
            var (status, view) = await client.GetAsync($"/api/applications/{id}", As.Admin);
            return status == 200 && done(view);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    static async Task<bool> WaitAsync(LifecycleClient client, string id, Func<JsonElement, bool> done, CancellationToken cancellationToken, TimeSpan? orRetryAfter = null)
    {
        var until = DateTime.UtcNow + (orRetryAfter ?? TimeSpan.FromMinutes(10));
        while (DateTime.UtcNow < until)
        {
            if (await IsAsync(client, id, done))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return orRetryAfter is not null ? false : throw new TimeoutException($"application {id} did not reach the expected state");
    }

    static async Task<JsonElement> RetryAsync(Func<Task<JsonElement?>> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await attempt() is { } done)
                {
                    return done;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>The signed PDF uploaded as a person would (again after a failure: a second copy gets its own name), then the action's body.</summary>
    static async Task<object> SignedBodyAsync(LifecycleClient client, string id, As leader, CancellationToken cancellationToken)
    {
        var uploaded = await RetryAsync(async () =>
        {
            using var content = LifecycleClient.SignedPdfContent();
            var (status, body) = await client.PostAsync($"/api/applications/{id}/attachments", content, leader, ("X-File-Name", LifecycleClient.SignedPdfName));
            return status == 201 ? body : Retryable(status) ? null : throw new InvalidOperationException($"upload refused: {status} {body}");
        }, cancellationToken);
        return LifecycleClient.SignedBody(uploaded.GetProperty("name").GetString()!);
    }

    static bool Retryable(int status) => status is 0 or 408 or 409 or 429 or >= 500;

    static string? Status(JsonElement view) => view.GetProperty("status").GetString();

    static string? CheckIn(JsonElement view, int index) =>
        view.GetProperty("lifecycle").GetProperty("checkIns") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > index
            ? list[index].GetProperty("status").GetString()
            : null;

    /// <summary>The invariants, read from storage (and the host's own views, which read storage).</summary>
    async Task<CampaignReport> CheckAsync()
    {
        var report = new CampaignReport
        {
            Applications = options.Applications, Faults = [.. faults], Seconds = clock.Elapsed.TotalSeconds,
            SlowSteps = [.. slowSteps.OrderBy(s => double.Parse(s[..s.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture))],
        };
        var tables = new TableServiceClient(storage.DirectConnectionString);
        var client = new LifecycleClient(host!.Http);
        foreach (var script in scripts.Values.OrderBy(s => s.Index))
        {
            report.Created++;
            var row = await FindAsync(tables.GetTableClient(Prefix + "Applications"), script.Id!, "application");
            if (row is null)
            {
                report.Lost.Add(script.Id!);
                continue;
            }

            var audit = await client.AuditKindsAsync(script.Id!);
            if (script.Reached != script.Expected)
            {
                // What the file and its workflow show now: the status, the last audit entries, the history's tail.
                var status = Status(await client.ViewAsync(script.Id!));
                var history = new List<string>();
                await foreach (var e in tables.GetTableClient(Hub + "History").QueryAsync<TableEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {"application-" + script.Id}"), select: ["EventType", "Name", "Timestamp"]))
                {
                    history.Add($"{e.GetString("EventType")}{(e.GetString("Name") is { } n ? ":" + n : string.Empty)}@{e.Timestamp:HH:mm:ss}");
                }

                // The workflow's own end, with its failure when it failed (the Instances row's output).
                var instance = await FindAsync(tables.GetTableClient(Hub + "Instances"), "application-" + script.Id, string.Empty);
                var workflow = instance is null ? "no instance" : $"{instance.GetString("RuntimeStatus")} {instance.GetString("Output")}";
                report.WrongEnd.Add($"{script.Id}: {status} (expected {script.Expected}; accepted {string.Join(",", script.Accepted.Reverse())})"
                    + $"{(script.Error is null ? string.Empty : " — " + script.Error)}; audit …{string.Join(",", audit.TakeLast(4))}; history …{string.Join(",", history.TakeLast(8))}; workflow {workflow}");
            }

            foreach (var kind in new[] { "ReceiptAcknowledged", "CompletenessAccepted", "AppraisalSubmitted", script.Expected == "Rejected" ? "Rejected" : "Approved" })
            {
                var count = audit.Count(k => k == kind);
                if (count != 1)
                {
                    report.AuditNotOnce.Add($"{script.Id}: {kind} x{count}");
                }
            }

            if (script.Expected == "Completed" && audit.Count(k => k == "CheckInAccepted") != 2)
            {
                report.AuditNotOnce.Add($"{script.Id}: CheckInAccepted x{audit.Count(k => k == "CheckInAccepted")}");
            }

            if (script.Expected == "Completed" && audit.Count(k => k == "PaymentRecorded") != 3)
            {
                report.AuditNotOnce.Add($"{script.Id}: PaymentRecorded x{audit.Count(k => k == "PaymentRecorded")}");
            }

            if (script.Expected == "Completed" && audit.Count(k => k == "DecisionSigned") != 1)
            {
                report.AuditNotOnce.Add($"{script.Id}: DecisionSigned x{audit.Count(k => k == "DecisionSigned")}");
            }
        }

        report.Lost.AddRange(Enumerable.Range(0, options.Applications).Where(i => !scripts.Values.Any(s => s.Index == i)).Select(i => $"script {i}: no 201"));

        // Workflows: none Failed, from the task hub's Instances table.
        await foreach (var instance in tables.GetTableClient(Hub + "Instances").QueryAsync<TableEntity>(select: ["PartitionKey", "RuntimeStatus", "Output"]))
        {
            var status = instance.GetString("RuntimeStatus");
            report.Workflows[status ?? "?"] = report.Workflows.GetValueOrDefault(status ?? "?") + 1;
            if (status == "Failed")
            {
                // Why, for the report (the campaign's Azurite is gone once it ends).
                var output = instance.GetString("Output") ?? string.Empty;
                report.FailedWorkflows.Add($"{instance.PartitionKey}: {output[..Math.Min(output.Length, 600)]}");
            }
        }

        // E-mails: at most one per (application, event, occurrence, recipient); Unconfirmed records counted.
        var sent = (await capture!.Http.GetFromJsonAsyncSafe($"/dev/outbox.json?limit={NsclWorkflows.Local.Email.SendGridCaptureEndpoints.MaxListed}"))
            .Select(m => m.GetProperty("message").GetProperty("personalizations")[0])
            .Where(p => p.TryGetProperty("custom_args", out _))
            .Select(p => $"{p.GetProperty("custom_args").GetProperty("messageKey").GetString()}|{p.GetProperty("to")[0].GetProperty("email").GetString()}")
            .ToList();
        report.Emails = sent.Count;
        report.EmailsListTruncated = sent.Count >= NsclWorkflows.Local.Email.SendGridCaptureEndpoints.MaxListed;
        report.DoubledEmails = sent.GroupBy(k => k).Count(g => g.Count() > 1);
        var captured = sent.Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        await foreach (var record in tables.GetTableClient(Prefix + "Notifications").QueryAsync<TableEntity>())
        {
            var state = record.GetString("State") ?? "?";
            report.EmailRecords[state] = report.EmailRecords.GetValueOrDefault(state) + 1;
            var delivered = captured.Contains(record.GetString("MessageKey") ?? string.Empty);
            if (state == "Sent" && !delivered)
            {
                report.SentNotDelivered.Add(record.GetString("MessageKey") ?? "?");
            }

            // Unconfirmed: handed to the provider without a recorded answer (a kill or an outage between the send and
            // the record). Explained by what the provider received: delivered once, or never.
            if (state == "Unconfirmed")
            {
                report.Unconfirmed[delivered ? "delivered" : "not delivered"] = report.Unconfirmed.GetValueOrDefault(delivered ? "delivered" : "not delivered") + 1;
            }
        }

        // Ledger: what the completed lifecycles disbursed, nothing left reserved, nothing twice.
        var (budgetStatus, budget) = await client.GetAsync("/api/budget?year=2025&line=IV.1", As.Leader);
        if (budgetStatus == 200)
        {
            var line = budget.GetProperty("lines").EnumerateArray().Single();
            report.DisbursedVnd = line.GetProperty("disbursedVnd").GetInt64();
            report.ReservedVnd = line.GetProperty("reservedVnd").GetInt64();
            report.ExpectedDisbursedVnd = scripts.Values.Count(s => s.Expected == "Completed" && s.Reached == "Completed") * Amount;
        }

        return report;
    }

    static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey);
        return found.HasValue ? found.Value : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (capture is not null)
        {
            await capture.DisposeAsync();
        }

        await providerStorage.DisposeAsync();
        await storage.DisposeAsync();
    }

    sealed class Script(int index, string expected)
    {
        public int Index { get; } = index;

        public string Expected { get; } = expected;

        public string? Id { get; set; }

        public string? Reached { get; set; }

        public string? Error { get; set; }

        public ConcurrentBag<string> Accepted { get; } = [];

        public ConcurrentBag<string> Refused { get; } = [];
    }
}

/// <summary>What a campaign found; every list should be empty.</summary>
sealed class CampaignReport
{
    public int Applications { get; set; }

    public int Created { get; set; }

    public double Seconds { get; set; }

    public List<string> Faults { get; set; } = [];

    /// <summary>Actions recorded over 30 s after their 202, or not within 3 minutes (then sent again): the recovery's lag.</summary>
    public List<string> SlowSteps { get; set; } = [];

    public List<string> Lost { get; } = [];

    public List<string> WrongEnd { get; } = [];

    public List<string> AuditNotOnce { get; } = [];

    public Dictionary<string, int> Workflows { get; } = [];

    /// <summary>Each failed workflow's instance id and the start of its failure details.</summary>
    public List<string> FailedWorkflows { get; } = [];

    public int Emails { get; set; }

    public int DoubledEmails { get; set; }

    /// <summary>The capture's listing was full: the e-mail checks would not see every message.</summary>
    public bool EmailsListTruncated { get; set; }

    /// <summary>Records <c>Sent</c> whose message the provider never received.</summary>
    public List<string> SentNotDelivered { get; } = [];

    /// <summary>Records <c>Unconfirmed</c>, by what the provider received.</summary>
    public Dictionary<string, int> Unconfirmed { get; } = [];

    public Dictionary<string, int> EmailRecords { get; } = [];

    public long DisbursedVnd { get; set; }

    public long ReservedVnd { get; set; }

    public long ExpectedDisbursedVnd { get; set; }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public override string ToString() => JsonSerializer.Serialize(this, Indented);
}

static class CaptureHttpExtensions
{
    public static async Task<List<JsonElement>> GetFromJsonAsyncSafe(this HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var all = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. all.EnumerateArray().Select(e => e.Clone())];
    }
}
