using System.Text.Json;
using System.Text.Json.Nodes;
using NsclWorkflows.Integration.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Issue 13, lines and units, caps, persons, over HTTP on the standalone host with Azurite: e-commerce (IV.5) and GAP
/// (IV.4) applications reach the officers of Sở Công Thương and Sở NN&amp;PTNT, are decided by them and move no money
/// through approval and completion, while an IV.1 application still reserves; caps are field errors at submission and
/// appraisal; a public body nominates civil servants without an enterprise code.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class LinesAndUnitsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    static readonly TimeSpan Step = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task IntegratedKinds_ReachTheirLeadUnitsAndMoveNoMoney_PlanKindsStillReserve()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "lines", TimeSpan.FromSeconds(2),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = "lines" });
        await host.StartAsync();
        var client = new LifecycleClient(host.Http);
        var trade = new { Officer = As.Officer("ct.chuyenvien", "Officer", "sct"), Appraiser = As.Officer("ct.thamdinh", "Appraiser", "sct"), Leader = As.Officer("ct.lanhdao", "Leader", "sct") };
        var agriculture = As.Officer("nn.chuyenvien", "Officer", "snnptnt");

        var (commerce, commerceToken) = await client.SubmitAsync("e-commerce", 120_000_000, "Công ty TNHH Thương mại Sơn Trà");
        var (gap, _) = await client.SubmitAsync("traceability-gap", 80_000_000, "Hợp tác xã Nông nghiệp Hòa Tiến");
        var (tools, _) = await client.SubmitAsync("productivity-tools", 150_000_000);
        foreach (var id in new[] { commerce, gap, tools })
        {
            await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Step);
        }

        // Each unit's officers see their own files in their inbox, and only those.
        Assert.Equal([commerce], await InboxAsync(client, trade.Officer, [commerce, gap, tools]));
        Assert.Equal([gap], await InboxAsync(client, agriculture, [commerce, gap, tools]));
        Assert.Equal([tools], await InboxAsync(client, As.Clerk, [commerce, gap, tools]));

        // Search (issue 17): without diacritics, within the officer's own unit only; a token that does not open is a 400.
        Assert.Equal([gap], await InboxAsync(client, agriculture, [commerce, gap, tools], "?q=hoa%20tien"));
        Assert.Empty(await InboxAsync(client, As.Clerk, [commerce, gap, tools], "?q=hoa%20tien"));
        var (forged, forgedProblem) = await client.GetAsync("/api/inbox?cursor=eyJiIjoiIiwicCI6e319.AAAA", agriculture);
        Assert.Equal((400, "cursor_invalid"), (forged, forgedProblem.GetProperty("code").GetString()));
        var (noWords, noWordsProblem) = await client.GetAsync("/api/inbox?q=%21%21%21", agriculture);
        Assert.Equal((400, "search_invalid"), (noWords, noWordsProblem.GetProperty("code").GetString()));
        // The step filter takes the task steps the page offers (StatusTable.TaskSteps); a status name is not one.
        Assert.Equal([gap], await InboxAsync(client, agriculture, [commerce, gap, tools], "?step=CompletenessReview"));
        Assert.Empty(await InboxAsync(client, agriculture, [commerce, gap, tools], "?step=Approval"));
        var (badStep, badStepProblem) = await client.GetAsync("/api/inbox?step=AwaitingCompletenessReview", agriculture);
        Assert.Equal((400, "step_invalid"), (badStep, badStepProblem.GetProperty("code").GetString()));
        var view = await client.ViewAsync(commerce);
        output.WriteLine(view.GetProperty("lifecycle").ToString());
        Assert.Equal(("sct", "IV.5"), (view.GetProperty("lifecycle").GetProperty("unit").GetString(), view.GetProperty("lifecycle").GetProperty("budgetLineId").GetString()));
        var before = await LedgerAsync(client);

        // Sở Công Thương decides the e-commerce file through completion: the plan's ledger does not move.
        var enterprise = As.Enterprise(commerceToken);
        var signedFile = await client.UploadSignedPdfAsync(commerce, trade.Leader);
        var steps = new (string Action, object Body, As Caller, Func<JsonElement, bool> Done)[]
        {
            ("accept-completeness", new { note = "Hồ sơ đầy đủ" }, trade.Officer, v => Status(v) == "UnderAppraisal"),
            ("submit-appraisal", new { recommendSupport = true, amountVnd = 120_000_000, scores = Sheets.Appraisal() },
                trade.Appraiser, v => Status(v) == "AwaitingApproval"),
            ("approve", new { amountVnd = 120_000_000, budgetYear = 2025, note = "Đồng ý" }, trade.Leader, v => Status(v) == "AwaitingDecisionSigning"),
            ("record-signed-decision", LifecycleClient.SignedBody(signedFile), trade.Leader, v => Status(v) == "InImplementation"),
            ("submit-check-in", new { note = "Mở gian hàng trên sàn", percentDone = 50 }, enterprise, v => CheckIn(v, 0) == "Submitted"),
            ("review-check-in", new { accepted = true }, trade.Officer, v => CheckIn(v, 0) == "Accepted"),
            ("submit-check-in", new { note = "Doanh thu trực tuyến tăng", percentDone = 90 }, enterprise, v => CheckIn(v, 1) == "Submitted"),
            ("review-check-in", new { accepted = true }, trade.Officer, v => Status(v) == "AwaitingFinalEvaluation"),
            ("submit-final-report", new { note = "Hoàn thành." }, enterprise,
                v => v.GetProperty("lifecycle").TryGetProperty("finalReport", out var report) && report.ValueKind == JsonValueKind.Object),
            ("evaluate", new { passed = true, note = "Đạt" }, trade.Leader, v => Status(v) == "Completed"),
        };
        foreach (var (action, body, caller, done) in steps)
        {
            var (status, answer) = await client.ActAsync(commerce, action, body, caller);
            Assert.True(status == 202, $"{action}: {status} {answer}");
            await client.WaitAsync(commerce, done, Step, $"{action} is recorded");
            Assert.Equal(before, await LedgerAsync(client));
        }

        // Its e-mails to the enterprise are Sở Công Thương's (sent through the real SendGrid client to the capture endpoint).
        var mail = await host.GetJsonAsync("/dev/outbox.json?limit=500");
        var texts = mail.EnumerateArray().Select(m => m.GetProperty("message"))
            .Where(m => m.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var args) && args.TryGetProperty("applicationId", out var a)
                && a.GetString() == commerce && args.GetProperty("event").GetString() is "Receipt" or "Approved")
            .Select(m => m.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!)
            .ToList();
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Contains("Sở Công Thương", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("Sở Khoa học và Công nghệ đã", t, StringComparison.Ordinal));

        // Numbered in Sở Công Thương's own register, with its symbol; its leader sees it, the Department's does not.
        var signedYear = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var (_, tradeRegister) = await client.GetAsync($"/api/decisions?year={signedYear}", trade.Leader);
        var line = tradeRegister.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("applicationId").GetString() == commerce);
        Assert.Matches(@"^\d+/QĐ-SCT$", line.GetProperty("numberAndSymbol").GetString());
        var (_, departmentRegister) = await client.GetAsync($"/api/decisions?year={signedYear}", As.Leader);
        Assert.DoesNotContain(departmentRegister.GetProperty("items").EnumerateArray(), d => d.GetProperty("applicationId").GetString() == commerce);

        var approved = (await client.GetAsync($"/api/applications/{commerce}/history", As.Admin)).Body.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "Approved").GetProperty("detail").GetString();
        Assert.Contains("kinh phí lồng ghép từ Kế hoạch số 121/KH-UBND", approved, StringComparison.Ordinal);

        // The IV.1 file still reserves this plan's money.
        await client.ApproveAsync(tools, 150_000_000);
        var after = await LedgerAsync(client);
        Assert.Equal(before.Reserved + 150_000_000, after.Reserved);
    }

    [Fact]
    public async Task Caps_AreFieldErrorsAtSubmissionAndAppraisal_PublicBodyNominatesWithoutEnterpriseCode()
    {
        var host = await azurite.SharedHostAsync("linescaps", TimeSpan.FromSeconds(2));
        var client = new LifecycleClient(host.Http);

        // Expert training by a public body: two civil servants, 20.000.000 đồng each at most.
        var body = TestSubmissions.Valid();
        body.Remove("enterpriseCode");
        body["enterpriseName"] = "Sở Xây dựng thành phố Đà Nẵng";
        body["supportKindId"] = "expert-training";
        body["organisationType"] = "public-body";
        body["nominees"] = new JsonArray(
            new JsonObject { ["name"] = "Lê Văn Cường", ["organisation"] = "Sở Xây dựng thành phố Đà Nẵng", ["position"] = "Phó Trưởng phòng" },
            new JsonObject { ["name"] = "Phan Thị Dung", ["organisation"] = "Sở Xây dựng thành phố Đà Nẵng" });
        body["requestedAmountVnd"] = 40_000_001;
        var (refused, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(body));
        Assert.Equal(422, refused);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("requestedAmountVnd", "exceeds_kind_maximum"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));

        body["requestedAmountVnd"] = 40_000_000;
        var (created, answer) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(body));
        Assert.True(created == 201, $"{created} {answer}");
        var id = answer.GetProperty("applicationId").GetString()!;
        var view = await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Step);
        Assert.Equal(("", "public-body", 2), (view.GetProperty("enterpriseCode").GetString(), view.GetProperty("organisationType").GetString(),
            view.GetProperty("nominees").GetArrayLength()));
        Assert.Equal("Phó Trưởng phòng", view.GetProperty("nominees")[0].GetProperty("position").GetString());
        Assert.Equal(40_000_000, view.GetProperty("lifecycle").GetProperty("supportCapVnd").GetInt64());
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", Step);

        // The appraisal may not recommend above the cap for its two nominees (nor above the request).
        var (status, appraisal) = await client.ActAsync(id, "submit-appraisal",
            new { recommendSupport = true, amountVnd = 40_000_001, scores = Sheets.Appraisal() }, As.Appraiser);
        Assert.Equal(422, status);
        Assert.Contains(appraisal.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "exceeds_kind_maximum");

        // A nominee list on a kind that nominates nobody, and a malformed nominee, are field errors.
        var (wrongKind, wrongKindProblem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.With("nominees",
            new JsonArray(new JsonObject { ["name"] = "Lê Văn Cường", ["organisation"] = "Công ty", ["role"] = "x" }))));
        Assert.Equal(422, wrongKind);
        Assert.Contains(wrongKindProblem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "nominees[0].role");
    }

    static async Task<List<string>> InboxAsync(LifecycleClient client, As officer, string[] ours, string query = "")
    {
        // Every page (50 tasks each), following nextCursor.
        var ids = new List<string>();
        var url = "/api/inbox" + query;
        while (url is not null)
        {
            var (status, inbox) = await client.GetAsync(url, officer);
            Assert.Equal(200, status);
            ids.AddRange(inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetString()!));
            url = inbox.TryGetProperty("nextCursor", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String
                ? "/api/inbox" + (query.Length > 0 ? query + "&" : "?") + "cursor=" + Uri.EscapeDataString(next.GetString()!)
                : null;
        }

        return [.. ids.Where(ours.Contains).Distinct()];
    }

    /// <summary>The whole ledger of 2025, every line: what the plan's money holds.</summary>
    static async Task<(long Reserved, long Committed, long Disbursed)> LedgerAsync(LifecycleClient client)
    {
        var (status, budget) = await client.GetAsync("/api/budget?year=2025", As.Leader);
        Assert.Equal(200, status);
        var lines = budget.GetProperty("lines").EnumerateArray().ToList();
        return (lines.Sum(l => l.GetProperty("reservedVnd").GetInt64()), lines.Sum(l => l.GetProperty("committedVnd").GetInt64()),
            lines.Sum(l => l.GetProperty("disbursedVnd").GetInt64()));
    }

    static string? Status(JsonElement view) => view.GetProperty("status").GetString();

    static string? CheckIn(JsonElement view, int index) =>
        view.GetProperty("lifecycle").GetProperty("checkIns") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > index
            ? list[index].GetProperty("status").GetString()
            : null;
}
