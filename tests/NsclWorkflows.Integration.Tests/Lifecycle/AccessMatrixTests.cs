using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Every endpoint of the API × {anonymous, another enterprise, the right enterprise, appraiser, leader, admin, an
/// officer of another unit}. Write actions use bodies that stop at validation (422) or state (409) once access is
/// granted, so the matrix changes nothing it reads. Reads of files (attachment, documents) read files that exist.
/// (The development-only capture endpoint and outbox are not part of the API: not mapped outside Development.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AccessMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "accessmatrix";
    const string AttachmentName = "giấy phép.png";
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static readonly OnceAsync<((string Id, string Token) Mine, (string Id, string Token) Other, (string Id, string Token) Approved,
        (string Id, string Token) Unsigned)> Shared = new();
    static readonly OnceAsync<string> SharedActivity = new();
    static readonly OnceAsync<string> SharedCall = new();
    string activityId = null!;
    string callId = null!;
    (string Id, string Token)? mine;
    (string Id, string Token)? other;
    (string Id, string Token)? approved;
    (string Id, string Token)? unsigned;
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        var host = await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10));
        client = new LifecycleClient(host.Http);
        (mine, other, approved, unsigned) = await Shared.GetAsync(async () =>
        {
            var first = await client.SubmitAsync();
            var second = await client.SubmitAsync(enterpriseName: "Công ty Khác");
            var third = await client.SubmitAsync(enterpriseName: "Công ty Được Duyệt");
            var fourth = await client.SubmitAsync(enterpriseName: "Công ty Chờ Ký", amount: 50_000_000);
            await client.WaitStatusAsync(first.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            await client.WaitStatusAsync(second.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            var (uploaded, _) = await client.PostAsync($"/api/applications/{first.Id}/attachments", new ByteArrayContent(Png),
                As.Enterprise(first.Token), ("X-File-Name", Uri.EscapeDataString(AttachmentName)));
            Assert.Equal(201, uploaded);
            await client.ApproveAsync(third.Id, 100_000_000); // and its signed decision recorded
            foreach (var kind in new[] { "appraisal-record", "approval-decision", "signed-approval-decision" })
            {
                await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/applications/{third.Id}/documents/{kind}", As.Admin), r => r.Status == 200,
                    TimeSpan.FromSeconds(60), $"the {kind} of {third.Id} is stored");
            }

            // Approved, its decision not signed yet: the draft is stored, the enterprise is not told.
            await client.WaitStatusAsync(fourth.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            Assert.Equal(202, (await client.ActAsync(fourth.Id, "accept-completeness", new { }, As.Clerk)).Status);
            await client.WaitStatusAsync(fourth.Id, "UnderAppraisal", TimeSpan.FromSeconds(60));
            Assert.Equal(202, (await client.ActAsync(fourth.Id, "submit-appraisal",
                new { recommendSupport = true, amountVnd = 50_000_000, scores = Sheets.Appraisal() }, As.Appraiser)).Status);
            await client.WaitStatusAsync(fourth.Id, "AwaitingApproval", TimeSpan.FromSeconds(60));
            Assert.Equal(202, (await client.ActAsync(fourth.Id, "approve", new { amountVnd = 50_000_000, budgetYear = 2025 }, As.Leader)).Status);
            await client.WaitStatusAsync(fourth.Id, "AwaitingDecisionSigning", TimeSpan.FromSeconds(60));
            await LocalHostProcess.EventuallyAsync(() => client.GetAsync($"/api/applications/{fourth.Id}/documents/approval-decision", As.Admin), r => r.Status == 200,
                TimeSpan.FromSeconds(60), $"the draft decision of {fourth.Id} is stored");

            return (first, second, third, fourth);
        });
        activityId = await SharedActivity.GetAsync(async () =>
        {
            // A small I.3 activity of skhcn in 2025 (1 million đồng reserved on the shared ledger).
            var (status, planned) = await client.PostAsync("/api/activities", JsonContent(
                """{"title":"Lớp tập huấn (ma trận quyền)","lineId":"I.3","year":2025,"estimatedCostVnd":1000000,"plannedStart":"2026-12-20","plannedEnd":"2026-12-21"}"""),
                As.Clerk);
            Assert.Equal(201, status);
            return planned.GetProperty("id").GetString()!;
        });
        callId = await SharedCall.GetAsync(async () =>
        {
            // A call of skhcn open from today for ten working days (1 million đồng of IV.1 2025 held on the shared ledger).
            var calendar = NsclWorkflows.Domain.Calendar.VietnamStatutoryCalendar.FromEmbeddedData();
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
            var closes = calendar.AddWorkingDays(today, calendar.IsWorkingDay(today) ? 9 : 10);
            var (status, opened) = await client.PostAsync("/api/calls", System.Net.Http.Json.JsonContent.Create(new
            {
                title = "Đợt tuyển chọn (ma trận quyền)", supportKindIds = new[] { "science-technology-task" }, year = 2025, envelopeVnd = 1_000_000,
                opensOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                closesOn = closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }), As.Leader);
            Assert.True(status == 201, opened.ToString());
            return opened.GetProperty("id").GetString()!;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static readonly string[] Callers = ["anonymous", "other-enterprise", "enterprise", "appraiser", "leader", "admin", "other-unit"];

    /// <summary>(endpoint, expected status per caller in <see cref="Callers"/> order).</summary>
    public static TheoryData<string, int[]> Matrix() => new()
    {
        { "GET health", [200, 200, 200, 200, 200, 200, 200] },
        { "POST submit (invalid body)", [422, 422, 422, 422, 422, 422, 422] },
        { "GET application", [404, 404, 200, 200, 200, 200, 404] },
        { "GET operations workflows", [401, 401, 401, 403, 403, 200, 403] },
        { "POST resume workflow (a running one)", [401, 401, 401, 403, 403, 409, 403] },
        { "GET history", [404, 404, 200, 200, 200, 200, 404] },
        { "POST officer action (request-supplementation, invalid body)", [404, 404, 403, 422, 422, 422, 404] },
        { "POST appraiser action (submit-appraisal, wrong state)", [404, 404, 403, 409, 403, 409, 404] },
        { "POST leader action (approve, wrong state)", [404, 404, 403, 403, 409, 409, 404] },
        { "POST leader action (record-signed-decision, wrong state)", [404, 404, 403, 403, 409, 409, 404] },
        { "POST enterprise action (withdraw, invalid body)", [404, 404, 422, 403, 403, 403, 404] },
        { "GET inbox", [401, 401, 401, 200, 200, 200, 200] },
        { "GET budget", [401, 401, 401, 200, 200, 200, 200] },
        { "GET budget allocations", [401, 401, 401, 200, 200, 200, 200] },
        { "POST budget allocation (invalid body)", [401, 401, 401, 403, 403, 422, 403] },
        { "GET targets", [401, 401, 401, 200, 200, 200, 200] },
        { "POST target value (invalid body)", [401, 401, 401, 403, 422, 422, 422] },
        { "GET target values", [401, 401, 401, 200, 200, 200, 200] },
        { "GET notifications", [401, 401, 401, 200, 200, 200, 404] },
        { "GET attachments", [404, 404, 200, 200, 200, 200, 404] },
        { "POST attachment (empty file)", [404, 404, 422, 422, 422, 422, 404] },
        { "GET attachment (uploaded by the enterprise)", [404, 404, 200, 200, 200, 200, 404] },
        { "GET document (approval decision, not issued yet)", [404, 404, 404, 404, 404, 404, 404] },
        { "GET document list (two issued)", [404, 404, 200, 200, 200, 200, 404] },
        { "GET document (approval decision, issued; a draft, officers only)", [404, 404, 404, 200, 200, 200, 404] },
        { "GET document (signed approval decision, issued)", [404, 404, 200, 200, 200, 200, 404] },
        { "GET document (appraisal record, issued; internal)", [404, 404, 404, 200, 200, 200, 404] },
        { "POST year-end report (year outside the programme)", [401, 401, 401, 403, 422, 422, 422] },
        { "GET year-end report (none yet)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET catalogue", [200, 200, 200, 200, 200, 200, 200] },
        { "GET catalogue validation", [401, 401, 401, 200, 200, 200, 200] },
        { "POST access-link (on the other enterprise's application)", [404, 403, 404, 200, 200, 200, 404] },
        { "POST activity (invalid body)", [401, 401, 401, 422, 422, 422, 422] },
        { "GET activities", [401, 401, 401, 200, 200, 200, 200] },
        { "GET activity (of skhcn)", [401, 401, 401, 200, 200, 200, 404] },
        { "POST activity output (invalid body)", [401, 401, 401, 422, 422, 422, 404] },
        { "POST activity spending (invalid body)", [401, 401, 401, 422, 422, 422, 404] },
        { "POST activity close (no result yet)", [401, 401, 401, 422, 422, 422, 404] },
        { "POST activity cancel (no reason)", [401, 401, 401, 422, 422, 422, 404] },
        { "GET export applications", [401, 401, 401, 200, 200, 200, 200] },
        { "GET export enterprises", [401, 401, 401, 200, 200, 200, 200] },
        { "GET export ledger", [401, 401, 401, 200, 200, 200, 200] },
        { "GET export ledger movements", [401, 401, 401, 200, 200, 200, 200] },
        { "GET export activities", [401, 401, 401, 200, 200, 200, 200] },
        { "GET export history", [401, 401, 401, 200, 200, 200, 404] },
        { "GET national feed", [401, 401, 401, 200, 200, 200, 200] },
        { "GET report runs", [401, 401, 401, 200, 200, 200, 200] },
        { "POST report run (invalid body)", [401, 401, 401, 422, 422, 422, 422] },
        { "GET report run (unknown)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET report run unit input (no such run)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST report run decision (unknown run)", [401, 401, 401, 403, 404, 404, 404] },
        { "POST report run unit input (no such run)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST report run close-input (unknown run)", [401, 401, 401, 404, 404, 404, 404] },
        { "POST report run narrative (unknown run)", [401, 401, 401, 404, 404, 404, 404] },
        { "POST report run submit (unknown run)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET report run report (unknown run)", [401, 401, 401, 404, 404, 404, 404] },
        { "POST report run signed copy (unknown run)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET decisions (the register)", [401, 401, 401, 200, 200, 200, 200] },
        { "POST accountant action (record-payment, wrong state)", [404, 404, 403, 403, 403, 409, 404] },
        { "POST council action (record-council-result: no caller's)", [404, 404, 403, 403, 403, 403, 404] },
        { "GET councils", [401, 401, 401, 200, 200, 200, 200] },
        { "POST council (invalid body)", [401, 401, 401, 403, 422, 422, 422] },
        { "GET council (unknown)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET council member page (no such council)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST council declaration (no such council)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST council sheet (no such council)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST council close (no such council)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST call (invalid body)", [401, 401, 401, 403, 422, 422, 422] },
        { "GET calls", [401, 401, 401, 200, 200, 200, 200] },
        { "GET open calls", [200, 200, 200, 200, 200, 200, 200] },
        { "GET call (of skhcn)", [401, 401, 401, 200, 200, 200, 404] },
        { "POST call finalise (still open)", [401, 401, 401, 403, 409, 409, 404] },
        { "POST assignment (invalid body)", [401, 401, 401, 422, 422, 422, 422] },
        { "POST council member link (no such council)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET council member document (no such council)", [404, 404, 404, 404, 404, 404, 404] },
        { "POST council action (record-council-evaluation: no caller's)", [404, 404, 403, 403, 403, 403, 404] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_EachCaller_GetsTheExpectedStatus(string endpoint, int[] expected)
    {
        var onApproved = endpoint.Contains("issued", StringComparison.Ordinal) && !endpoint.Contains("not issued", StringComparison.Ordinal);
        var (id, token) = onApproved ? approved!.Value : mine!.Value;
        var actual = new List<int>();
        foreach (var name in Callers)
        {
            var caller = name switch
            {
                "anonymous" => As.Anonymous,
                "other-enterprise" => As.Enterprise(other!.Value.Token, "other-enterprise"),
                "enterprise" => As.Enterprise(token),
                "appraiser" => As.Appraiser,
                "leader" => As.Leader,
                "admin" => As.Admin,
                _ => As.Officer("can.bo.so.cong.thuong", "Officer,Appraiser,Leader", "sct"),
            };
            actual.Add(await StatusAsync(endpoint, id, caller));
        }

        Assert.True(expected.SequenceEqual(actual),
            $"{endpoint}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] for [{string.Join(", ", Callers)}]");
    }

    [Fact]
    public async Task DocumentList_EnterpriseSeesItsSignedDecisionOnly_OfficersSeeTheDraftAndTheAppraisalRecordToo()
    {
        var (id, token) = approved!.Value;

        var (_, mineList) = await client.GetAsync($"/api/applications/{id}/documents", As.Enterprise(token));
        var (_, officerList) = await client.GetAsync($"/api/applications/{id}/documents", As.Clerk);

        Assert.Equal(["signed-approval-decision"], Kinds(mineList));
        Assert.Equal(["appraisal-record", "approval-decision", "signed-approval-decision"], Kinds(officerList));
        var decision = mineList.GetProperty("items")[0];
        Assert.Equal("Quyết định phê duyệt hỗ trợ (bản đã ký)", decision.GetProperty("title").GetString());
        Assert.EndsWith(".pdf", decision.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", decision.GetProperty("contentType").GetString());

        // The enterprise downloads the signed file (the very PDF the leader uploaded), never the draft.
        using var request = new HttpRequestMessage(HttpMethod.Get, decision.GetProperty("url").GetString());
        As.Enterprise(token).ApplyTo(request);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LifecycleClient.SignedPdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", As.Enterprise(token))).Status);
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", As.Clerk)).Status);

        static string[] Kinds(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!)];
    }

    [Fact]
    public async Task ApprovedNotSigned_EnterpriseHasNoDecisionAndNoApprovalMail_OfficersHaveTheDraft()
    {
        var (id, token) = unsigned!.Value;

        var (_, mineList) = await client.GetAsync($"/api/applications/{id}/documents", As.Enterprise(token));
        var (_, view) = await client.GetAsync($"/api/applications/{id}", As.Enterprise(token));
        var (_, mails) = await client.GetAsync($"/api/applications/{id}/notifications", As.Clerk);

        Assert.Empty(mineList.GetProperty("items").EnumerateArray());
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", As.Enterprise(token))).Status);
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", As.Clerk)).Status);
        Assert.Equal("AwaitingDecisionSigning", view.GetProperty("status").GetString());
        Assert.DoesNotContain(mails.GetProperty("notifications").EnumerateArray(), m => m.GetProperty("event").GetString() == "Approved");

        // The leader's scan of the signed decision, uploaded before it is recorded: not the enterprise's yet.
        var scan = await client.UploadSignedPdfAsync(id, As.Leader);
        var (_, theirs) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        var (_, officers) = await client.GetAsync($"/api/applications/{id}/attachments", As.Clerk);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), a => a.GetProperty("name").GetString() == scan);
        Assert.Contains(officers.GetProperty("items").EnumerateArray(), a => a.GetProperty("name").GetString() == scan);
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}/attachments/{Uri.EscapeDataString(scan)}", As.Enterprise(token))).Status);
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}/attachments/{Uri.EscapeDataString(scan)}", As.Clerk)).Status);
    }

    [Fact]
    public async Task RecordSignedDecision_FileNotAPdfNotItsOwnOrDateInTheFuture_Is422WithTheField()
    {
        var (id, _) = unsigned!.Value;
        var (_, png) = await client.PostAsync($"/api/applications/{id}/attachments", new ByteArrayContent(Png), As.Leader, ("X-File-Name", "anh-chup.png"));
        var pngName = png.GetProperty("name").GetString()!;
        var (_, otherPdf) = await client.PostAsync($"/api/applications/{mine!.Value.Id}/attachments", LifecycleClient.SignedPdfContent(), As.Leader,
            ("X-File-Name", "qd-ho-so-khac.pdf"));
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (body, field, code) in new (object Body, string Field, string Code)[]
        {
            (LifecycleClient.SignedBody(pngName), "signedFile", "attachment_not_pdf"),
            (LifecycleClient.SignedBody(otherPdf.GetProperty("name").GetString()!), "signedFile", "attachment_not_found"),
            (new { signedOn = tomorrow, signerName = "Nguyễn Văn Ký", signerTitle = "Phó Giám đốc", signedFile = LifecycleClient.SignedPdfName }, "signedOn", "out_of_range"),
        })
        {
            var (status, problem) = await client.ActAsync(id, "record-signed-decision", body, As.Leader);

            Assert.True(status == 422, $"{code}: {status} {problem}");
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal((field, code), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        }

        Assert.Equal(403, (await client.ActAsync(id, "record-signed-decision", LifecycleClient.SignedBody(pngName), As.Clerk)).Status);
        Assert.Equal("AwaitingDecisionSigning", (await client.ViewAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Decisions_Register_ListsTheSignedDecisionWithoutGapsForItsUnitOnly()
    {
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

        var (status, all) = await client.GetAsync($"/api/decisions?year={year}", As.Admin);
        var (_, leader) = await client.GetAsync($"/api/decisions?year={year}", As.Leader);
        var (_, otherUnit) = await client.GetAsync($"/api/decisions?year={year}", As.Officer("can.bo.so.cong.thuong", "Officer,Leader", "sct"));

        Assert.Equal(200, status);
        var lines = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.GetProperty("number").GetInt32())); // 1, 2, 3 …: no gap, no duplicate
        var line = Assert.Single(leader.GetProperty("items").EnumerateArray(), l => l.GetProperty("applicationId").GetString() == approved!.Value.Id);
        Assert.Equal(($"{line.GetProperty("number").GetInt32()}/QĐ-SKHCN", "Nguyễn Văn Ký", "Phó Giám đốc", "support-approval"),
            (line.GetProperty("numberAndSymbol").GetString(), line.GetProperty("signerName").GetString(), line.GetProperty("signerTitle").GetString(),
                line.GetProperty("kind").GetString()));
        Assert.DoesNotContain(lines, l => l.GetProperty("applicationId").GetString() == unsigned!.Value.Id);
        Assert.DoesNotContain(otherUnit.GetProperty("items").EnumerateArray(), l => l.GetProperty("applicationId").GetString() == approved!.Value.Id);
        Assert.Equal(422, (await client.GetAsync("/api/decisions?year=1999", As.Admin)).Status);
    }

    [Fact]
    public async Task RecordPayment_OnlyTheUnitsAccountantPaysTheWholePayable_EnterpriseSeesAmountsAndDatesNotTheReference()
    {
        var (id, token) = await client.SubmitAsync(enterpriseName: "Công ty Chi Trả", amount: 90_000_000);
        await client.ApproveAsync(id, 90_000_000);
        Assert.Equal(202, (await client.ActAsync(id, "submit-check-in", new { note = "Kỳ 1", percentDone = 50 }, As.Enterprise(token))).Status);
        await client.WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("checkIns")[0].GetProperty("status").GetString() == "Submitted",
            TimeSpan.FromSeconds(60), "the report is submitted");
        Assert.Equal(202, (await client.ActAsync(id, "review-check-in", new { accepted = true }, As.Clerk)).Status);
        await client.WaitAsync(id, v => v.GetProperty("lifecycle").TryGetProperty("payables", out var p) && p.GetArrayLength() == 1,
            TimeSpan.FromSeconds(60), "the tranche is payable");
        const long Tranche = 30_000_000;
        var pay = LifecycleClient.PaymentBody("checkin-1", Tranche, "KB-0099/2025");

        // Who: the unit's accountant only (the page offers it to the accountant, not to the officer who reviewed).
        var (_, accountantView) = await client.GetAsync($"/api/applications/{id}", As.Accountant);
        var (_, clerkView) = await client.GetAsync($"/api/applications/{id}", As.Clerk);
        Assert.Contains("record-payment", accountantView.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("record-payment", clerkView.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        foreach (var (caller, expected) in new[]
        {
            (As.Anonymous, 404), (As.Enterprise(other!.Value.Token, "other-enterprise"), 404), (As.Enterprise(token), 403), (As.Clerk, 403), (As.Leader, 403),
            (As.Appraiser, 403), (As.Officer("ke.toan.sct", "Accountant", "sct"), 404),
        })
        {
            var (status, answer) = await client.ActAsync(id, "record-payment", pay, caller);
            Assert.True(status == expected, $"{caller}: {status} {answer}");
        }

        // What: the payable's whole amount, a date neither in the future nor before it became payable, the treasury's reference.
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (body, field, code) in new (object Body, string Field, string Code)[]
        {
            (LifecycleClient.PaymentBody("checkin-1", Tranche - 1_000_000), "amountVnd", "amount_mismatch"),
            (LifecycleClient.PaymentBody("checkin-9", Tranche), "payableId", "payable_not_found"),
            (new { payableId = "checkin-1", paidOn = tomorrow, amountVnd = Tranche, treasuryReference = "KB-1" }, "paidOn", "out_of_range"),
            (new { payableId = "checkin-1", paidOn = "2025-01-01", amountVnd = Tranche, treasuryReference = "KB-1" }, "paidOn", "out_of_range"),
            (LifecycleClient.PaymentBody("checkin-1", Tranche, " "), "treasuryReference", "required"),
            (LifecycleClient.PaymentBody("checkin-1", Tranche, "KB\u0007-1"), "treasuryReference", "invalid_characters"),
            (LifecycleClient.PaymentBody("checkin-1", Tranche, new string('9', 101)), "treasuryReference", "too_long"),
        })
        {
            var (status, problem) = await client.ActAsync(id, "record-payment", body, As.Accountant);

            Assert.True(status == 422, $"{code}: {status} {problem}");
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
                e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code);
        }

        Assert.Equal(0, (await client.ViewAsync(id)).GetProperty("lifecycle").GetProperty("disbursedVnd").GetInt64());
        Assert.Equal(202, (await client.ActAsync(id, "record-payment", pay, As.Accountant)).Status);
        var paid = await client.WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("disbursedVnd").GetInt64() == Tranche, TimeSpan.FromSeconds(60),
            "the payment is recorded");
        Assert.Equal("KB-0099/2025", paid.GetProperty("lifecycle").GetProperty("payables")[0].GetProperty("payment").GetProperty("treasuryReference").GetString());
        Assert.Equal(409, (await client.ActAsync(id, "record-payment", pay, As.Accountant)).Status); // nothing payable any more

        // The enterprise: the amount, the date and that it is paid; not the treasury's reference.
        var (_, mineView) = await client.GetAsync($"/api/applications/{id}", As.Enterprise(token));
        var payment = mineView.GetProperty("lifecycle").GetProperty("payables")[0].GetProperty("payment");
        Assert.Equal((Tranche, "", "Kế toán"), (payment.GetProperty("amountVnd").GetInt64(), payment.GetProperty("treasuryReference").GetString(),
            payment.GetProperty("recordedBy").GetString()));
        Assert.DoesNotContain("KB-0099", mineView.ToString(), StringComparison.Ordinal);
        var (_, history) = await client.GetAsync($"/api/applications/{id}/history", As.Enterprise(token));
        var entry = Assert.Single(history.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "PaymentRecorded");
        Assert.Equal("Kế toán", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task AccessLink_Rotated_OldTokenNoLongerOpensTheApplicationNewOneDoes()
    {
        var (id, token) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60)); // its unit's officers may act once received
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(token))).Status);

        var (status, rotated) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);

        Assert.Equal(200, status);
        var fresh = rotated.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(token, fresh);
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(token))).Status);
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(fresh))).Status);
        Assert.Contains("AccessLinkRotated", await client.AuditKindsAsync(id));
    }

    async Task<int> StatusAsync(string endpoint, string id, As caller)
    {
        var body = (string json) => JsonDocument.Parse(json).RootElement;
        return endpoint switch
        {
            "GET health" => (await client.GetAsync("/api/health", caller)).Status,
            "POST submit (invalid body)" => (await client.PostAsync("/api/applications", JsonContent("""{"enterpriseName":""}"""), caller)).Status,
            "GET application" => (await client.GetAsync($"/api/applications/{id}", caller)).Status,
            "GET operations workflows" => (await client.GetAsync("/api/operations/workflows", caller)).Status,
            "POST resume workflow (a running one)" => (await client.PostAsync($"/api/operations/workflows/application-{id}/resume", JsonContent("{}"), caller)).Status,
            "GET history" => (await client.GetAsync($"/api/applications/{id}/history", caller)).Status,
            "POST officer action (request-supplementation, invalid body)" => (await client.ActAsync(id, "request-supplementation", body("{}"), caller)).Status,
            "POST appraiser action (submit-appraisal, wrong state)" => (await client.ActAsync(id, "submit-appraisal", body("{}"), caller)).Status,
            "POST leader action (approve, wrong state)" => (await client.ActAsync(id, "approve", body("""{"amountVnd":1}"""), caller)).Status,
            "POST enterprise action (withdraw, invalid body)" => (await client.ActAsync(id, "withdraw", body("""{"note":5}"""), caller)).Status,
            "GET inbox" => (await client.GetAsync("/api/inbox", caller)).Status,
            "GET budget" => (await client.GetAsync("/api/budget", caller)).Status,
            "GET budget allocations" => (await client.GetAsync("/api/budget/allocations?year=2026", caller)).Status,
            "POST budget allocation (invalid body)" => (await client.PostAsync("/api/budget/allocations", JsonContent("""{"kind":"allocation"}"""), caller)).Status,
            "GET targets" => (await client.GetAsync("/api/targets?year=2025", caller)).Status,
            "POST target value (invalid body)" => (await client.PostAsync("/api/targets/tfp-contribution-2025/values",
                JsonContent("""{"value":46.2,"year":2019,"source":"Cục Thống kê"}"""), caller)).Status,
            "GET target values" => (await client.GetAsync("/api/targets/tfp-contribution-2025/values", caller)).Status,
            "GET notifications" => (await client.GetAsync($"/api/applications/{id}/notifications", caller)).Status,
            "GET attachments" => (await client.GetAsync($"/api/applications/{id}/attachments", caller)).Status,
            "POST attachment (empty file)" => (await client.PostAsync($"/api/applications/{id}/attachments", new ByteArrayContent([]), caller,
                ("X-File-Name", "empty.pdf"))).Status,
            "GET attachment (uploaded by the enterprise)" =>
                (await client.GetAsync($"/api/applications/{id}/attachments/{Uri.EscapeDataString(AttachmentName)}", caller)).Status,
            "GET document (approval decision, not issued yet)" or "GET document (approval decision, issued; a draft, officers only)" =>
                (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", caller)).Status,
            "GET document (signed approval decision, issued)" => (await client.GetAsync($"/api/applications/{id}/documents/signed-approval-decision", caller)).Status,
            "POST leader action (record-signed-decision, wrong state)" => (await client.ActAsync(id, "record-signed-decision", body("{}"), caller)).Status,
            "GET decisions (the register)" => (await client.GetAsync("/api/decisions?year=2026", caller)).Status,
            "POST accountant action (record-payment, wrong state)" => (await client.ActAsync(id, "record-payment", body("{}"), caller)).Status,
            "GET document list (two issued)" => (await client.GetAsync($"/api/applications/{id}/documents", caller)).Status,
            "GET document (appraisal record, issued; internal)" => (await client.GetAsync($"/api/applications/{id}/documents/appraisal-record", caller)).Status,
            "POST year-end report (year outside the programme)" => (await client.PostEmptyAsync("/api/reports/year-end/2019", caller)).Status,
            "GET year-end report (none yet)" => (await client.GetAsync("/api/reports/year-end/2022", caller)).Status,
            "GET catalogue" => (await client.GetAsync("/api/catalogue", caller)).Status,
            "GET catalogue validation" => (await client.GetAsync("/api/catalogue/validation", caller)).Status,
            "POST access-link (on the other enterprise's application)" => (await client.PostEmptyAsync($"/api/applications/{other!.Value.Id}/access-link", caller)).Status,
            "POST activity (invalid body)" => (await client.PostAsync("/api/activities", JsonContent("""{"lineId":"I.3"}"""), caller)).Status,
            "GET activities" => (await client.GetAsync("/api/activities?year=2025", caller)).Status,
            "GET activity (of skhcn)" => (await client.GetAsync($"/api/activities/{activityId}", caller)).Status,
            "POST activity output (invalid body)" => (await client.PostAsync($"/api/activities/{activityId}/outputs", JsonContent("""{"kind":"classesHeld"}"""), caller)).Status,
            "POST activity spending (invalid body)" => (await client.PostAsync($"/api/activities/{activityId}/spending", JsonContent("""{"committedVnd":1}"""), caller)).Status,
            "POST activity close (no result yet)" => (await client.PostAsync($"/api/activities/{activityId}/close", JsonContent("{}"), caller)).Status,
            "POST activity cancel (no reason)" => (await client.PostAsync($"/api/activities/{activityId}/cancel", JsonContent("{}"), caller)).Status,
            "GET export applications" => (await client.GetAsync("/api/exports/applications?format=csv", caller)).Status,
            "GET export enterprises" => (await client.GetAsync("/api/exports/enterprises", caller)).Status,
            "GET export ledger" => (await client.GetAsync("/api/exports/ledger?year=2025", caller)).Status,
            "GET export ledger movements" => (await client.GetAsync("/api/exports/ledger/movements?year=2025&line=I.3", caller)).Status,
            "GET export activities" => (await client.GetAsync("/api/exports/activities?format=csv", caller)).Status,
            "GET export history" => (await client.GetAsync($"/api/exports/applications/{id}/history", caller)).Status,
            "GET national feed" => (await client.GetAsync("/api/feeds/national/v1?year=2025", caller)).Status,
            "GET report runs" => (await client.GetAsync("/api/report-runs", caller)).Status,
            "POST report run (invalid body)" => (await client.PostAsync("/api/report-runs", JsonContent("""{"kind":"weekly"}"""), caller)).Status,
            "GET report run (unknown)" => (await client.GetAsync("/api/report-runs/rr-20260101-00000000", caller)).Status,
            "GET report run unit input (no such run)" => (await client.GetAsync("/api/report-runs/rr-20260101-00000000/units/sct", caller)).Status,
            "POST report run decision (unknown run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/decision", JsonContent("""{"approve":true}"""), caller)).Status,
            "POST report run unit input (no such run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/units/sct",
                JsonContent("""{"submittedBy":"X","narrative":"Y"}"""), caller)).Status,
            "POST report run close-input (unknown run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/close-input", JsonContent("{}"), caller)).Status,
            "POST report run narrative (unknown run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/narrative",
                JsonContent("""{"revision":0,"generalAssessment":"x"}"""), caller)).Status,
            "POST report run submit (unknown run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/submit", JsonContent("{}"), caller)).Status,
            "GET report run report (unknown run)" => (await client.GetAsync("/api/report-runs/rr-20260101-00000000/report", caller)).Status,
            "POST report run signed copy (unknown run)" => (await client.PostAsync("/api/report-runs/rr-20260101-00000000/signed-copy",
                new ByteArrayContent("%PDF-1.7"u8.ToArray()), caller)).Status,
            "POST council action (record-council-result: no caller's)" => (await client.ActAsync(id, "record-council-result", body("{}"), caller)).Status,
            "GET councils" => (await client.GetAsync("/api/councils", caller)).Status,
            "POST council (invalid body)" => (await client.PostAsync("/api/councils", JsonContent("""{"name":""}"""), caller)).Status,
            "GET council (unknown)" => (await client.GetAsync("/api/councils/hd-20260101-00000000", caller)).Status,
            "GET council member page (no such council)" => (await client.GetAsync("/api/councils/hd-20260101-00000000/members/m1", caller)).Status,
            "POST council declaration (no such council)" => (await client.PostAsync("/api/councils/hd-20260101-00000000/members/m1/declaration",
                JsonContent("""{"hasConflict":false}"""), caller)).Status,
            "POST council sheet (no such council)" => (await client.PostAsync($"/api/councils/hd-20260101-00000000/members/m1/sheets/{id}",
                JsonContent("""{"recommendSupport":false}"""), caller)).Status,
            "POST council close (no such council)" => (await client.PostAsync("/api/councils/hd-20260101-00000000/members/m3/close",
                JsonContent("""{"meetingStart":"2026-01-01T08:00:00+07:00","meetingEnd":"2026-01-01T10:00:00+07:00"}"""), caller)).Status,
            "POST call (invalid body)" => (await client.PostAsync("/api/calls", JsonContent("{\"title\":\"\"}"), caller)).Status,
            "GET calls" => (await client.GetAsync("/api/calls", caller)).Status,
            "GET open calls" => (await client.GetAsync("/api/calls/open", caller)).Status,
            "GET call (of skhcn)" => (await client.GetAsync($"/api/calls/{callId}", caller)).Status,
            "POST call finalise (still open)" => (await client.PostAsync($"/api/calls/{callId}/finalise", JsonContent("{}"), caller)).Status,
            "POST assignment (invalid body)" => (await client.PostAsync("/api/assignments", JsonContent("{\"selection\":\"order\"}"), caller)).Status,
            "POST council member link (no such council)" => (await client.PostAsync("/api/councils/hd-20260101-00000000/members/m5/link", JsonContent("{}"), caller)).Status,
            "GET council member document (no such council)" => (await client.GetAsync(
                "/api/councils/hd-20260101-00000000/members/m1/applications/a1/documents/ke-hoach.pdf", caller)).Status,
            "POST council action (record-council-evaluation: no caller's)" => (await client.ActAsync(id, "record-council-evaluation", body("{}"), caller)).Status,
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "no request written for this row"),
        };
    }

    static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
