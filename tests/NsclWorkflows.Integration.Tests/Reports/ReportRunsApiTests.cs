using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reports;

/// <summary>
/// A six-monthly report run for UBND on the real host: two lead units asked (secret links), one answers, the other is
/// escalated when the officers stop waiting; the narrative saved (one editor at a time), submitted, approved by a
/// leader; the Word report is valid and carries the narrative, the unit's figures and the appendix; the signed copy.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ReportRunsApiTests(AzuriteFixture azurite)
{
    /// <summary>A calendar day of a run's workflow lasts this long on this host (reminders, deadlines; see ReportRunRules.Times).</summary>
    static readonly TimeSpan Day = TimeSpan.FromSeconds(4);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    HttpClient http = null!;
    LocalHostProcess host = null!;

    async Task<HttpClient> HostAsync()
    {
        host = await azurite.SharedHostAsync("reportruns", Day);
        return http = host.Http;
    }

    /// <summary>
    /// The acceptance scenario with the run's workflow: both lead units are e-mailed their page (the link the API
    /// answered); one answers; the other is reminded, then escalated to the head of division when its deadline passes,
    /// and the run goes on to drafting by itself; the narrative is written and approved; the Word report carries it all.
    /// </summary>
    [Fact]
    public async Task ReportRun_SixMonthlyWithADueDate_UnitsEmailedOneAnswersTheOtherRemindedThenEscalated_ApprovedReportCarriesItAll()
    {
        await HostAsync();
        // Due in 12 days: the units' deadline is in 5 (a week before), their reminder on day 3 (two days before it): with
        // a 4-second day, the reminder ~13 s after opening (the units are e-mailed and one answers before), the escalation ~24 s.
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (opened, body) = await SendAsync(HttpMethod.Post, "/api/report-runs", As.Clerk,
            $$"""{"kind":"sixMonthly","periodFrom":"2026-01-01","periodTo":"2026-06-30","addressee":"Ủy ban nhân dân thành phố Đà Nẵng","dueDate":"{{due}}","requestNumber":"88/UBND-KGVX","requestDate":"2026-06-20","leadUnits":["sct","snnptnt"]}""");
        Assert.Equal(201, opened);
        var id = body.GetProperty("run").GetProperty("id").GetString()!;
        var links = body.GetProperty("leadUnitLinks").EnumerateArray().ToDictionary(l => l.GetProperty("unitId").GetString()!, l => l.GetProperty("inputPage").GetString()!);
        var requests = await MailsAsync(id, "ReportInputRequested", 2);
        Assert.Equal(200, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/units/sct", Unit(Token(links["sct"])),
            """{"submittedBy":"Trần Thị Bình","figures":[{"label":"Doanh nghiệp được hỗ trợ truy xuất nguồn gốc","value":7,"unit":"doanh nghiệp"}],"narrative":"Đã hỗ trợ 07 doanh nghiệp."}""")).Status);
        var escalation = Assert.Single(await MailsAsync(id, "ReportInputEscalated", 1));
        var reminder = Assert.Single(await MailsAsync(id, "ReportInputReminder", 1));

        Assert.Equal(["so-cong-thuong@example.com", "so-nong-nghiep@example.com"], requests.Select(To).Order());
        foreach (var (unit, address) in new[] { ("sct", "so-cong-thuong@example.com"), ("snnptnt", "so-nong-nghiep@example.com") })
        {
            // The e-mailed link is the one the API answered: the unit's page, its token in the fragment.
            Assert.Contains(links[unit], Text(requests.Single(m => To(m) == address)), StringComparison.Ordinal);
        }

        Assert.Equal("so-nong-nghiep@example.com", To(reminder)); // not the unit that answered
        Assert.Equal("truong-phong@example.com", To(escalation));
        Assert.Contains("Sở Nông nghiệp và Phát triển nông thôn", Text(escalation), StringComparison.Ordinal);
        var (_, drafting) = await EventuallyStateAsync(id, "Drafting");
        var silent = drafting.GetProperty("leadUnits").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "snnptnt");
        Assert.NotEqual(JsonValueKind.Null, silent.GetProperty("remindedAtUtc").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, silent.GetProperty("escalatedAtUtc").ValueKind);
        Assert.Contains(drafting.GetProperty("journal").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Hết hạn gửi số liệu", StringComparison.Ordinal));
        Assert.NotEqual(JsonValueKind.Null, drafting.GetProperty("figuresVersion").ValueKind);

        const string Narrative = """{"revision":0,"generalAssessment":"Sáu tháng đầu năm, các đơn vị chủ trì triển khai đúng kế hoạch.","difficulties":"Một đơn vị chưa gửi số liệu.","recommendations":"Đề nghị UBND thành phố đôn đốc.","directions":"Tổng hợp số liệu còn thiếu trong quý III."}""";
        Assert.Equal(200, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/narrative", As.Clerk, Narrative)).Status);
        Assert.Equal(200, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/submit", As.Clerk, "{}")).Status);
        var (approved, done) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/decision", As.Leader, """{"approve":true}""");
        Assert.Equal((200, "Completed"), (approved, done.GetProperty("state").GetString()));

        var text = await WordTextAsync(id);
        Assert.Contains("Sáu tháng đầu năm, các đơn vị chủ trì triển khai đúng kế hoạch.", text, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp được hỗ trợ truy xuất nguồn gốc", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chưa gửi số liệu đến hạn", text, StringComparison.Ordinal);
        Assert.Contains("Phụ lục 1", text, StringComparison.Ordinal);
        Assert.Contains("88/UBND-KGVX", text, StringComparison.Ordinal);
    }

    async Task<(int Status, JsonElement Body)> EventuallyStateAsync(string id, string state) =>
        await LocalHostProcess.EventuallyAsync(() => SendAsync(HttpMethod.Get, $"/api/report-runs/{id}", As.Clerk),
            r => r.Body.GetProperty("state").GetString() == state, Patience, $"run {id} is {state}");

    /// <summary>The captured e-mails of a run's event, once there are <paramref name="count"/>.</summary>
    async Task<List<JsonElement>> MailsAsync(string runId, string notificationEvent, int count) =>
        await LocalHostProcess.EventuallyAsync(async () =>
        {
            var all = await host.GetJsonAsync("/dev/outbox.json?limit=500");
            return all.EnumerateArray().Select(m => m.GetProperty("message"))
                .Where(m => m.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var a)
                    && a.GetProperty("applicationId").GetString() == runId && a.GetProperty("event").GetString() == notificationEvent)
                .ToList();
        }, m => m.Count >= count, Patience, $"{count} {notificationEvent} e-mail(s) of {runId}");

    static string To(JsonElement message) => message.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;

    static string Text(JsonElement message) => message.GetProperty("content")[0].GetProperty("value").GetString()!;

    async Task<string> WordTextAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/report-runs/{id}/report");
        As.Clerk.ApplyTo(request);
        using var response = await http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(word).Select(e => e.Description));
        return word.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public async Task ReportRun_SixMonthlyForUbnd_FromLeadUnitsToTheApprovedWordReportAndSignedCopy()
    {
        await HostAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (opened, run) = await SendAsync(HttpMethod.Post, "/api/report-runs", As.Clerk,
            $$"""{"kind":"sixMonthly","periodFrom":"2026-01-01","periodTo":"2026-06-30","addressee":"Ủy ban nhân dân thành phố Đà Nẵng","dueDate":"{{due}}","requestNumber":"1234/UBND-KT","requestDate":"2026-05-28","leadUnits":["sct","snnptnt"]}""");
        Assert.Equal(201, opened);
        var id = run.GetProperty("run").GetProperty("id").GetString()!;
        Assert.Equal("AwaitingLeadUnits", run.GetProperty("run").GetProperty("state").GetString());
        var links = run.GetProperty("leadUnitLinks").EnumerateArray().ToDictionary(l => l.GetProperty("unitId").GetString()!, l => l.GetProperty("inputPage").GetString()!);
        Assert.Equal(["sct", "snnptnt"], links.Keys.Order());
        Assert.All(links.Values, l => Assert.StartsWith("/don-vi/bao-cao.html#run=", l, StringComparison.Ordinal)); // the token in the fragment
        var sctToken = Token(links["sct"]);
        var snnToken = Token(links["snnptnt"]);

        // The secret link opens its own unit only, from the header only.
        Assert.Equal(200, (await SendAsync(HttpMethod.Get, $"/api/report-runs/{id}/units/sct", Unit(sctToken))).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/api/report-runs/{id}/units/sct", Unit(snnToken))).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/api/report-runs/{id}/units/sct", As.Anonymous)).Status);
        Assert.NotEqual(200, (await SendAsync(HttpMethod.Get, $"/api/report-runs/{id}/units/sct?access={sctToken}", As.Anonymous)).Status);

        var (answered, _) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/units/sct", Unit(sctToken),
            """{"submittedBy":"Trần Thị Bình","figures":[{"label":"Doanh nghiệp tham gia sàn thương mại điện tử","value":12,"unit":"doanh nghiệp"}],"narrative":"Sở Công Thương đã hỗ trợ 12 doanh nghiệp."}""");
        Assert.Equal(200, answered);
        Assert.Equal(409, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/units/sct", Unit(sctToken), """{"submittedBy":"X","narrative":"lần hai"}""")).Status);

        var (closed, afterClose) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/close-input", As.Clerk, "{}");
        Assert.Equal(200, closed);
        Assert.Equal("Drafting", afterClose.GetProperty("state").GetString());
        var snn = afterClose.GetProperty("leadUnits").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "snnptnt");
        Assert.NotEqual(JsonValueKind.Null, snn.GetProperty("escalatedAtUtc").ValueKind);

        const string Narrative = """{"revision":0,"generalAssessment":"Sáu tháng đầu năm 2026, Kế hoạch được triển khai đúng tiến độ.","difficulties":"Dự toán năm 2026 chưa giao đủ.","recommendations":"Đề nghị UBND thành phố bổ sung dự toán.","directions":"Hỗ trợ 05 doanh nghiệp xây dựng mô hình điểm."}""";
        var (saved, afterSave) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/narrative", As.Clerk, Narrative);
        Assert.Equal(200, saved);
        Assert.Equal(1, afterSave.GetProperty("narrative").GetProperty("revision").GetInt32());
        var (stale, conflict) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/narrative", As.Officer("can.bo.khac", "Officer"), Narrative);
        Assert.Equal(409, stale);
        Assert.Equal("edited_by_someone_else", conflict.GetProperty("code").GetString());

        Assert.Equal(200, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/submit", As.Clerk, "{}")).Status);
        Assert.Equal(403, (await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/decision", As.Clerk, """{"approve":true}""")).Status);
        var (approved, done) = await SendAsync(HttpMethod.Post, $"/api/report-runs/{id}/decision", As.Leader, """{"approve":true}""");
        Assert.Equal(200, approved);
        Assert.Equal(("Completed", 1), (done.GetProperty("state").GetString(), done.GetProperty("reportVersion").GetInt32()));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/report-runs/{id}/report");
        As.Clerk.ApplyTo(request);
        using var response = await http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(word).Select(e => e.Description));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Sáu tháng đầu năm 2026, Kế hoạch được triển khai đúng tiến độ.", text, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp tham gia sàn thương mại điện tử", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chưa gửi số liệu đến hạn", text, StringComparison.Ordinal);
        Assert.Contains("Phụ lục 1", text, StringComparison.Ordinal);
        Assert.Contains("1234/UBND-KT", text, StringComparison.Ordinal);

        Assert.Equal(422, (await UploadAsync(id, Encoding.UTF8.GetBytes("không phải PDF"))).Status);
        var (uploaded, signed) = await UploadAsync(id, Encoding.ASCII.GetBytes("%PDF-1.7\n%bản ký\n"));
        Assert.Equal(200, uploaded);
        Assert.Equal(1, signed.GetProperty("signedCopyVersion").GetInt32());
    }

    [Fact]
    public async Task OpenReportRun_MissingFieldsOrUnknownUnit_Is422WithTheFields_AndNoOfficerIs401()
    {
        await HostAsync();

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/report-runs", As.Clerk, """{"kind":"weekly","leadUnits":["xyz"]}""");
        var (anonymous, _) = await SendAsync(HttpMethod.Get, "/api/report-runs", As.Anonymous);

        Assert.Equal(422, status);
        Assert.Contains("leadUnits", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(401, anonymous);
    }

    static string Token(string page) => page[(page.IndexOf("access=", StringComparison.Ordinal) + "access=".Length)..];

    static As Unit(string token) => As.Enterprise(token, "lead-unit");

    async Task<(int Status, JsonElement Body)> UploadAsync(string id, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/report-runs/{id}/signed-copy") { Content = new ByteArrayContent(bytes) };
        As.Clerk.ApplyTo(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string url, As caller, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        caller.ApplyTo(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
