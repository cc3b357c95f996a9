using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Councils;

/// <summary>
/// Councils over HTTP on the real standalone host (shared with the access matrix: same task hub): a leader founds a
/// council of five for a file awaiting appraisal, the members declare (one recuses) and score through their secret
/// links, the secretary closes the session and the file moves to approval with the council's result; below the quorum
/// the close is a 409; forged links are 404; the public action route refuses the council's action. An evaluation council
/// (nghiệm thu) takes only files whose final report awaits evaluation, one open council per file; a leader re-issues a
/// member's link (the old one is then 404); the leader's evaluation follows the council's verdict.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class CouncilsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "accessmatrix";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    LifecycleClient client = null!;

    public async Task InitializeAsync() => client = new LifecycleClient((await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10))).Http);

    public Task DisposeAsync() => Task.CompletedTask;

    sealed record Link(string Council, string Member, string Token, string Role);

    async Task<(string Id, string Token, string Code)> UnderAppraisalAsync(string name)
    {
        var (id, token) = await client.SubmitAsync(enterpriseName: name);
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        var view = await client.WaitStatusAsync(id, "UnderAppraisal", Patience);
        var code = view.GetProperty("trackingCode").GetString()!;
        await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/inbox?q={code}", As.Appraiser),
            // The appraisers' task itself (a clerk's row of the step before may still be listed a moment after the step).
            r => r.Body.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("trackingCode").GetString() == code && i.GetProperty("step").GetString() == "Appraisal"),
            Patience, $"{code} is in the appraisers' inbox");
        return (id, token, code);
    }

    static object FoundBody(string code, string name = "Hội đồng tư vấn thẩm định nhiệm vụ NSCL", string purpose = "appraisal") => new
    {
        name,
        purpose,
        callId = "dot-1-2026",
        trackingCodes = new[] { code },
        decisionNumber = "15/QĐ-SKHCN",
        decisionDate = DateTime.UtcNow.AddHours(7).AddDays(-1).ToString("yyyy-MM-dd"),
        decisionSigner = "Nguyễn Văn Ký",
        decisionSignerTitle = "Phó Giám đốc",
        sessionDueDate = DateTime.UtcNow.AddHours(7).AddDays(10).ToString("yyyy-MM-dd"),
        members = new[]
        {
            new { fullName = "Lê Văn Chủ", title = "PGS.TS.", organisation = "Đại học Đà Nẵng", email = "chu@udn.vn", role = "chair" },
            new { fullName = "Trần Thị Phó", title = "TS.", organisation = "Sở KH&CN", email = "pho@danang.gov.vn", role = "vice-chair" },
            new { fullName = "Ngô Thư Ký", title = "ThS.", organisation = "Sở KH&CN", email = "thuky@danang.gov.vn", role = "secretary" },
            new { fullName = "Phạm Phản Biện", title = "TS.", organisation = "Viện NSCL", email = "phanbien@example.vn", role = "reviewer" },
            new { fullName = "Võ Ủy Viên", title = "KS.", organisation = "Hiệp hội DN", email = "uyvien@example.vn", role = "member" },
        },
    };

    async Task<List<Link>> FoundAsync(string code, object? body = null)
    {
        // The code is found through the unit's inbox search; a test beside this one on the shared host may be rebuilding the
        // inbox's rows at that moment (a 422 naming the code), so the leader tries again as a person would.
        var (status, created) = await LocalHostProcess.EventuallyAsync(() => client.PostAsync("/api/councils", JsonContent.Create(body ?? FoundBody(code)), As.Leader),
            r => r.Status != 422, Patience, $"the council for {code} is founded");
        Assert.True(status == 201, created.ToString());
        return [.. created.GetProperty("memberLinks").EnumerateArray().Select(LinkOf)];
    }

    static Link LinkOf(JsonElement l)
    {
        var fragment = l.GetProperty("memberPage").GetString()!.Split('#')[1].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return new Link(fragment["council"], fragment["member"], fragment["access"], l.GetProperty("role").GetString()!);
    }

    /// <summary>A file approved for 300 million, its check-ins accepted and paid, its final report submitted: awaiting evaluation.</summary>
    async Task<(string Id, string Token, string Code)> AwaitingEvaluationAsync(string name, Func<string, Task>? whileImplementing = null)
    {
        var (id, token) = await client.SubmitAsync(enterpriseName: name);
        await client.ApproveAsync(id, 300_000_000);
        var code = (await client.ViewAsync(id)).GetProperty("trackingCode").GetString()!;
        if (whileImplementing is not null)
        {
            await whileImplementing(code);
        }

        var enterprise = As.Enterprise(token);
        for (var n = 0; (await client.ViewAsync(id)).GetProperty("status").GetString() == "InImplementation"; n++)
        {
            Assert.Equal(202, (await client.ActAsync(id, "submit-check-in", new { note = "Tiến độ đúng kế hoạch", percentDone = 60 }, enterprise)).Status);
            await client.WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("checkIns")[n].GetProperty("status").GetString() == "Submitted", Patience, "check-in submitted");
            Assert.Equal(202, (await client.ActAsync(id, "review-check-in", new { accepted = true }, As.Clerk)).Status);
            await client.WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("checkIns")[n].GetProperty("status").GetString() == "Accepted", Patience, "check-in accepted");
            await client.PayAllAsync(id, As.Accountant, Patience);
        }

        await client.WaitStatusAsync(id, "AwaitingFinalEvaluation", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "submit-final-report", new { note = "Hoàn thành các chỉ tiêu năng suất." }, enterprise)).Status);
        await client.WaitAsync(id, v => v.GetProperty("lifecycle").TryGetProperty("finalReport", out var r) && r.ValueKind == JsonValueKind.Object, Patience,
            "the final report is recorded");
        return (id, token, code);
    }

    Task<(int Status, JsonElement Body)> MemberPostAsync(Link link, string path, object body) =>
        client.PostAsync($"/api/councils/{link.Council}/members/{link.Member}/{path}", JsonContent.Create(body), As.Enterprise(link.Token, "member"));

    Task<(int Status, JsonElement Body)> DeclareAsync(Link link, bool conflict, string? reason = null) =>
        MemberPostAsync(link, "declaration", new { hasConflict = conflict, reason });

    Task<(int Status, JsonElement Body)> ScoreAsync(Link link, string applicationId, long amount) =>
        MemberPostAsync(link, $"sheets/{applicationId}", new
        {
            recommendSupport = true, amountVnd = amount, scores = Sheets.AppraisalWithComments("Đạt yêu cầu <b>&</b> khả thi"), note = "Đề nghị hỗ trợ.",
        });

    async Task<(int Status, string? Type, byte First)> MemberDocumentAsync(Link link, string applicationId, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/councils/{link.Council}/members/{link.Member}/applications/{applicationId}/documents/{Uri.EscapeDataString(name)}");
        As.Enterprise(link.Token, "member").ApplyTo(request);
        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.Length > 0 ? body[0] : (byte)0);
    }

    static object Meeting => new
    {
        meetingStart = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK"),
        meetingEnd = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssK"),
    };

    [Fact]
    public async Task Council_FiveMembersOneRecused_ConcludesAndTheFileAwaitsApprovalWithTheCouncilsResult()
    {
        var (id, token, code) = await UnderAppraisalAsync("Công ty TNHH Hội Đồng Năm");
        var links = await FoundAsync(code);
        Assert.Equal(["chair", "vice-chair", "secretary", "reviewer", "member"], links.Select(l => l.Role));

        // Nobody but the close path sends the council's action: not a leader, not the enterprise.
        Assert.Equal(403, (await client.ActAsync(id, "record-council-result", new { }, As.Leader)).Status);
        Assert.Equal(403, (await client.ActAsync(id, "record-council-result", new { }, As.Admin with { DevOfficer = "quan.tri; Admin; skhcn" })).Status);
        Assert.Equal(403, (await client.ActAsync(id, "record-council-result", new { }, As.Enterprise(token))).Status);
        Assert.DoesNotContain("record-council-result", (await client.GetAsync($"/api/applications/{id}", As.Admin)).Body.GetProperty("allowedActions").EnumerateArray()
            .Select(a => a.GetString()));

        // The members read the file: its content and the enterprise's documents, not the officers' own files, and only
        // once they have declared no conflict with it.
        var dossierFile = await client.UploadSignedPdfAsync(id, As.Enterprise(token));
        using (var officersFile = LifecycleClient.SignedPdfContent())
        {
            Assert.Equal(201, (await client.PostAsync($"/api/applications/{id}/attachments", officersFile, As.Leader, ("X-File-Name", "to-trinh-noi-bo.pdf"))).Status);
        }

        Assert.Equal(404, (await MemberDocumentAsync(links[0], id, dossierFile)).Status);

        // A sheet before the declaration is refused; a recusal needs its reason.
        Assert.Equal(409, (await ScoreAsync(links[0], id, 300_000_000)).Status);
        var (noReason, problem) = await DeclareAsync(links[4], true);
        Assert.Equal(422, noReason);
        Assert.Equal("reason", problem.GetProperty("errors")[0].GetProperty("field").GetString());

        foreach (var (link, amount) in links.Take(4).Zip(new long[] { 300_000_000, 250_000_000, 300_000_000, 280_000_000 }))
        {
            Assert.Equal(200, (await DeclareAsync(link, false)).Status);
            var (scored, sheet) = await ScoreAsync(link, id, amount);
            Assert.True(scored == 200, sheet.ToString());
        }

        Assert.Equal(200, (await DeclareAsync(links[4], true, "Là cổ đông của doanh nghiệp")).Status);
        Assert.Equal(409, (await ScoreAsync(links[4], id, 300_000_000)).Status);

        var (_, readerView) = await client.GetAsync($"/api/councils/{links[0].Council}/members/{links[0].Member}", As.Enterprise(links[0].Token, "member"));
        var dossier = readerView.GetProperty("applications")[0].GetProperty("dossier");
        Assert.False(string.IsNullOrEmpty(dossier.GetProperty("summary").GetString()));
        Assert.Equal([dossierFile], dossier.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal((200, "application/pdf", (byte)'%'), await MemberDocumentAsync(links[0], id, dossierFile));
        Assert.Equal(404, (await MemberDocumentAsync(links[0], id, "to-trinh-noi-bo.pdf")).Status); // an officers' file
        Assert.Equal(404, (await MemberDocumentAsync(links[4], id, dossierFile)).Status); // recused from it
        Assert.Equal(404, (await MemberDocumentAsync(links[0] with { Token = links[4].Token }, id, dossierFile)).Status); // another's token
        var (_, recusedView) = await client.GetAsync($"/api/councils/{links[4].Council}/members/{links[4].Member}", As.Enterprise(links[4].Token, "member"));
        Assert.False(recusedView.GetProperty("applications")[0].TryGetProperty("dossier", out _)); // nothing of the file it may not assess

        // Only the secretary closes.
        Assert.Equal(403, (await MemberPostAsync(links[0], "close", Meeting)).Status);
        var (closed, secretaryView) = await MemberPostAsync(links[2], "close", Meeting);
        Assert.True(closed == 200, secretaryView.ToString());
        Assert.Equal("Closed", secretaryView.GetProperty("state").GetString());

        var view = await client.WaitStatusAsync(id, "AwaitingApproval", Patience);
        var lifecycle = view.GetProperty("lifecycle");
        Assert.Equal(250_000_000, lifecycle.GetProperty("recommendedAmountVnd").GetInt64());
        Assert.Equal(4, lifecycle.GetProperty("appraisals").GetArrayLength());
        Assert.Equal(4, lifecycle.GetProperty("appraisalOutcome").GetProperty("sheets").GetInt32());
        Assert.Equal("15/QĐ-SKHCN", lifecycle.GetProperty("council").GetProperty("decisionNumber").GetString());
        Assert.Equal("Là cổ đông của doanh nghiệp", lifecycle.GetProperty("council").GetProperty("members")[4].GetProperty("recusalReason").GetString());

        // The enterprise sees the step, not the council, its members or their sheets.
        var (_, mine) = await client.GetAsync($"/api/applications/{id}", As.Enterprise(token));
        var text = mine.ToString();
        Assert.Equal("AwaitingApproval", mine.GetProperty("status").GetString());
        Assert.DoesNotContain("Ngô Thư Ký", text, StringComparison.Ordinal);
        Assert.DoesNotContain("15/QĐ-SKHCN", text, StringComparison.Ordinal);
        Assert.False(mine.GetProperty("lifecycle").TryGetProperty("council", out var shown) && shown.ValueKind != JsonValueKind.Null);
        Assert.Equal(0, mine.GetProperty("lifecycle").GetProperty("appraisals").GetArrayLength());
        var (_, history) = await client.GetAsync($"/api/applications/{id}/history", As.Enterprise(token));
        Assert.DoesNotContain("Lê Văn Chủ", history.ToString(), StringComparison.Ordinal);

        // The appraisal record is the council's; the council's page shows the result delivered.
        await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/applications/{id}/documents/appraisal-record", As.Leader), r => r.Status == 200,
            Patience, "the council's appraisal record is stored");
        var (got, council) = await client.GetAsync($"/api/councils/{links[0].Council}", As.Clerk);
        Assert.Equal(200, got);
        Assert.Equal(JsonValueKind.String, council.GetProperty("applications")[0].GetProperty("deliveredAtUtc").ValueKind);
        Assert.Equal(404, (await client.GetAsync($"/api/councils/{links[0].Council}", As.Officer("can.bo.sct", "Officer,Leader", "sct"))).Status);

        // The council's workflow e-mailed every member their own link (recorded in its journal).
        await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/councils/{links[0].Council}", As.Clerk),
            r => r.Body.GetProperty("members").EnumerateArray().All(m => m.TryGetProperty("mailedAtUtc", out var at) && at.ValueKind == JsonValueKind.String),
            Patience, "every member was e-mailed their link");
    }

    [Fact]
    public async Task Council_TwoOfFiveRecused_CloseIs409BelowQuorumAndTheFileStaysInAppraisal()
    {
        var (id, _, code) = await UnderAppraisalAsync("Công ty TNHH Thiếu Số Lượng");
        var links = await FoundAsync(code);
        foreach (var link in links.Take(3))
        {
            Assert.Equal(200, (await DeclareAsync(link, false)).Status);
            Assert.Equal(200, (await ScoreAsync(link, id, 200_000_000)).Status);
        }

        Assert.Equal(200, (await DeclareAsync(links[3], true, "Người thân làm việc tại doanh nghiệp")).Status);
        Assert.Equal(200, (await DeclareAsync(links[4], true, "Từng tư vấn cho doanh nghiệp")).Status);

        var (status, problem) = await MemberPostAsync(links[2], "close", Meeting);

        Assert.Equal(409, status);
        Assert.Equal("council_below_quorum", problem.GetProperty("code").GetString());
        Assert.Contains("cần ít nhất 4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, page) = await client.GetAsync($"/api/councils/{links[2].Council}/members/{links[2].Member}", As.Enterprise(links[2].Token, "secretary"));
        Assert.Equal("Open", page.GetProperty("state").GetString());
        Assert.Equal("UnderAppraisal", (await client.ViewAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Council_TwoLeadersFoundCouncilsForOneFileAtOnce_OneFoundedTheOther409()
    {
        var (_, _, code) = await UnderAppraisalAsync("Công ty TNHH Hai Hội Đồng Cùng Lúc");
        // The file is found through the unit's inbox search: wait until a founding would not be a 422 (as FoundAsync does),
        // with a body that is refused for another reason once the code is found (no members), so nothing is founded yet.
        await LocalHostProcess.EventuallyAsync(() => client.PostAsync("/api/councils", JsonContent.Create(new
        {
            name = "Hội đồng", purpose = "appraisal", trackingCodes = new[] { code }, decisionNumber = "1/QĐ-SKHCN", members = Array.Empty<object>(),
        }), As.Leader), r => !r.Body.GetProperty("errors").EnumerateArray().Any(e => e.GetProperty("field").GetString()!.StartsWith("trackingCodes", StringComparison.Ordinal)),
            Patience, $"{code} is found in the unit's inbox");

        var both = await Task.WhenAll(
            client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code, "Hội đồng thẩm định thứ nhất")), As.Leader),
            client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code, "Hội đồng thẩm định thứ hai")), As.Leader));

        Assert.Equal([201, 409], both.Select(r => r.Status).Order());
        var refused = both.Single(r => r.Status == 409).Body;
        Assert.Equal("council_file_in_open_council", refused.GetProperty("code").GetString());
        Assert.Contains(code, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, list) = await client.GetAsync("/api/councils", As.Leader);
        Assert.Single(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("applications").EnumerateArray()
            .Any(a => a.GetProperty("trackingCode").GetString() == code));
    }

    [Fact]
    public async Task Council_BadInputForgedLinksAndWrongCallers_422404And403()
    {
        var (_, _, code) = await UnderAppraisalAsync("Công ty TNHH Kiểm Tra Đầu Vào");

        var (bad, problem) = await client.PostAsync("/api/councils", JsonContent.Create(new
        {
            name = "", trackingCodes = new[] { code, "NSCL-2020-XXXXXX" }, decisionNumber = "", members = new[] { new { fullName = "A", email = "x", role = "boss" } },
        }), As.Leader);
        Assert.Equal(422, bad);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("trackingCodes[1]", fields);
        Assert.Contains("decisionNumber", fields);
        Assert.Contains("members", fields);
        Assert.Contains("members[0].role", fields);
        var (hostile, refusal) = await client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code, "Hội đồng \u202Egnohk")), As.Leader);
        Assert.Equal((422, "invalid_characters"), (hostile, refusal.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(403, (await client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code)), As.Clerk)).Status);
        Assert.Equal(401, (await client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code)), As.Anonymous)).Status);

        var links = await FoundAsync(code);
        var link = links[0];
        var forged = link with { Token = link.Token[..^2] + (link.Token[^1] == 'A' ? "BB" : "AA") };
        Assert.Equal(404, (await client.GetAsync($"/api/councils/{link.Council}/members/{link.Member}", As.Enterprise(forged.Token))).Status);
        Assert.Equal(404, (await client.GetAsync($"/api/councils/{link.Council}/members/m2", As.Enterprise(link.Token))).Status); // another member's page
        Assert.Equal(404, (await DeclareAsync(forged, false)).Status);
        Assert.Equal(404, (await client.GetAsync($"/api/councils/{link.Council}/members/{link.Member}", As.Leader)).Status);
        var (own, page) = await client.GetAsync($"/api/councils/{link.Council}/members/{link.Member}", As.Enterprise(link.Token));
        Assert.Equal(200, own);
        Assert.Equal("nscl-tham-dinh", page.GetProperty("applications")[0].GetProperty("rubric").GetProperty("id").GetString());
        Assert.False(page.TryGetProperty("progress", out _)); // not the secretary: nobody else's progress
        Assert.DoesNotContain("thuky@danang.gov.vn", page.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluationCouncil_OneRecusedOneLinkReissued_ConcludesAndTheLeadersEvaluationFollowsIt()
    {
        const string Name = "Hội đồng đánh giá, nghiệm thu nhiệm vụ NSCL";
        var (id, token, code) = await AwaitingEvaluationAsync("Công ty TNHH Nghiệm Thu Hội Đồng", async implementing =>
        {
            // A file in implementation is no evaluation council's yet: 409 with the step it is in.
            var (status, problem) = await LocalHostProcess.EventuallyAsync(
                () => client.PostAsync("/api/councils", JsonContent.Create(FoundBody(implementing, Name, "evaluation")), As.Leader), r => r.Status != 422, Patience,
                $"{implementing} is found in the unit's inbox");
            Assert.Equal((409, "council_file_not_awaiting_evaluation"), (status, problem.GetProperty("code").GetString()));
            Assert.Contains(implementing, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        });

        var links = await FoundAsync(code, FoundBody(code, Name, "evaluation"));
        var councilId = links[0].Council;

        // One file, one open council of a purpose.
        var (again, taken) = await client.PostAsync("/api/councils", JsonContent.Create(FoundBody(code, "Hội đồng nghiệm thu thứ hai", "evaluation")), As.Leader);
        Assert.Equal((409, "council_file_in_open_council"), (again, taken.GetProperty("code").GetString()));
        Assert.Contains(Name, taken.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A leader revokes the fifth member's link and issues a new one: the old one opens nothing, the new one does.
        var member = $"/api/councils/{councilId}/members/{links[4].Member}";
        Assert.Equal(403, (await client.PostAsync(member + "/link", JsonContent.Create(new { }), As.Clerk)).Status);
        Assert.Equal(404, (await client.PostAsync($"/api/councils/{councilId}/members/m9/link", JsonContent.Create(new { }), As.Leader)).Status);
        var (relinked, reissued) = await client.PostAsync(member + "/link", JsonContent.Create(new { }), As.Leader);
        Assert.True(relinked == 200, reissued.ToString());
        var fresh = LinkOf(reissued);
        Assert.NotEqual(links[4].Token, fresh.Token);
        Assert.Equal(404, (await client.GetAsync(member, As.Enterprise(links[4].Token))).Status);
        Assert.Equal(404, (await DeclareAsync(links[4], false)).Status);
        var (opened, page) = await client.GetAsync(member, As.Enterprise(fresh.Token));
        Assert.Equal(200, opened);
        Assert.Equal("evaluation", page.GetProperty("purpose").GetString());
        Assert.Equal("nscl-nghiem-thu", page.GetProperty("applications")[0].GetProperty("rubric").GetProperty("id").GetString());
        var (_, followed) = await client.GetAsync($"/api/councils/{councilId}", As.Clerk);
        Assert.Contains(followed.GetProperty("journal").EnumerateArray(), n => n.GetProperty("step").GetString() == "link-revoked");

        // Four members score the task's results against the evaluation rubric; the fifth recuses through the new link.
        foreach (var (link, amount) in links.Take(4).Zip(new long[] { 300_000_000, 250_000_000, 280_000_000, 300_000_000 }))
        {
            Assert.Equal(200, (await DeclareAsync(link, false)).Status);
            var (scored, sheet) = await MemberPostAsync(link, $"sheets/{id}", new
            {
                passed = true, amountVnd = amount, scores = Sheets.EvaluationWithComments("Đạt chỉ tiêu năng suất"), note = "Đề nghị nghiệm thu đạt.",
            });
            Assert.True(scored == 200, sheet.ToString());
        }

        Assert.Equal(200, (await DeclareAsync(fresh, true, "Là cổ đông của doanh nghiệp")).Status);
        var (closed, secretaryView) = await MemberPostAsync(links[2], "close", Meeting);
        Assert.True(closed == 200, secretaryView.ToString());

        var view = await client.WaitAsync(id, v => v.GetProperty("lifecycle").TryGetProperty("councilEvaluation", out var c) && c.ValueKind == JsonValueKind.Object,
            Patience, "the council's verdict is on the file");
        var verdict = view.GetProperty("lifecycle").GetProperty("councilEvaluation");
        Assert.True(verdict.GetProperty("passed").GetBoolean());
        Assert.Equal(250_000_000, verdict.GetProperty("recommendedAmountVnd").GetInt64());
        Assert.Equal(4, verdict.GetProperty("sheets").GetArrayLength());
        Assert.Equal("AwaitingFinalEvaluation", view.GetProperty("status").GetString());
        Assert.DoesNotContain("record-council-evaluation", view.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(403, (await client.ActAsync(id, "record-council-evaluation", new { }, As.Leader)).Status);

        // A second evaluation council (the first is closed) scores on its own: its members are not bound by the first verdict
        // (290 million is above it); while it sits, the leader does not evaluate.
        var second = await FoundAsync(code, FoundBody(code, "Hội đồng đánh giá, nghiệm thu lại", "evaluation"));
        foreach (var (link, amount) in second.Take(4).Zip(new long[] { 290_000_000, 250_000_000, 280_000_000, 300_000_000 }))
        {
            Assert.Equal(200, (await DeclareAsync(link, false)).Status);
            var (rescored, resheet) = await MemberPostAsync(link, $"sheets/{id}", new
            {
                passed = true, amountVnd = amount, scores = Sheets.EvaluationWithComments("Đạt"), note = "Đề nghị nghiệm thu đạt.",
            });
            Assert.True(rescored == 200, resheet.ToString());
        }

        var (sitting, sits) = await client.ActAsync(id, "evaluate", new { passed = true }, As.Leader);
        Assert.Equal((409, "evaluation_council_open"), (sitting, sits.GetProperty("code").GetString()));
        Assert.Equal(200, (await MemberPostAsync(second[2], "close", Meeting)).Status);
        await client.WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("councilEvaluation").GetProperty("council").GetProperty("councilId").GetString()
            == second[0].Council, Patience, "the second council's verdict is on the file");

        // The leader decides on the council's advice: not against it, not above its amount.
        var (contradicting, contradiction) = await client.ActAsync(id, "evaluate", new { passed = false, note = "Không đạt" }, As.Leader);
        Assert.Equal((422, "evaluation_contradicts_council"), (contradicting, contradiction.GetProperty("errors")[0].GetProperty("code").GetString()));
        var (exceeding, excess) = await client.ActAsync(id, "evaluate", new { passed = true, amountVnd = 260_000_000 }, As.Leader);
        Assert.Equal((422, "evaluation_exceeds_council"), (exceeding, excess.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(202, (await client.ActAsync(id, "evaluate", new { passed = true, note = "Đạt theo kết luận của hội đồng." }, As.Leader)).Status);
        var evaluated = await client.WaitAsync(id, v => v.GetProperty("lifecycle").TryGetProperty("evaluation", out var e) && e.ValueKind == JsonValueKind.Object,
            Patience, "the evaluation is recorded");
        Assert.Equal(250_000_000, evaluated.GetProperty("lifecycle").GetProperty("evaluation").GetProperty("finalAmountVnd").GetInt64());

        // The minutes are the council's, for officers; the enterprise sees neither them nor the members or their sheets.
        await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/applications/{id}/documents/evaluation-minutes", As.Leader), r => r.Status == 200,
            Patience, "the council's evaluation minutes are stored");
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}/documents/evaluation-minutes", As.Enterprise(token))).Status);
        var (_, mine) = await client.GetAsync($"/api/applications/{id}", As.Enterprise(token));
        Assert.False(mine.GetProperty("lifecycle").TryGetProperty("councilEvaluation", out var shown) && shown.ValueKind != JsonValueKind.Null);
        Assert.DoesNotContain("Ngô Thư Ký", mine.ToString(), StringComparison.Ordinal);
        var (_, history) = await client.GetAsync($"/api/applications/{id}/history", As.Enterprise(token));
        Assert.DoesNotContain("Lê Văn Chủ", history.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Name, history.ToString(), StringComparison.Ordinal);

        // The re-issued link was e-mailed to the member (recorded on the council).
        await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/councils/{councilId}", As.Clerk),
            r => r.Body.GetProperty("members")[4].TryGetProperty("mailedAtUtc", out var at) && at.ValueKind == JsonValueKind.String, Patience,
            "the fifth member was e-mailed the new link");
    }
}
