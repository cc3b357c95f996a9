using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Integration.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Calls;

/// <summary>
/// A call for applications over HTTP on the standalone host (a working day lasts 2 s): a leader opens it (the envelope
/// reserved on IV.1 2030, a year no other test touches, after an Admin records its allocation), three enterprises apply
/// through it, an appraisal before the close is 409, the call closes, the ranking lists the three by score with the
/// running total against the envelope, two approvals fit and the third is refused beyond the envelope; one approved file
/// is cancelled, its money returns to the envelope and the third is approved from it; finalising releases the rest, and
/// a file cancelled after that gives its money back to the item.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class CallsApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    static readonly TimeSpan Step = TimeSpan.FromSeconds(90);
    const int Year = 2030;
    const string Kind = "science-technology-task";

    [Fact]
    public async Task Call_OpensReceivesThreeClosesRanksApprovesWithinTheEnvelopeAndReleasesTheRest()
    {
        var host = await azurite.SharedHostAsync("linescaps", TimeSpan.FromSeconds(2));
        var client = new LifecycleClient(host.Http);
        Assert.Equal(201, (await client.PostAsync("/api/budget/allocations", JsonContent.Create(new
        {
            kind = "allocation", year = Year, lineId = "IV.1", amountVnd = 1_000_000_000L, documentNumber = "1234/QĐ-UBND", documentDate = "2025-12-20",
            documentIssuer = "UBND thành phố Đà Nẵng", note = "Giao dự toán năm 2030",
        }), As.Admin)).Status);

        // A kind selected by call only: no submission without an open call.
        var (noCall, noCallProblem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.With("supportKindId", Kind)));
        Assert.Equal((422, CallErrorCodes.CallRequired), (noCall, noCallProblem.GetProperty("code").GetString()));

        // Opening: a leader only; an envelope beyond the allocation is refused by the ledger.
        Assert.Equal(403, (await OpenAsync(client, 500_000_000, As.Clerk)).Status);
        var (tooBig, tooBigProblem) = await OpenAsync(client, 1_500_000_000, As.Leader);
        Assert.Equal((409, "budget_exceeded"), (tooBig, tooBigProblem.GetProperty("code").GetString()));
        var (opened, call) = await OpenAsync(client, 500_000_000, As.Leader);
        Assert.True(opened == 201, call.ToString());
        var callId = call.GetProperty("id").GetString()!;
        Assert.Equal(("Open", 500_000_000L), (call.GetProperty("state").GetString(), call.GetProperty("heldVnd").GetInt64()));
        Assert.Equal(500_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64());

        // The public list: what an enterprise needs, no money.
        var (_, openCalls) = await client.GetAsync("/api/calls/open", As.Anonymous);
        var listed = openCalls.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == callId);
        Assert.Equal(Kind, listed.GetProperty("supportKinds")[0].GetProperty("id").GetString());
        Assert.Equal(4, listed.GetProperty("requiredDocuments").GetArrayLength());
        Assert.False(listed.TryGetProperty("envelopeVnd", out _));

        // Three applications through the call; a kind the call does not offer is refused.
        var (wrongKind, wrongKindProblem) = await SubmitAsync(host, callId, "productivity-tools", 100_000_000, "Công ty Sai Nội Dung");
        Assert.Equal((422, CallErrorCodes.KindNotInCall), (wrongKind, wrongKindProblem.GetProperty("code").GetString()));
        var files = new List<(string Id, long Amount, decimal Share)>();
        var tokens = new List<string>();
        foreach (var (name, amount, share) in new[] { ("Công ty Cơ khí Hòa Khánh", 250_000_000L, 0.7m), ("Công ty Dệt may Sơn Trà", 200_000_000L, 0.9m),
            ("Công ty Thực phẩm Liên Chiểu", 150_000_000L, 0.8m) })
        {
            var (status, created) = await SubmitAsync(host, callId, Kind, amount, name, idempotencyKey: $"call-{callId}-{amount}");
            Assert.True(status == 201, created.ToString());
            files.Add((created.GetProperty("applicationId").GetString()!, amount, share));
            tokens.Add(created.GetProperty("accessToken").GetString()!);
        }

        foreach (var (id, _, _) in files)
        {
            await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Step);
            Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        }

        // Appraisal waits for the close: the three are appraised together.
        await client.WaitStatusAsync(files[0].Id, "UnderAppraisal", Step);
        var (early, earlyProblem) = await client.ActAsync(files[0].Id, "submit-appraisal",
            new { recommendSupport = true, amountVnd = files[0].Amount, scores = Sheets.Appraisal() }, As.Appraiser);
        Assert.Equal((409, CallErrorCodes.CallStillOpen), (early, earlyProblem.GetProperty("code").GetString()));
        // Nor can a council conclude on it: its secretary's close is refused while the call receives applications.
        var (_, earlyCouncil) = await client.PostAsync("/api/councils", JsonContent.Create(CouncilBody(callId,
            [(await client.ViewAsync(files[0].Id)).GetProperty("trackingCode").GetString()!])), As.Leader);
        var secretary = MemberLinks(earlyCouncil)[2];
        var (earlyClose, earlyCloseProblem) = await client.PostAsync($"/api/councils/{secretary.Council}/members/{secretary.Member}/close",
            JsonContent.Create(Meeting()), As.Enterprise(secretary.Token, "member"));
        Assert.Equal((409, CallErrorCodes.CallStillOpen), (earlyClose, earlyCloseProblem.GetProperty("code").GetString()));
        Assert.DoesNotContain("submit-appraisal", await AllowedAsync(client, files[0].Id));
        Assert.Equal(callId, (await client.ViewAsync(files[0].Id)).GetProperty("lifecycle").GetProperty("callId").GetString());
        var enterpriseView = (await client.GetAsync($"/api/applications/{files[0].Id}", As.Enterprise(tokens[0]))).Body.GetProperty("lifecycle");
        Assert.Equal(call.GetProperty("closesAtUtc").GetDateTimeOffset(), enterpriseView.GetProperty("callClosesAtUtc").GetDateTimeOffset());
        var (_, beforeClose) = await client.GetAsync($"/api/calls/{callId}", As.Clerk);
        Assert.False(beforeClose.TryGetProperty("ranking", out _)); // no ranking while the call receives applications (nulls are left out)

        await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync($"/api/calls/{callId}", As.Clerk)).Body,
            c => c.GetProperty("state").GetString() == "Closed", Step, "the call closes");
        var (late, lateProblem) = await SubmitAsync(host, callId, Kind, 100_000_000, "Công ty Nộp Muộn");
        Assert.Equal((422, CallErrorCodes.CallNotOpen), (late, lateProblem.GetProperty("code").GetString()));
        // A repeat of a submission received while the call was open is answered as the first time, not refused.
        var (repeat, repeated) = await SubmitAsync(host, callId, Kind, files[0].Amount, "Công ty Cơ khí Hòa Khánh", idempotencyKey: $"call-{callId}-{files[0].Amount}");
        Assert.Equal((200, files[0].Id), (repeat, repeated.GetProperty("applicationId").GetString()));
        Assert.Contains("submit-appraisal", await AllowedAsync(client, files[0].Id));

        foreach (var (id, amount, share) in files)
        {
            await client.WaitStatusAsync(id, "UnderAppraisal", Step);
            var (status, answer) = await client.ActAsync(id, "submit-appraisal", new { recommendSupport = true, amountVnd = amount, scores = Sheets.Appraisal(share) }, As.Appraiser);
            Assert.True(status == 202, answer.ToString());
            await client.WaitStatusAsync(id, "AwaitingApproval", Step);
        }

        // The ranking: highest total first, running total against the 500.000.000 đồng envelope.
        var (_, closed) = await client.GetAsync($"/api/calls/{callId}", As.Clerk);
        output.WriteLine(closed.GetProperty("ranking").ToString());
        var ranking = closed.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal([files[1].Id, files[2].Id, files[0].Id], ranking.Select(r => r.GetProperty("applicationId").GetString()));
        Assert.Equal([200_000_000L, 350_000_000, 600_000_000], ranking.Select(r => r.GetProperty("runningTotalVnd").GetInt64()));
        Assert.Equal([true, true, false], ranking.Select(r => r.GetProperty("fitsEnvelope").GetBoolean()));
        Assert.Equal(3, closed.GetProperty("applicationCount").GetInt32());

        // Two approvals draw from the envelope; the third is beyond what it still holds.
        foreach (var (id, amount, _) in new[] { files[1], files[2] })
        {
            var (status, answer) = await client.ActAsync(id, "approve", new { amountVnd = amount, note = "Đồng ý" }, As.Leader);
            Assert.True(status == 202, answer.ToString());
            await client.WaitStatusAsync(id, "AwaitingDecisionSigning", Step);
        }

        var (beyond, beyondProblem) = await client.ActAsync(files[0].Id, "approve", new { amountVnd = files[0].Amount }, As.Leader);
        Assert.Equal((409, "envelope_exceeded"), (beyond, beyondProblem.GetProperty("code").GetString()));
        var (_, drawn) = await client.GetAsync($"/api/calls/{callId}", As.Clerk);
        Assert.Equal((150_000_000L, 350_000_000L), (drawn.GetProperty("heldVnd").GetInt64(), drawn.GetProperty("usedVnd").GetInt64()));
        Assert.Equal(500_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64());
        Assert.Empty(drawn.GetProperty("allowedActions").EnumerateArray()); // an officer reads; a leader finalises
        Assert.Equal(["finalise"], (await client.GetAsync($"/api/calls/{callId}", As.Leader)).Body.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        // A cancelled file's money goes back to the envelope while the call is not finalised: the third file is approved from it.
        Assert.Equal(202, (await client.ActAsync(files[1].Id, "cancel", new { note = "Doanh nghiệp không còn đủ điều kiện thực hiện" }, As.Leader)).Status);
        await client.WaitStatusAsync(files[1].Id, "Cancelled", Step);
        var (_, freed) = await client.GetAsync($"/api/calls/{callId}", As.Clerk);
        Assert.Equal((350_000_000L, 150_000_000L), (freed.GetProperty("heldVnd").GetInt64(), freed.GetProperty("usedVnd").GetInt64()));
        Assert.Equal(500_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64()); // still the envelope's: not back to the item
        var (fromFreed, fromFreedAnswer) = await client.ActAsync(files[0].Id, "approve", new { amountVnd = files[0].Amount, note = "Đồng ý" }, As.Leader);
        Assert.True(fromFreed == 202, fromFreedAnswer.ToString());
        await client.WaitStatusAsync(files[0].Id, "AwaitingDecisionSigning", Step);

        // Finalising: a leader; the rest goes back to the allocation, once.
        Assert.Equal(403, (await FinaliseAsync(client, callId, As.Clerk)).Status);
        var (finalised, done) = await FinaliseAsync(client, callId, As.Leader);
        Assert.True(finalised == 200, done.ToString());
        Assert.Equal(("Finalised", 100_000_000L, 0L), (done.GetProperty("state").GetString(), done.GetProperty("releasedVnd").GetInt64(), done.GetProperty("heldVnd").GetInt64()));
        Assert.Equal(400_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64());
        var (again, againProblem) = await FinaliseAsync(client, callId, As.Leader);
        Assert.Equal((409, CallErrorCodes.WrongState), (again, againProblem.GetProperty("code").GetString()));
        Assert.Equal(400_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64());

        // After finalising, a cancelled file's money goes to the item, as before: the envelope holds nothing.
        Assert.Equal(202, (await client.ActAsync(files[2].Id, "cancel", new { note = "Doanh nghiệp xin dừng thực hiện" }, As.Leader)).Status);
        await client.WaitStatusAsync(files[2].Id, "Cancelled", Step);
        Assert.Equal(250_000_000, (await BudgetAsync(client)).GetProperty("reservedVnd").GetInt64());
        var (_, after) = await client.GetAsync($"/api/calls/{callId}", As.Clerk);
        Assert.Equal((0L, 250_000_000L, 250_000_000L), (after.GetProperty("heldVnd").GetInt64(), after.GetProperty("releasedVnd").GetInt64(), after.GetProperty("usedVnd").GetInt64()));
        Assert.DoesNotContain((await client.GetAsync("/api/calls/open", As.Anonymous)).Body.GetProperty("calls").EnumerateArray(),
            c => c.GetProperty("id").GetString() == callId);
    }

    [Fact]
    public async Task Assignment_OfficerOrdersATask_TheEnterpriseGetsItsLinkConfirmsAndItGoesToAppraisal()
    {
        var host = await azurite.SharedHostAsync("linescaps", TimeSpan.FromSeconds(2));
        var client = new LifecycleClient(host.Http);
        var body = TestSubmissions.Valid();
        body["supportKindId"] = "pilot-model";
        body["enterpriseName"] = "Công ty <b>Được</b> Đặt Hàng";
        object Order(string selection) => new { selection, application = JsonDocument.Parse(body.ToJsonString()).RootElement };

        Assert.Equal(401, (await client.PostAsync("/api/assignments", JsonContent.Create(Order("order")), As.Anonymous)).Status);
        var (badSelection, badProblem) = await client.PostAsync("/api/assignments", JsonContent.Create(Order("tender")), As.Clerk);
        Assert.Equal((422, "selection"), (badSelection, badProblem.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal(403, (await client.PostAsync("/api/assignments", JsonContent.Create(Order("order")), As.Officer("ct.chuyenvien", "Officer", "sct"))).Status);

        var (created, answer) = await client.PostAsync("/api/assignments", JsonContent.Create(Order("order")), As.Clerk);
        Assert.True(created == 201, answer.ToString());
        Assert.False(answer.TryGetProperty("accessToken", out _)); // the enterprise's link goes to the enterprise only
        var id = answer.GetProperty("applicationId").GetString()!;
        await client.WaitStatusAsync(id, "AwaitingEnterpriseConfirmation", Step);
        await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync($"/api/applications/{id}/notifications", As.Clerk)).Body,
            n => n.GetProperty("notifications").EnumerateArray().Any(m => m.GetProperty("event").GetString() == "AssignmentOffered"), Step, "the enterprise is e-mailed its link");
        Assert.DoesNotContain("confirm-assignment", (await client.GetAsync($"/api/applications/{id}", As.Clerk)).Body.GetProperty("allowedActions").EnumerateArray()
            .Select(a => a.GetString()));
        Assert.Equal(403, (await client.ActAsync(id, "confirm-assignment", new { }, As.Clerk)).Status);

        var (_, link) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);
        var enterprise = As.Enterprise(link.GetProperty("accessToken").GetString()!);
        Assert.Contains("confirm-assignment", (await client.GetAsync($"/api/applications/{id}", enterprise)).Body.GetProperty("allowedActions").EnumerateArray()
            .Select(a => a.GetString()));
        // On confirming, the enterprise corrects its own particulars, checked as a submission; never what the officer fixed.
        var (badCorrection, badCorrectionProblem) = await client.ActAsync(id, "confirm-assignment", new { districtId = "khong-co", coFunding = new[] { new { sourceId = "khac", amountVnd = 1 } } }, enterprise);
        Assert.Equal(422, badCorrection);
        Assert.Equal(["coFunding[0].otherName", "districtId"], badCorrectionProblem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        var (officersField, officersFieldProblem) = await client.ActAsync(id, "confirm-assignment", new { requestedAmountVnd = 1 }, enterprise);
        Assert.Equal((422, "requestedAmountVnd"), (officersField, officersFieldProblem.GetProperty("errors")[0].GetProperty("field").GetString()));
        var (confirmed, confirmedAnswer) = await client.ActAsync(id, "confirm-assignment", new
        {
            note = "Đồng ý thực hiện", phone = "0905 123 456", legalRepresentativeName = "Phạm Văn Long", ownContributionVnd = 120_000_000L,
            coFunding = new object[] { new { sourceId = "khuyen-cong", amountVnd = 40_000_000L }, new { sourceId = "khac", otherName = "Quỹ của Hiệp hội Doanh nghiệp", amountVnd = 10_000_000L } },
        }, enterprise);
        Assert.True(confirmed == 202, confirmedAnswer.ToString());
        await client.WaitStatusAsync(id, "UnderAppraisal", Step);
        var kinds = await client.AuditKindsAsync(id);
        Assert.Equal("Assigned", kinds[0]);
        Assert.Contains("AssignmentConfirmed", kinds);
        var officerView = await client.ViewAsync(id);
        Assert.Equal(("Phạm Văn Long", 120_000_000L), (officerView.GetProperty("profile").GetProperty("legalRepresentativeName").GetString(),
            officerView.GetProperty("profile").GetProperty("ownContributionVnd").GetInt64()));
        Assert.Equal(["Chương trình khuyến công thành phố Đà Nẵng", "Quỹ của Hiệp hội Doanh nghiệp"], officerView.GetProperty("coFunding").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(body["requestedAmountVnd"]!.GetValue<int>() + 120_000_000L + 50_000_000, officerView.GetProperty("totalCostVnd").GetInt64());
        Assert.Equal(body["title"]!.GetValue<string>(), officerView.GetProperty("title").GetString());
        var (_, history) = await client.GetAsync($"/api/applications/{id}/history", As.Admin);
        var confirmation = history.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "AssignmentConfirmed").GetProperty("detail").GetString();
        Assert.Contains("Người đại diện theo pháp luật: Trần Văn Minh → Phạm Văn Long", confirmation, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại: 02363822000 → 0905123456", confirmation, StringComparison.Ordinal);
        var enterpriseView = (await client.GetAsync($"/api/applications/{id}", enterprise)).Body;
        Assert.Equal(2, enterpriseView.GetProperty("coFunding").GetArrayLength()); // the enterprise sees its own declaration
    }

    /// <summary>Opens a call from today (Đà Nẵng) to the tenth working day, both counted.</summary>
    /// <summary>
    /// Issue 14's acceptance: a call opens, receives three applications and closes; a council of five (one recused for a
    /// conflict of interest) scores them; the quorum and the rubric decide (two pass, one does not and is recommended
    /// nothing); the two are approved within the envelope, the third rejected; finalising releases the envelope's rest.
    /// </summary>
    [Fact]
    public async Task Call_ThreeApplicationsScoredByACouncilOfFiveWithARecusal_TwoApprovedWithinTheEnvelopeOneRejectedTheRestReleased()
    {
        const int CouncilYear = 2029;
        var host = await azurite.SharedHostAsync("linescaps", TimeSpan.FromSeconds(2));
        var client = new LifecycleClient(host.Http);
        Assert.Equal(201, (await client.PostAsync("/api/budget/allocations", JsonContent.Create(new
        {
            kind = "allocation", year = CouncilYear, lineId = "IV.1", amountVnd = 1_000_000_000L, documentNumber = "1029/QĐ-UBND", documentDate = "2025-12-20",
            documentIssuer = "UBND thành phố Đà Nẵng", note = "Giao dự toán năm 2029",
        }), As.Admin)).Status);
        var (opened, call) = await OpenAsync(client, 500_000_000, As.Leader, CouncilYear);
        Assert.True(opened == 201, call.ToString());
        var callId = call.GetProperty("id").GetString()!;

        var files = new List<(string Id, string Code, long Amount, decimal Share)>();
        foreach (var (name, amount, share) in new[] { ("Công ty Cơ khí Hội Đồng", 250_000_000L, 0.9m), ("Công ty Dệt may Hội Đồng", 200_000_000L, 0.8m),
            ("Công ty Thực phẩm Hội Đồng", 150_000_000L, 0.4m) })
        {
            var (status, created) = await SubmitAsync(host, callId, Kind, amount, name);
            Assert.True(status == 201, created.ToString());
            var id = created.GetProperty("applicationId").GetString()!;
            await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Step);
            Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
            var view = await client.WaitStatusAsync(id, "UnderAppraisal", Step);
            files.Add((id, view.GetProperty("trackingCode").GetString()!, amount, share));
        }

        await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync($"/api/calls/{callId}", As.Clerk)).Body,
            c => c.GetProperty("state").GetString() == "Closed", Step, "the call closes");
        foreach (var file in files)
        {
            await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/inbox?q={file.Code}", As.Appraiser),
                r => r.Body.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("trackingCode").GetString() == file.Code), Step, $"{file.Code} awaits appraisal");
        }

        // The council: founded by a leader for the call's three files; five members, the last recused for a conflict.
        var (founded, council) = await client.PostAsync("/api/councils", JsonContent.Create(CouncilBody(callId, [.. files.Select(f => f.Code)])), As.Leader);
        Assert.True(founded == 201, council.ToString());
        var links = MemberLinks(council);
        Task<(int Status, JsonElement Body)> MemberPost((string Council, string Member, string Token) link, string path, object body) =>
            client.PostAsync($"/api/councils/{link.Council}/members/{link.Member}/{path}", JsonContent.Create(body), As.Enterprise(link.Token, "member"));

        Assert.Equal(200, (await MemberPost(links[4], "declaration", new { hasConflict = true, reason = "Là thành viên Hội đồng quản trị của một doanh nghiệp nộp hồ sơ" })).Status);
        foreach (var link in links.Take(4))
        {
            Assert.Equal(200, (await MemberPost(link, "declaration", new { hasConflict = false })).Status);
            foreach (var file in files)
            {
                var (scored, sheet) = await MemberPost(link, $"sheets/{file.Id}", new { recommendSupport = true, amountVnd = file.Amount, scores = Sheets.Council(file.Share) });
                Assert.True(scored == 200, sheet.ToString());
            }
        }

        var (closed, session) = await MemberPost(links[2], "close", Meeting());
        Assert.True(closed == 200, session.ToString());

        // The rubric decides: 90 and 80 of 100 pass (pass mark 70), 40 does not and is recommended nothing; four sheets count.
        var results = new List<JsonElement>();
        foreach (var file in files)
        {
            var lifecycle = (await client.WaitStatusAsync(file.Id, "AwaitingApproval", Step)).GetProperty("lifecycle");
            Assert.Equal(4, lifecycle.GetProperty("appraisalOutcome").GetProperty("sheets").GetInt32());
            results.Add(lifecycle);
        }

        Assert.Equal([true, true, false], results.Select(l => l.GetProperty("appraisalOutcome").GetProperty("passed").GetBoolean()));
        Assert.Equal([250_000_000L, 200_000_000L, 0L], results.Select(l => l.GetProperty("recommendedAmountVnd").GetInt64()));

        // Two approved within the envelope, the third rejected; finalising releases the rest (50 million).
        foreach (var file in files.Take(2))
        {
            var (status, answer) = await client.ActAsync(file.Id, "approve", new { amountVnd = file.Amount, note = "Theo kết quả của Hội đồng" }, As.Leader);
            Assert.True(status == 202, answer.ToString());
            await client.WaitStatusAsync(file.Id, "AwaitingDecisionSigning", Step);
        }

        Assert.Equal(202, (await client.ActAsync(files[2].Id, "reject", new { note = "Không đạt điểm tối thiểu theo kết quả của Hội đồng" }, As.Leader)).Status);
        await client.WaitStatusAsync(files[2].Id, "Rejected", Step);
        var (finalised, done) = await FinaliseAsync(client, callId, As.Leader);
        Assert.True(finalised == 200, done.ToString());
        Assert.Equal(("Finalised", 50_000_000L, 0L), (done.GetProperty("state").GetString(), done.GetProperty("releasedVnd").GetInt64(), done.GetProperty("heldVnd").GetInt64()));
        Assert.Equal(450_000_000, (await BudgetAsync(client, CouncilYear)).GetProperty("reservedVnd").GetInt64());
    }

    static object CouncilBody(string callId, string[] trackingCodes)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        return new
        {
            name = "Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN về NSCL",
            callId,
            trackingCodes,
            decisionNumber = "29/QĐ-SKHCN",
            decisionDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decisionSigner = "Nguyễn Văn Ký",
            decisionSignerTitle = "Phó Giám đốc",
            sessionDueDate = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            members = new[]
            {
                new { fullName = "Lê Văn Chủ", title = "PGS.TS.", organisation = "Đại học Đà Nẵng", email = "chu@udn.vn", role = "chair" },
                new { fullName = "Trần Thị Phó", title = "TS.", organisation = "Sở KH&CN", email = "pho@danang.gov.vn", role = "vice-chair" },
                new { fullName = "Ngô Thư Ký", title = "ThS.", organisation = "Sở KH&CN", email = "thuky@danang.gov.vn", role = "secretary" },
                new { fullName = "Phạm Phản Biện", title = "TS.", organisation = "Viện NSCL", email = "phanbien@example.vn", role = "reviewer" },
                new { fullName = "Võ Ủy Viên", title = "KS.", organisation = "Hiệp hội DN", email = "uyvien@example.vn", role = "member" },
            },
        };
    }

    static List<(string Council, string Member, string Token)> MemberLinks(JsonElement founded) =>
        [.. founded.GetProperty("memberLinks").EnumerateArray().Select(l =>
        {
            var fragment = l.GetProperty("memberPage").GetString()!.Split('#')[1].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            return (fragment["council"], fragment["member"], fragment["access"]);
        })];

    static object Meeting() => new
    {
        meetingStart = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        meetingEnd = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
    };

    static Task<(int Status, JsonElement Body)> OpenAsync(LifecycleClient client, long envelope, As caller, int year = Year)
    {
        var calendar = VietnamStatutoryCalendar.FromEmbeddedData();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var closes = calendar.AddWorkingDays(today, calendar.IsWorkingDay(today) ? 9 : 10);
        return client.PostAsync("/api/calls", JsonContent.Create(new
        {
            title = "Đợt tuyển chọn nhiệm vụ KH&CN về NSCL <năm 2030>",
            supportKindIds = new[] { Kind },
            year,
            envelopeVnd = envelope,
            opensOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            closesOn = closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), caller);
    }

    static Task<(int Status, JsonElement Body)> FinaliseAsync(LifecycleClient client, string callId, As caller) =>
        client.PostAsync($"/api/calls/{callId}/finalise", JsonContent.Create(new { note = "Kết thúc đợt" }), caller);

    static async Task<List<string?>> AllowedAsync(LifecycleClient client, string id) =>
        [.. (await client.GetAsync($"/api/applications/{id}", As.Appraiser)).Body.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString())];

    static Task<(int Status, JsonElement Body)> SubmitAsync(LocalHostProcess host, string callId, string kind, long amount, string name, string? idempotencyKey = null)
    {
        var body = TestSubmissions.Valid();
        body["supportKindId"] = kind;
        body["requestedAmountVnd"] = amount;
        body["enterpriseName"] = name;
        body["callId"] = callId;
        return TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(body), idempotencyKey);
    }

    static async Task<JsonElement> BudgetAsync(LifecycleClient client, int year = Year)
    {
        var (status, body) = await client.GetAsync($"/api/budget?year={year}&line=IV.1", As.Clerk);
        Assert.Equal(200, status);
        return Assert.Single(body.GetProperty("lines").EnumerateArray());
    }
}
