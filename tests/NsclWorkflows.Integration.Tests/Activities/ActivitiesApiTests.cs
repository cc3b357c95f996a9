using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Activities;

/// <summary>
/// Programme activities over HTTP on the real standalone host, with its own tables (its own ledger): planned (the
/// estimated cost reserved), result and spending recorded, closed (the rest released), and refused when it must be.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ActivitiesApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "activitiesapi";
    static readonly As Clerk = As.Clerk;                                                   // Officer of skhcn, lead unit of I.3
    static readonly As OtherUnit = As.Officer("can.bo.so.cong.thuong", "Officer", "sct");
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        var host = await azurite.SharedHostAsync(Hub, () => new LocalHostProcess(azurite.ConnectionString, Hub, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = Hub }));
        client = new LifecycleClient(host.Http);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Activity_PlannedResultAndSpendingRecordedClosed_LedgerAndOutputsReflectIt()
    {
        var before = await BalanceAsync("I.3", 2025);

        var (status, planned) = await PlanAsync(Clerk, "I.3", 2025, 20_000_000);
        Assert.Equal(201, status);
        var id = planned.GetProperty("id").GetString()!;
        Assert.Equal(("Planned", "skhcn", "chuyen.vien"), (planned.GetProperty("state").GetString(), planned.GetProperty("leadUnit").GetString(),
            planned.GetProperty("officer").GetProperty("name").GetString()));
        var afterPlan = await BalanceAsync("I.3", 2025);
        Assert.Equal(before.Reserved + 20_000_000, afterPlan.Reserved);

        Assert.Equal(200, (await PostAsync($"/api/activities/{id}/outputs", new { kind = "classesHeld", quantity = 2 }, Clerk)).Status);
        Assert.Equal(200, (await PostAsync($"/api/activities/{id}/outputs", new { kind = "participants", quantity = 85, note = "từ 31 doanh nghiệp" }, Clerk)).Status);
        var (spent, afterSpending) = await PostAsync($"/api/activities/{id}/spending",
            new { committedVnd = 18_500_000, disbursedVnd = 18_500_000, documentReference = "UNC 15/2025/KBNN" }, Clerk);
        Assert.Equal(200, spent);
        Assert.Equal("InProgress", afterSpending.GetProperty("state").GetString());
        var middle = await BalanceAsync("I.3", 2025);
        Assert.Equal((before.Reserved + 1_500_000, before.Disbursed + 18_500_000), (middle.Reserved, middle.Disbursed));

        var (closedStatus, closed) = await PostAsync($"/api/activities/{id}/close", new { note = "Hoàn thành 2 lớp." }, Clerk);

        Assert.Equal(200, closedStatus);
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(1_500_000, closed.GetProperty("releasedVnd").GetInt64());
        var after = await BalanceAsync("I.3", 2025);
        Assert.Equal((before.Reserved, before.Committed, before.Disbursed + 18_500_000), (after.Reserved, after.Committed, after.Disbursed));
        var (_, list) = await client.GetAsync("/api/activities?year=2025&line=I.3", Clerk);
        Assert.Contains(list.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        var totals = list.GetProperty("outputTotals").EnumerateArray().ToDictionary(t => t.GetProperty("kind").GetString()!, t => t.GetProperty("quantity").GetInt32());
        Assert.True(totals["participants"] >= 85 && totals["classesHeld"] >= 2, list.ToString());
        Assert.Equal(409, (await PostAsync($"/api/activities/{id}/outputs", new { kind = "classesHeld", quantity = 1 }, Clerk)).Status);
    }

    [Fact]
    public async Task EveryFundedItemOfTheAppendix_HoldsSpendingThroughAnActivity_YearEndAppendixShowsItsExecution()
    {
        string[] items = ["I.1", "I.2", "I.3", "I.4", "II.1", "III.1", "IV.1", "V.1", "V.2"];
        foreach (var line in items)
        {
            var year = await YearWithMoneyAsync(line);
            var before = await BalanceAsync(line, year);
            var (status, planned) = await PlanAsync(As.Admin, line, year, 1_000_000);
            Assert.True(status == 201, $"{line} {year}: {status} {planned}");
            var id = planned.GetProperty("id").GetString()!;
            Assert.Equal(200, (await PostAsync($"/api/activities/{id}/spending", new { committedVnd = 600_000, disbursedVnd = 600_000, documentReference = $"UNC {line}" }, As.Admin)).Status);
            Assert.Equal(200, (await PostAsync($"/api/activities/{id}/outputs", new { kind = "conferencesHeld", quantity = 1 }, As.Admin)).Status);
            Assert.Equal(200, (await PostAsync($"/api/activities/{id}/close", new { }, As.Admin)).Status);

            var after = await BalanceAsync(line, year);
            Assert.True((after.Disbursed - before.Disbursed, after.Reserved - before.Reserved) == (600_000, 0), $"{line} {year}: {before} → {after}");
        }

        // The year-end report's Phụ lục 1: each item's "Giải ngân" (thực hiện) row is the ledger's disbursed for that item
        // over the plan's years, applications and activities alike.
        var report = await client.YearEndReportAsync(2025, TimeSpan.FromSeconds(90));
        var (years, executed) = AppendixExecution(report!);
        foreach (var line in items)
        {
            Assert.True(executed.GetValueOrDefault(line) > 0, $"{line}: no non-zero Giải ngân in Phụ lục 1 ({string.Join("; ", executed)})");
        }

        var (_, i3) = await client.GetAsync("/api/budget?line=I.3", As.Leader);
        var disbursedI3 = i3.GetProperty("lines").EnumerateArray()
            .Where(r => years.Contains(r.GetProperty("year").GetInt32()))
            .Sum(r => r.GetProperty("disbursedVnd").GetInt64());
        Assert.Equal(disbursedI3 / 1_000_000m, executed["I.3"]);
    }

    /// <summary>
    /// Phụ lục 1 read back: the plan's years of its header, and per item (I.1 … V.2, groups too) the "Cộng" cell of its
    /// "Giải ngân" row, in million VND ("-" read as 0).
    /// </summary>
    static (HashSet<int> Years, Dictionary<string, decimal> Disbursed) AppendixExecution(byte[] docx)
    {
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        static string Text(DocumentFormat.OpenXml.OpenXmlElement e) =>
            string.Concat(e.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim();
        var table = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First()
                .Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(Text).Contains("Số liệu"));
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(Text).ToList()).ToList();
        var years = rows[0].Where(h => h.StartsWith("Năm ", StringComparison.Ordinal))
            .Select(h => int.Parse(h[4..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var totalColumn = rows[0].IndexOf("Cộng");
        var disbursed = new Dictionary<string, decimal>();
        string group = string.Empty, current = string.Empty;
        foreach (var cells in rows.Skip(1))
        {
            if (cells[2] == "Kế hoạch")
            {
                var label = cells[0];
                current = label.Length > 0 && label.All(char.IsAsciiDigit) ? $"{group}.{label}" : label;
                group = label.Length > 0 && !label.All(char.IsAsciiDigit) ? label : group;
            }
            else if (cells[2] == "Giải ngân" && current.Length > 0)
            {
                var amount = cells[totalColumn];
                disbursed[current] = amount == "-" ? 0 : decimal.Parse(amount.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'),
                    System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (years, disbursed);
    }

    [Fact]
    public async Task Plan_OfficerOfAnotherUnitOrNoOfficer_RefusedAndNothingReserved()
    {
        var before = await BalanceAsync("I.3", 2025);

        var (otherUnit, problem) = await PlanAsync(OtherUnit, "I.3", 2025, 1_000_000);
        var (anonymous, _) = await PlanAsync(As.Anonymous, "I.3", 2025, 1_000_000);
        var (enterprise, _) = await PlanAsync(As.Enterprise("not-an-officer"), "I.3", 2025, 1_000_000);

        Assert.True((otherUnit, anonymous, enterprise) == (403, 401, 401), $"{otherUnit} {anonymous} {enterprise} {problem}");
        Assert.Equal("forbidden_unit", problem.GetProperty("code").GetString());
        Assert.Equal(before, await BalanceAsync("I.3", 2025));
    }

    [Fact]
    public async Task Change_OfficerOfAnotherUnitOrNoOfficerOrWithoutCsrfHeader_Refused()
    {
        var (_, planned) = await PlanAsync(Clerk, "I.3", 2025, 1_000_000);
        var id = planned.GetProperty("id").GetString()!;
        var output = new { kind = "classesHeld", quantity = 1 };

        Assert.Equal(404, (await client.GetAsync($"/api/activities/{id}", OtherUnit)).Status);
        Assert.Equal(404, (await PostAsync($"/api/activities/{id}/outputs", output, OtherUnit)).Status);
        Assert.Equal(401, (await PostAsync($"/api/activities/{id}/outputs", output, As.Anonymous)).Status);
        Assert.Equal(404, (await PostAsync($"/api/activities/{id}/cancel", new { reason = "x" }, OtherUnit)).Status);
        using var noCsrf = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{id}/outputs") { Content = JsonContent.Create(output) };
        noCsrf.Headers.Add("X-Nscl-Dev-Officer", Clerk.DevOfficer);
        var refused = await client.Http.SendAsync(noCsrf);
        Assert.True((int)refused.StatusCode == 401, $"{refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");

        var (_, unchanged) = await client.GetAsync($"/api/activities/{id}", Clerk);
        Assert.Equal(0, unchanged.GetProperty("outputs").GetArrayLength());
        Assert.Equal(200, (await PostAsync($"/api/activities/{id}/cancel", new { reason = "Kiểm thử quyền" }, Clerk)).Status);
    }

    [Theory]
    [InlineData("title", "Lớp tập huấn\u202E Lean")]
    [InlineData("title", "Lớp\u0000")]
    [InlineData("expectedOutputs", "ok\uFFFF")]
    public async Task Plan_HostileText_422NamingTheFieldAndNothingReserved(string field, string value)
    {
        var before = await BalanceAsync("I.3", 2025);
        var body = PlanBody("I.3", 2025, 1_000_000);
        body[field] = value;

        var (status, problem) = await PostAsync("/api/activities", body, Clerk);

        Assert.Equal(422, status);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Equal(before, await BalanceAsync("I.3", 2025));
    }

    [Fact]
    public async Task RecordSpending_HostileDocumentReference_422AndLedgerUnchanged()
    {
        var (_, planned) = await PlanAsync(Clerk, "I.3", 2025, 1_000_000);
        var id = planned.GetProperty("id").GetString()!;
        var before = await BalanceAsync("I.3", 2025);

        var (status, problem) = await PostAsync($"/api/activities/{id}/spending", new { committedVnd = 500_000, documentReference = "UNC\u200B 1" }, Clerk);

        Assert.Equal(422, status);
        Assert.Equal("documentReference", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before, await BalanceAsync("I.3", 2025));
    }

    [Fact]
    public async Task Plan_MoreThanTheItemHasLeft_409WithTheLedgersCode()
    {
        var (status, problem) = await PlanAsync(Clerk, "I.3", 2025, 5_000_000_000);

        Assert.Equal(409, status);
        Assert.Equal("budget_exceeded", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Targets_MeasuredByActivityOutputs_CountTheClosedActivitysClassesAndParticipants()
    {
        // The plan's I.3 quantity ("bình quân 03 lớp/năm") as a catalogue target counted from activities' outputs.
        using var catalogue = await AmendedCatalogueFile.CreateAsync(c =>
        {
            c["targets"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
                {"id":"i3-classes","section":"I.3","text":"Tổ chức hội thảo, tập huấn (dự kiến bình quân 03 lớp/năm, riêng năm 2022 dự kiến 02 lớp).",
                 "comparison":"atLeast","value":11,"unit":"lớp","byYear":2025,"budgetLineId":"I.3",
                 "measure":{"count":"activityOutputs","stage":"completed","outputKinds":["classesHeld"]}}
                """));
            c["targets"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
                {"id":"i3-participants","section":"I.3","text":"Lượt người tham dự tập huấn.","comparison":"atLeast","value":300,"unit":"lượt người",
                 "byYear":2025,"budgetLineId":"I.3","measure":{"count":"activityOutputs","stage":"approved","outputKinds":["participants"]}}
                """));
        });
        var settings = catalogue.HostSetting;
        settings["Nscl:Storage:TablePrefix"] = "activitytargets";
        await using var host = new LocalHostProcess(azurite.ConnectionString, "activitytargets", TimeSpan.FromMinutes(10), settings);
        await host.StartAsync();
        client = new LifecycleClient(host.Http);
        var (_, planned) = await PlanAsync(Clerk, "I.3", 2025, 20_000_000);
        var id = planned.GetProperty("id").GetString()!;
        await PostAsync($"/api/activities/{id}/outputs", new { kind = "classesHeld", quantity = 2 }, Clerk);
        await PostAsync($"/api/activities/{id}/outputs", new { kind = "participants", quantity = 85 }, Clerk);
        var open = await TargetsAsync();

        Assert.Equal(200, (await PostAsync($"/api/activities/{id}/close", new { }, Clerk)).Status);
        var closed = await TargetsAsync();

        Assert.Equal((0m, 2m), (open["i3-classes"].GetProperty("achieved").GetDecimal(), open["i3-classes"].GetProperty("pending").GetDecimal()));
        Assert.Equal(85m, open["i3-participants"].GetProperty("achieved").GetDecimal());
        Assert.Equal(2m, closed["i3-classes"].GetProperty("achieved").GetDecimal());
        Assert.Equal(85m, closed["i3-participants"].GetProperty("achieved").GetDecimal());
        Assert.Contains("Đạt 2 lớp", closed["i3-classes"].GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    async Task<Dictionary<string, JsonElement>> TargetsAsync()
    {
        var (status, body) = await client.GetAsync("/api/targets?year=2025", As.Leader);
        Assert.Equal(200, status);
        return body.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
    }

    static Dictionary<string, object?> PlanBody(string line, int year, long cost) => new()
    {
        ["title"] = "Lớp tập huấn Lean cho doanh nghiệp quận Liên Chiểu",
        ["lineId"] = line,
        ["year"] = year,
        ["estimatedCostVnd"] = cost,
        ["plannedStart"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["plannedEnd"] = DateTime.UtcNow.AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["expectedOutputs"] = "2 lớp, khoảng 80 học viên",
    };

    Task<(int Status, JsonElement Body)> PlanAsync(As caller, string line, int year, long cost) => PostAsync("/api/activities", PlanBody(line, year, cost), caller);

    Task<(int Status, JsonElement Body)> PostAsync(string url, object body, As caller) => client.PostAsync(url, JsonContent.Create(body), caller);

    async Task<Balance> BalanceAsync(string line, int year)
    {
        var (status, body) = await client.GetAsync($"/api/budget?year={year}&line={line}", As.Leader);
        Assert.Equal(200, status);
        var row = Assert.Single(body.GetProperty("lines").EnumerateArray());
        return new(row.GetProperty("reservedVnd").GetInt64(), row.GetProperty("committedVnd").GetInt64(), row.GetProperty("disbursedVnd").GetInt64());
    }

    async Task<int> YearWithMoneyAsync(string line)
    {
        var (_, body) = await client.GetAsync($"/api/budget?line={line}", As.Leader);
        return body.GetProperty("lines").EnumerateArray()
            .Where(r => r.GetProperty("remainingVnd").GetInt64() >= 1_000_000)
            .Select(r => r.GetProperty("year").GetInt32())
            .First();
    }

    sealed record Balance(long Reserved, long Committed, long Disbursed);
}
