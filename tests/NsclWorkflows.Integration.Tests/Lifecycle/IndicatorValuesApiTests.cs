using System.Text;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Indicator values over HTTP on the standalone host, with tables of their own: a leader enters the TFP share with its
/// source, <c>GET /api/targets</c> shows it (value, source, period, date), a correction supersedes it and the history
/// keeps both; who may enter, and what is refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class IndicatorValuesApiTests(AzuriteFixture azurite)
{
    const string Tfp = "tfp-contribution-2025";
    const string FirstSource = "Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 15/01/2026";
    const string SecondSource = "Viện Nghiên cứu Phát triển KT-XH Đà Nẵng, Báo cáo số 45/BC-VNC ngày 20/03/2026";

    Task<LocalHostProcess> HostAsync() => azurite.SharedHostAsync("indicatorsapi", () => new LocalHostProcess(azurite.ConnectionString, "indicatorsapi",
        TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["Nscl__Storage__TablePrefix"] = "indicatorsapi" }));

    static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task RecordTfp_ThenACorrection_TargetsShowTheLatestWithItsSourceAndTheHistoryHoldsBoth()
    {
        var client = new LifecycleClient((await HostAsync()).Http);
        var before = await TargetsAsync(client, As.Leader);
        Assert.False(before[Tfp].GetProperty("measured").GetBoolean());
        Assert.StartsWith("Chưa có số liệu", before[Tfp].GetProperty("summary").GetString(), StringComparison.Ordinal);

        var (created, first) = await client.PostAsync($"/api/targets/{Tfp}/values", Json(new { value = 46.2m, year = 2025, source = FirstSource }), As.Leader);
        var afterFirst = await TargetsAsync(client, As.Clerk);
        var (corrected, second) = await client.PostAsync($"/api/targets/{Tfp}/values",
            Json(new { value = 44.8m, year = 2025, source = SecondSource, note = "Số liệu chính thức thay số liệu sơ bộ." }), As.Admin);
        var afterSecond = await TargetsAsync(client, As.Clerk);
        var (listed, history) = await client.GetAsync($"/api/targets/{Tfp}/values", As.Appraiser);

        Assert.Equal(201, created);
        Assert.Equal("lanh.dao", first.GetProperty("recordedBy").GetProperty("name").GetString());
        var tfp = afterFirst[Tfp];
        Assert.True(tfp.GetProperty("measured").GetBoolean());
        Assert.Equal("entered", tfp.GetProperty("measuredBy").GetString());
        Assert.Equal(46.2m, tfp.GetProperty("achieved").GetDecimal());
        Assert.True(tfp.GetProperty("met").GetBoolean());
        var entered = tfp.GetProperty("entered");
        Assert.Equal((FirstSource, "năm 2025", 2025), (entered.GetProperty("source").GetString(), entered.GetProperty("period").GetProperty("label").GetString(),
            entered.GetProperty("period").GetProperty("year").GetInt32()));
        Assert.InRange(entered.GetProperty("recordedAtUtc").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(FirstSource, tfp.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("applications", afterFirst["st-tasks"].GetProperty("measuredBy").GetString());
        Assert.False(afterFirst["tfp-contribution-2030"].GetProperty("measured").GetBoolean());

        Assert.Equal(201, corrected);
        Assert.Equal(44.8m, afterSecond[Tfp].GetProperty("achieved").GetDecimal());
        Assert.False(afterSecond[Tfp].GetProperty("met").GetBoolean());
        Assert.Equal(SecondSource, afterSecond[Tfp].GetProperty("entered").GetProperty("source").GetString());

        Assert.Equal(200, listed);
        Assert.False(history.GetProperty("canRecord").GetBoolean());
        var values = history.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal([second.GetProperty("id").GetString(), first.GetProperty("id").GetString()], values.Select(v => v.GetProperty("id").GetString()));
        Assert.Equal([true, false], values.Select(v => v.GetProperty("current").GetBoolean()));
        Assert.Equal("Số liệu chính thức thay số liệu sơ bộ.", values[0].GetProperty("note").GetString());
        Assert.Equal(second.GetProperty("id").GetString(), history.GetProperty("current").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("appraiser")]
    public async Task Record_ByAnOfficerWithoutTheLeaderRole_Is403AndNothingIsRecorded(string who)
    {
        var client = new LifecycleClient((await HostAsync()).Http);
        var caller = who == "clerk" ? As.Clerk : As.Appraiser;

        var (status, problem) = await client.PostAsync("/api/targets/experts-certified/values", Json(new { value = 16, year = 2025, source = FirstSource }), caller);
        var (_, history) = await client.GetAsync("/api/targets/experts-certified/values", caller);

        Assert.Equal(403, status);
        Assert.Equal(("forbidden_role", "Leader"), (problem.GetProperty("code").GetString(), problem.GetProperty("context").GetProperty("requiredRole").GetString()));
        Assert.Empty(history.GetProperty("values").EnumerateArray());
    }

    [Fact]
    public async Task Record_WithoutTheCsrfHeader_IsTreatedAsAnonymous401()
    {
        var host = await HostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/targets/st-tasks/values") { Content = Json(new { value = 3, year = 2025, source = FirstSource }) };
        request.Headers.Add("X-Nscl-Dev-Officer", As.Leader.DevOfficer);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { """{"value":46.2,"year":2025,"source":"Báo cáo số 12\u202E/BC-CTK"}""", "source", "invalid_characters" },
        { """{"value":46.2,"year":2025,"source":"Cục Thống kê","note":"\uFFFF"}""", "note", "invalid_characters" },
        { """{"value":46.2,"year":2025,"source":"Cục Thống kê","note":"\ud800"}""", "note", "invalid_characters" },
        { """{"value":146.2,"year":2025,"source":"Cục Thống kê"}""", "value", "out_of_range" },
        { """{"value":1e400,"year":2025,"source":"Cục Thống kê"}""", "value", "out_of_range" },
        { """{"value":"46,2","year":2025,"source":"Cục Thống kê"}""", "value", "wrong_type" },
        { """{"value":46.2,"year":2019,"source":"Cục Thống kê"}""", "year", "out_of_range" },
        { """{"value":46.2,"year":2025}""", "source", "required" },
        { """{"value":46.2,"from":"2025-13-01","to":"2025-12-31","source":"Cục Thống kê"}""", "from", "invalid_format" },
        { """{"value":46.2,"year":2025,"source":"Cục Thống kê","amountVnd":1}""", "amountVnd", "unknown_field" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Record_HostileOrInvalidBody_Is422NamingTheField(string body, string field, string code)
    {
        var client = new LifecycleClient((await HostAsync()).Http);

        var (status, problem) = await client.PostAsync("/api/targets/tfp-contribution-2030/values", RawJson(body), As.Leader);

        Assert.Equal(422, status);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code);
        Assert.DoesNotContain(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("Trường 'source'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_UnknownTarget_Is404AndListingItToo()
    {
        var client = new LifecycleClient((await HostAsync()).Http);

        var (recorded, _) = await client.PostAsync("/api/targets/tfp-2099/values", Json(new { value = 1, year = 2025, source = FirstSource }), As.Admin);
        var (listed, _) = await client.GetAsync("/api/targets/tfp-2099/values", As.Admin);

        Assert.Equal((404, 404), (recorded, listed));
    }

    [Fact]
    public async Task YearEndReport_AfterTheTfpShareIsEntered_PrintsItWithItsSourceInsteadOfNoData()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "indicatorsreport", TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl__Storage__TablePrefix"] = "indicatorsreport" });
        await host.StartAsync();
        var client = new LifecycleClient(host.Http);
        var (recorded, _) = await client.PostAsync($"/api/targets/{Tfp}/values", Json(new { value = 46.2m, year = 2025, source = FirstSource }), As.Leader);
        Assert.Equal(201, recorded);

        var report = await client.YearEndReportAsync(2025, TimeSpan.FromSeconds(90));

        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(report!), false);
        var cells = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())
            .Single(r => r.Count == 5 && r[1].Contains("TFP", StringComparison.Ordinal) && r[1].Contains("năm 2025", StringComparison.Ordinal));
        Assert.Equal("46,2 % (năm 2025)", cells[3]);
        Assert.StartsWith($"Đạt (nguồn: {FirstSource}; nhập ngày ", cells[4], StringComparison.Ordinal);
    }

    static async Task<Dictionary<string, JsonElement>> TargetsAsync(LifecycleClient client, As caller)
    {
        var (status, body) = await client.GetAsync("/api/targets?year=2025", caller);
        Assert.Equal(200, status);
        Assert.Equal(caller == As.Leader || caller == As.Admin, body.GetProperty("canRecord").GetBoolean());
        return body.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
    }
}
