using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// The enterprise's access link against the real standalone host: a repeated submission never answers with more
/// than the first answer and with no token once an officer has replaced the link; the token travels in the header or
/// a page's fragment only (<c>?access=</c> refused, never echoed or logged); e-mails after a rotation carry the new
/// link; the enterprise's view and history leave out the appraisal's internals that officers see.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class EnterpriseLinkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "enterpriselinks";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    LocalHostProcess host = null!;
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        host = await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10));
        client = new LifecycleClient(host.Http);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submit_Created_StatusUrlAndLocationCarryNoTokenStatusPageCarriesItInTheFragment()
    {
        var (status, headers, body) = await SubmitAsync(TestSubmissions.Valid().ToJsonString(), key: null);

        Assert.Equal(201, status);
        var id = body.GetProperty("applicationId").GetString()!;
        var token = body.GetProperty("accessToken").GetString()!;
        Assert.Equal($"/api/applications/{id}", body.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/applications/{id}", headers.Location?.OriginalString);
        Assert.Equal($"/trang-thai.html#id={id}&access={token}", body.GetProperty("statusPage").GetString());
        Assert.Equal(200, (await client.GetAsync(body.GetProperty("statusUrl").GetString()!, As.Enterprise(token))).Status);
    }

    [Fact]
    public async Task SubmitReplay_BeforeRotation_AnswersExactlyTheFirstAnswer()
    {
        var key = "replay-" + Guid.NewGuid().ToString("N");
        var json = TestSubmissions.Valid().ToJsonString();
        var (firstStatus, _, first) = await SubmitAsync(json, key);
        var id = first.GetProperty("applicationId").GetString()!;
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience); // the application has moved on since

        var (replayStatus, replayHeaders, replay) = await SubmitAsync(json, key);

        Assert.Equal((201, 200), (firstStatus, replayStatus));
        Assert.Equal(first.GetRawText(), replay.GetRawText());
        Assert.Equal("Submitted", replay.GetProperty("status").GetString());
        Assert.Equal("true", replayHeaders.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task SubmitReplay_AfterRotation_AnswersIdsAndNoteWithoutAnyToken()
    {
        // The first release's draft link held exactly this: the key and the body.
        var key = "draft-" + Guid.NewGuid().ToString("N");
        var json = TestSubmissions.Valid().ToJsonString();
        var (_, _, first) = await SubmitAsync(json, key);
        var id = first.GetProperty("applicationId").GetString()!;
        var oldToken = first.GetProperty("accessToken").GetString()!;
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience); // received by its unit: its officers may act
        var (rotatedStatus, rotated) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);
        Assert.Equal(200, rotatedStatus);
        var newToken = rotated.GetProperty("accessToken").GetString()!;

        var (status, headers, replay) = await SubmitAsync(json, key);

        Assert.Equal(200, status);
        Assert.Equal(id, replay.GetProperty("applicationId").GetString());
        Assert.Equal(first.GetProperty("trackingCode").GetString(), replay.GetProperty("trackingCode").GetString());
        Assert.False(replay.TryGetProperty("accessToken", out _));
        Assert.False(replay.TryGetProperty("statusPage", out _));
        Assert.True(replay.GetProperty("accessLinkReplaced").GetBoolean());
        Assert.Contains("thư điện tử gần nhất", replay.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(oldToken, replay.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(newToken, replay.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(newToken, headers.ToString(), StringComparison.Ordinal);
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(oldToken))).Status);
    }

    [Fact]
    public async Task RotateAccessLink_Answer_StatusUrlCarriesNoTokenStatusPageHasItInTheFragment()
    {
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);

        var (status, rotated) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);

        Assert.Equal(200, status);
        var token = rotated.GetProperty("accessToken").GetString()!;
        Assert.Equal($"/api/applications/{id}", rotated.GetProperty("statusUrl").GetString());
        Assert.Equal($"/trang-thai.html#id={id}&access={token}", rotated.GetProperty("statusPage").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/attachments")]
    [InlineData("/documents")]
    public async Task Get_AccessTokenInQuery_Refused400NeverEchoedNorLoggedAndTheHeaderWorks(string path)
    {
        var (id, token) = await client.SubmitAsync();
        var url = $"/api/applications/{id}{path}";

        using var response = await host.Http.GetAsync($"{url}?access={Uri.EscapeDataString(token)}");
        var text = await response.Content.ReadAsStringAsync();
        var (withHeader, _) = await client.GetAsync(url, As.Enterprise(token));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("access_token_in_query", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        Assert.Contains("X-Access-Token", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, host.Output, StringComparison.Ordinal);
        Assert.Equal(200, withHeader);
    }

    [Fact]
    public async Task Get_AccessTokenInQuery_RefusedEvenWithTheHeaderOrAsAnOfficerOrEmpty()
    {
        var (id, token) = await client.SubmitAsync();

        var (enterprise, _) = await client.GetAsync($"/api/applications/{id}?access={token}", As.Enterprise(token));
        var (officer, _) = await client.GetAsync($"/api/applications/{id}?ACCESS=x", As.Clerk);
        var (empty, _) = await client.GetAsync($"/api/applications/{id}?access=", As.Anonymous);
        var (action, problem) = await client.PostAsync($"/api/applications/{id}/actions/withdraw?access={token}",
            JsonContent.Create(new { note = "Rút hồ sơ" }), As.Anonymous);

        Assert.Equal((400, 400, 400, 400), (enterprise, officer, empty, action));
        Assert.Equal("access_token_in_query", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EnterpriseView_AfterAppraisal_HasNoAppraiserScoresOrInternalNotesWhileTheOfficerViewHas()
    {
        var (id, token) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { note = "Ghi chú nội bộ về hồ sơ QX17" }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "submit-appraisal", new
        {
            recommendSupport = true,
            amountVnd = 123_456_000,
            note = "Nhận xét nội bộ của chuyên gia ZK42",
            scores = Sheets.Appraisal(),
        }, As.Appraiser)).Status);
        await client.WaitStatusAsync(id, "AwaitingApproval", Patience);

        var (uploaded, _) = await client.PostAsync($"/api/applications/{id}/attachments", new ByteArrayContent(Png), As.Clerk, ("X-File-Name", "bien-ban.png"));
        Assert.Equal(201, uploaded);

        var (enterpriseStatus, enterprise) = await client.GetAsync($"/api/applications/{id}", As.Enterprise(token));
        var (_, enterpriseFiles) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        var (_, officerFiles) = await client.GetAsync($"/api/applications/{id}/attachments", As.Clerk);
        var (_, officer) = await client.GetAsync($"/api/applications/{id}", As.Clerk);
        var (_, enterpriseHistory) = await client.GetAsync($"/api/applications/{id}/history", As.Enterprise(token));
        var (_, officerHistory) = await client.GetAsync($"/api/applications/{id}/history", As.Clerk);

        Assert.Equal(200, enterpriseStatus);
        Assert.Equal("AwaitingApproval", enterprise.GetProperty("status").GetString());
        var lifecycle = enterprise.GetProperty("lifecycle");
        Assert.Equal(0, lifecycle.GetProperty("appraisals").GetArrayLength());
        Assert.False(lifecycle.TryGetProperty("recommendedAmountVnd", out _));
        foreach (var secret in new[] { "tham.dinh", "chuyen.vien", "ZK42", "QX17", "Tính khả thi", "123456000", "123.456.000" })
        {
            Assert.DoesNotContain(secret, enterprise.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, enterpriseHistory.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, enterpriseFiles.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal("Cán bộ xử lý hồ sơ", enterpriseFiles.GetProperty("items")[0].GetProperty("uploadedBy").GetString());
        Assert.Equal("chuyen.vien", officerFiles.GetProperty("items")[0].GetProperty("uploadedBy").GetString());

        var appraisal = Assert.Single(officer.GetProperty("lifecycle").GetProperty("appraisals").EnumerateArray());
        Assert.Equal("tham.dinh", appraisal.GetProperty("appraiser").GetString());
        Assert.Equal("Nhận xét nội bộ của chuyên gia ZK42", appraisal.GetProperty("comment").GetString());
        Assert.Equal(123_456_000, officer.GetProperty("lifecycle").GetProperty("recommendedAmountVnd").GetInt64());
        Assert.Contains("tham.dinh", officerHistory.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("QX17", officerHistory.GetRawText(), StringComparison.Ordinal);

        // The enterprise still follows its file: the submission, the receipt, completeness and the appraisal's end.
        var kinds = enterpriseHistory.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Submitted", "ReceiptAcknowledged", "CompletenessAccepted", "AppraisalSubmitted"], kinds);
    }

    [Fact]
    public async Task Email_SentAfterARotation_CarriesTheNewLinkNotTheRevokedOne()
    {
        var (id, oldToken) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        var receipt = await LocalHostProcess.EventuallyAsync(() => EnterpriseMailAsync(id, "Receipt"), m => m is not null, Patience, "the receipt is captured");
        Assert.Contains(Link(id, oldToken), receipt, StringComparison.Ordinal);

        var (_, rotated) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);
        var newToken = rotated.GetProperty("accessToken").GetString()!;
        Assert.Equal(202, (await client.ActAsync(id, "request-supplementation", new { missingItems = new[] { "Báo cáo tài chính năm 2025" } }, As.Clerk)).Status);

        var later = await LocalHostProcess.EventuallyAsync(() => EnterpriseMailAsync(id, "SupplementationRequested"), m => m is not null, Patience,
            "the supplementation request is captured");
        Assert.Contains(Link(id, newToken), later, StringComparison.Ordinal);
        Assert.DoesNotContain(oldToken, later, StringComparison.Ordinal);

        static string Link(string id, string token) => $"/trang-thai.html#id={id}&access={token}";
    }

    async Task<(int Status, System.Net.Http.Headers.HttpResponseHeaders Headers, JsonElement Body)> SubmitAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = TestSubmissions.Raw(json, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, response.Headers, body);
    }

    /// <summary>The plain text of the e-mail of <paramref name="notificationEvent"/> to the enterprise about an application, if captured.</summary>
    async Task<string?> EnterpriseMailAsync(string applicationId, string notificationEvent)
    {
        var all = await host.GetJsonAsync("/dev/outbox.json?limit=500");
        return all.EnumerateArray()
            .Select(m => m.GetProperty("message"))
            .Where(m => m.GetProperty("personalizations")[0] is var p
                && p.TryGetProperty("custom_args", out var args)
                && args.TryGetProperty("applicationId", out var a) && a.GetString() == applicationId
                && args.TryGetProperty("event", out var e) && e.GetString() == notificationEvent
                && p.GetProperty("to")[0].GetProperty("email").GetString() == "hanh.nguyen@cokhihoakhanh.vn")
            .Select(m => m.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString())
            .FirstOrDefault();
    }
}
