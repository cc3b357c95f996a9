using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

/// <summary>
/// Hostile text and numbers over HTTP against the standalone host: a field-level 422 (or a 400), never a 5xx, nothing
/// stored; uploads keep the 20-file limit however many race.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class HostileInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    LocalHostProcess host = null!;
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        // Its own tables: the row count below must not see other hosts' workflows writing their audit rows meanwhile.
        host = await azurite.SharedHostAsync("hostile", () => new LocalHostProcess(azurite.ConnectionString, "hostile", TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = "hostile" }));
        client = new LifecycleClient(host.Http);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The valid submission as JSON text with one field's value replaced by raw JSON (escapes as a client sends them).</summary>
    static string SubmissionWith(string field, string rawJsonValue)
    {
        using var valid = JsonDocument.Parse(TestSubmissions.Valid().ToJsonString());
        var parts = valid.RootElement.EnumerateObject()
            .Select(p => $"\"{p.Name}\":{(p.Name == field ? rawJsonValue : p.Value.GetRawText())}");
        return "{" + string.Join(",", parts) + "}";
    }

    [Theory]
    [InlineData("enterpriseName", "\"Công ty \\uFFFF Hòa Khánh\"")]
    [InlineData("enterpriseName", "\"Công ty \\uFFFE Hòa Khánh\"")]
    [InlineData("enterpriseName", "\"Công ty \\ud800 Hòa Khánh\"")]
    [InlineData("enterpriseName", "\"Công ty \\udc00 Hòa Khánh\"")]
    [InlineData("title", "\"Áp dụng Lean \\u202Efdp.exe\"")]
    [InlineData("contactName", "\"Nguyễn\\u200B Hạnh\"")]
    [InlineData("summary", "\"Triển khai 5S và Lean cho hai dây chuyền \\u0000 gia công cơ khí\"")]
    [InlineData("summary", "\"Triển khai 5S và Lean cho hai dây chuyền \\u001B[31m gia công cơ khí\"")]
    public async Task Submit_HostileCharacterInAField_Returns422NamingTheFieldAndStoresNothing(string field, string rawValue)
    {
        var storage = new StorageProbe(azurite.ConnectionString);
        var before = await storage.CountRowsAsync("hostileApplications", StorageProbe.ApplicationRows);

        var (status, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(SubmissionWith(field, rawValue), "application/json"));

        Assert.Equal(422, status);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((field, "invalid_characters"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Contains("ký tự", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await storage.CountRowsAsync("hostileApplications", StorageProbe.ApplicationRows));
    }

    [Fact]
    public async Task Submit_NoncharacterAsRawUtf8_Returns422()
    {
        var json = SubmissionWith("enterpriseName", "\"Công ty \uFFFF Hòa Khánh\"");

        var (status, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(json, "application/json"));

        Assert.Equal(422, status);
        Assert.Equal("invalid_characters", problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_LoneSurrogateInAPropertyName_Returns422()
    {
        var json = TestSubmissions.Valid().ToJsonString().TrimEnd('}') + ",\"x\\ud800\":1}";

        var (status, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(json, "application/json"));

        Assert.Equal(422, status);
        Assert.Equal("invalid_characters", problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("123456789012345678901234567890")]
    public async Task Submit_AmountBeyondAnyNumberType_Returns422OutOfRange(string raw)
    {
        var (status, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(SubmissionWith("requestedAmountVnd", raw), "application/json"));

        Assert.Equal(422, status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("requestedAmountVnd", "out_of_range"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Submit_DeeplyNestedJson_Returns400InvalidJson()
    {
        var json = SubmissionWith("title", new string('[', 5000) + new string(']', 5000));

        var (status, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(json, "application/json"));

        Assert.Equal(400, status);
        Assert.Equal("invalid_json", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Action_HostileTextAndUnrepresentableScores_Return422PerField()
    {
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
        var missing = await client.PostAsync($"/api/applications/{id}/actions/request-supplementation",
            TestSubmissions.Raw("{\"missingItems\":[\"Giấy phép\",\"Báo giá \\u202E\"],\"note\":\"x\\ud800\"}", "application/json"), As.Clerk);
        Assert.Equal(422, missing.Status);
        Assert.Equal(["missingItems[1]", "note"], missing.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).Order());
        Assert.All(missing.Body.GetProperty("errors").EnumerateArray(), e => Assert.Equal("invalid_characters", e.GetProperty("code").GetString()));

        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", TimeSpan.FromSeconds(60));
        foreach (var (score, field) in new[] { ("\"score\":1e400,\"maxScore\":10", "scores[0]"), ("\"score\":1,\"maxScore\":1e400", "scores[0]"), ("\"score\":1,\"maxScore\":1e-400", "scores[0]") })
        {
            var appraisal = await client.PostAsync($"/api/applications/{id}/actions/submit-appraisal",
                TestSubmissions.Raw($"{{\"recommendSupport\":false,\"scores\":[{{\"criterion\":\"Tính khả thi\",{score}}}]}}", "application/json"), As.Appraiser);
            Assert.True(appraisal.Status == 422, $"{score}: {appraisal.Status} {appraisal.Body}");
            Assert.Equal(field, appraisal.Body.GetProperty("errors")[0].GetProperty("field").GetString());
        }

        foreach (var amount in new[] { "1e400", "123456789012345678901234567890", "-1e400" })
        {
            var huge = await client.PostAsync($"/api/applications/{id}/actions/submit-appraisal",
                TestSubmissions.Raw($"{{\"recommendSupport\":true,\"amountVnd\":{amount},\"scores\":[{{\"criterion\":\"A\",\"score\":8,\"maxScore\":10}}]}}", "application/json"), As.Appraiser);
            Assert.True(huge.Status == 422, $"{amount}: {huge.Status} {huge.Body}");
            Assert.Equal("amountVnd", huge.Body.GetProperty("errors")[0].GetProperty("field").GetString());
        }

        var criterion = await client.PostAsync($"/api/applications/{id}/actions/submit-appraisal",
            TestSubmissions.Raw("{\"recommendSupport\":false,\"scores\":[{\"criterion\":\"Tính \\uFEFFkhả thi\",\"score\":1,\"maxScore\":10}]}", "application/json"), As.Appraiser);
        Assert.Equal(422, criterion.Status);
        Assert.Equal("scores[0].criterion", criterion.Body.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("UnderAppraisal", (await client.ViewAsync(id)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("bad%ZZname.png", 400)]
    [InlineData("bad%E0%A4name.png", 400)]   // truncated UTF-8 sequence
    [InlineData("bad%C0%AFname.png", 400)]   // overlong encoding of '/'
    [InlineData("%EF%BF%BFname.png", 422)]   // U+FFFF
    [InlineData("%EF%BF%BEname.png", 422)]   // U+FFFE
    [InlineData("name%E2%80%AEgnp.exe", 422)] // U+202E
    [InlineData("name%00.png", 422)]
    public async Task Upload_BadOrHostileFileName_IsRefusedWithoutStoring(string header, int expected)
    {
        var (id, token) = await client.SubmitAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("X-File-Name", header);
        request.Headers.Add("X-Access-Token", token);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("X-File-Name", problem.RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
        var (_, list) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_AsARequiredDocument_ListShowsItAttachedAndTheOthersMissing()
    {
        var (id, token) = await client.SubmitAsync();

        using var response = await UploadAsync(id, token, "dang-ky-doanh-nghiep");
        var (_, list) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var required = list.GetProperty("requiredDocuments").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.True(required["dang-ky-doanh-nghiep"].GetProperty("attached").GetBoolean());
        Assert.Equal("giay-dkdn.png", Assert.Single(required["dang-ky-doanh-nghiep"].GetProperty("files").EnumerateArray()).GetString());
        Assert.False(required["bao-cao-tai-chinh"].GetProperty("attached").GetBoolean());
        Assert.Equal("Báo cáo tài chính năm gần nhất", required["bao-cao-tai-chinh"].GetProperty("name").GetString());
        Assert.Equal("dang-ky-doanh-nghiep", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("documentKind").GetString());
    }

    [Fact]
    public async Task Upload_DocumentKindNotRequiredByTheKind_Is422NotInListAndStoresNothing()
    {
        var (id, token) = await client.SubmitAsync();

        using var response = await UploadAsync(id, token, "van-ban-de-cu");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors")[0];
        Assert.Equal(("X-Document-Kind", "not_in_list"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        var (_, list) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    async Task<HttpResponseMessage> UploadAsync(string id, string token, string documentKind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-File-Name", "giay-dkdn.png");
        request.Headers.Add("X-Document-Kind", documentKind);
        request.Headers.Add("X-Access-Token", token);
        return await host.Http.SendAsync(request);
    }

    [Fact]
    public async Task Upload_RawNonAsciiFileNameHeader_IsA4xxNotA5xx()
    {
        var (id, token) = await client.SubmitAsync();
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var http = new HttpClient(handler) { BaseAddress = host.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("X-File-Name", "ảnh chụp.png");
        request.Headers.Add("X-Access-Token", token);

        using var response = await http.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Download_VietnameseFileName_EveryResponseHeaderIsAscii()
    {
        var (id, token) = await client.SubmitAsync();
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            upload.Headers.Add("X-File-Name", Uri.EscapeDataString("Ảnh chụp hợp đồng.png"));
            upload.Headers.Add("X-Access-Token", token);
            using var created = await host.Http.SendAsync(upload);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var download = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}/attachments/{Uri.EscapeDataString("Ảnh chụp hợp đồng.png")}");
        download.Headers.Add("X-Access-Token", token);
        using var response = await host.Http.SendAsync(download);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => (h.Key, v))).ToList();
        Assert.All(headers, h => Assert.True(h.v.All(char.IsAscii), $"{h.Key}: {h.v}"));
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Ảnh chụp hợp đồng.png", response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Theory]
    [InlineData("%EF%BF%BE.png")]   // U+FFFE: string.Normalize threw on it (500)
    [InlineData("%EF%BF%BF.png")]
    [InlineData("a%E2%80%AEgnp.pdf")]
    [InlineData("%ED%A0%80.png")]   // an encoded surrogate: not UTF-8
    public async Task Download_HostileName_Returns404(string escapedName)
    {
        var (id, token) = await client.SubmitAsync();

        var (status, problem) = await client.GetAsync($"/api/applications/{id}/attachments/{escapedName}", As.Enterprise(token));

        Assert.True(status == 404, $"{status} {problem}");
    }

    [Fact]
    public async Task Upload_ThirtyAtOnce_StoresExactlyTwentyAndRefusesTen()
    {
        var (id, token) = await client.SubmitAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(1, 30).Select(async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Headers.Add("X-File-Name", $"anh-{n}.png");
            request.Headers.Add("X-Access-Token", token);
            using var response = await host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, body);
        }));

        Assert.Equal(20, statuses.Count(s => s.Item1 == 201));
        var refused = statuses.Where(s => s.Item1 != 201).ToList();
        Assert.Equal(10, refused.Count);
        Assert.All(refused, r => Assert.True(r.Item1 == 409 && r.body.Contains("attachment_limit_reached", StringComparison.Ordinal), $"{r.Item1} {r.body}"));
        var (_, list) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        Assert.Equal(20, list.GetProperty("items").GetArrayLength());
    }
}
