using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Exports;

/// <summary>
/// The xlsx and CSV exports on the real standalone host: valid typed workbooks, the same rows as the API, Vietnamese
/// and hostile text, and the unit rules (another unit's rows are not in the file; no officer, no file).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ExportsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "exportsapi";
    const string HostileName = "=HYPERLINK(\"http://x\") Công ty Đà Nẵng";
    static readonly OnceAsync<(string Approved, string Hostile, string Sct, string Experts)> Shared = new();
    static readonly As SctOfficer = As.Officer("can.bo.so.cong.thuong", "Officer,Appraiser,Leader", "sct");
    LifecycleClient client = null!;
    HttpClient http = null!;
    (string Approved, string Hostile, string Sct, string Experts) ids;

    public async Task InitializeAsync()
    {
        // Its own tables: the enterprises' rows sum every task of an enterprise code, and other classes on this Azurite
        // submit under the same test code (0401234567).
        var host = await azurite.SharedHostAsync(Hub, () => new LocalHostProcess(azurite.ConnectionString, Hub, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = Hub }));
        http = host.Http;
        client = new LifecycleClient(http);
        ids = await Shared.GetAsync(async () =>
        {
            // Declared with co-funding from another programme; the leader adds a source at approval (the correction is what counts).
            var declared = TestSubmissions.Valid();
            declared["supportKindId"] = "productivity-tools";
            declared["requestedAmountVnd"] = 300_000_000;
            declared["enterpriseName"] = "Công ty TNHH Cơ khí Hòa Khánh – Ỹ Ự Ằ";
            declared["coFunding"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["sourceId"] = "khuyen-cong", ["amountVnd"] = 50_000_000 });
            var (declaredStatus, declaredAnswer) = await TestSubmissions.PostAsync(http, TestSubmissions.Json(declared));
            Assert.True(declaredStatus == 201, $"{declaredStatus} {declaredAnswer}");
            var approved = (Id: declaredAnswer.GetProperty("applicationId").GetString()!, Token: declaredAnswer.GetProperty("accessToken").GetString()!);
            var hostile = await client.SubmitAsync(enterpriseName: HostileName);
            var sct = await client.SubmitAsync(kind: "e-commerce", amount: 50_000_000, enterpriseName: "Hợp tác xã Thương mại điện tử Sơn Trà");
            await client.ApproveAsync(approved.Id, 100_000_000, new object[]
            {
                new { sourceId = "khuyen-cong", amountVnd = 50_000_000L }, new { sourceId = "khac", otherName = "Quỹ =Đổi mới công nghệ quốc gia", amountVnd = 30_000_000L },
            });
            await client.WaitStatusAsync(hostile.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            await client.WaitStatusAsync(sct.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));

            // Expert training nominated by a public body (no enterprise code): two persons, approved.
            var body = TestSubmissions.Valid();
            body.Remove("enterpriseCode");
            body["enterpriseName"] = "Sở Xây dựng thành phố Đà Nẵng";
            body["supportKindId"] = "expert-training";
            body["organisationType"] = "public-body";
            body["nominees"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["name"] = "Lê Văn Cường", ["organisation"] = "Sở Xây dựng thành phố Đà Nẵng", ["position"] = "Phó Trưởng phòng" },
                new System.Text.Json.Nodes.JsonObject { ["name"] = "Phan Thị Dung", ["organisation"] = "Sở Xây dựng thành phố Đà Nẵng" });
            body["requestedAmountVnd"] = 40_000_000;
            var (created, answer) = await TestSubmissions.PostAsync(http, TestSubmissions.Json(body));
            Assert.True(created == 201, $"{created} {answer}");
            var experts = answer.GetProperty("applicationId").GetString()!;
            await client.ApproveAsync(experts, 40_000_000);
            return (approved.Id, hostile.Id, sct.Id, experts);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExportApplications_Xlsx_IsAValidWorkbookWithNumberAndDateCells()
    {
        var (status, bytes, type) = await DownloadAsync("/api/exports/applications", As.Admin);

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description));
        var table = Sheet.Read(document);
        var approved = table.Row("Mã hồ sơ", await TrackingCodeAsync(ids.Approved));
        Assert.Equal(100_000_000m, approved.Number("Kinh phí phê duyệt (đồng)"));
        Assert.Equal(2025m, approved.Number("Năm kinh phí"));
        Assert.Equal(300_000_000m, approved.Number("Kinh phí đề nghị (đồng)"));
        Assert.Equal((80_000_000m, 280_000_000m), (approved.Number("Kinh phí lồng ghép từ chương trình, nguồn khác (đồng)"), approved.Number("Tổng kinh phí thực hiện nhiệm vụ (đồng)")));
        Assert.Equal(0m, table.Row("Mã hồ sơ", await TrackingCodeAsync(ids.Hostile)).Number("Kinh phí lồng ghép từ chương trình, nguồn khác (đồng)"));
        Assert.Equal("Đang thực hiện", approved.Text("Trạng thái"));
        var submitted = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.InRange(approved.Date("Ngày nộp"), submitted.AddDays(-1), submitted);
        Assert.Equal("dd/mm/yyyy", approved.Format("Ngày nộp"));
        Assert.Equal("Công ty TNHH Cơ khí Hòa Khánh – Ỹ Ự Ằ", approved.Text("Tên doanh nghiệp, tổ chức"));
        var hostile = table.Row("Mã hồ sơ", await TrackingCodeAsync(ids.Hostile));
        Assert.Equal(HostileName, hostile.Text("Tên doanh nghiệp, tổ chức"));
        Assert.Empty(document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<CellFormula>());
    }

    [Fact]
    public async Task ExportApplications_OfficerOfAnotherUnit_SeesOnlyTheApplicationsOfItsUnit()
    {
        var sctCode = await TrackingCodeAsync(ids.Sct);
        var skhcnCodes = new[] { await TrackingCodeAsync(ids.Approved), await TrackingCodeAsync(ids.Hostile) };

        var sctRows = await CsvAsync("/api/exports/applications?format=csv", SctOfficer);
        var clerkRows = await CsvAsync("/api/exports/applications?format=csv", As.Clerk);
        var filtered = await CsvAsync("/api/exports/applications?format=csv&unit=skhcn", SctOfficer);

        Assert.Equal([sctCode], sctRows.Skip(1).Select(r => r[0]));
        Assert.Contains(skhcnCodes[0], clerkRows.Select(r => r[0]));
        Assert.Contains(skhcnCodes[1], clerkRows.Select(r => r[0]));
        Assert.DoesNotContain(sctCode, clerkRows.Select(r => r[0]));
        Assert.Single(filtered); // the header only: asking for another unit shows nothing of it
    }

    [Fact]
    public async Task ExportApplications_Filters_KeepOnlyMatchingRowsAndAnUnknownValueIs422()
    {
        var approvedCode = await TrackingCodeAsync(ids.Approved);

        var implementing = await CsvAsync("/api/exports/applications?format=csv&status=InImplementation&year=2025&kind=productivity-tools", As.Admin);
        var (status, body, _) = await DownloadAsync("/api/exports/applications?status=Nope&unit=xyz&year=1999&format=pdf", As.Admin);

        Assert.Contains(approvedCode, implementing.Skip(1).Select(r => r[0]));
        Assert.All(implementing.Skip(1), r => Assert.Equal("Đang thực hiện", r[7]));
        Assert.Equal(422, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["format"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        var (statusFilters, bodyFilters, _) = await DownloadAsync("/api/exports/applications?status=Nope&unit=xyz&year=1999", As.Admin);
        Assert.Equal(422, statusFilters);
        Assert.Equal(["status", "unit", "year"], JsonDocument.Parse(bodyFilters).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task ExportApplications_CsvWithHostileName_PrefixesTheFormulaAndRoundTripsVietnamese()
    {
        var (_, bytes, type) = await DownloadAsync("/api/exports/applications?format=csv", As.Admin);

        Assert.Equal("text/csv; charset=utf-8", type);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var (hostile, approved) = (await TrackingCodeAsync(ids.Hostile), await TrackingCodeAsync(ids.Approved));
        Assert.Equal("'" + HostileName, rows.Single(r => r[0] == hostile)[2]);
        Assert.Equal("Công ty TNHH Cơ khí Hòa Khánh – Ỹ Ự Ằ", rows.Single(r => r[0] == approved)[2]);
    }

    [Fact]
    public async Task ExportApplicationHistory_Csv_HasTheSameEntriesAsTheHistoryApi()
    {
        var (_, history) = await client.GetAsync($"/api/applications/{ids.Approved}/history", As.Clerk);

        var rows = await CsvAsync($"/api/exports/applications/{ids.Approved}/history?format=csv", As.Clerk);

        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(entries.Count, rows.Count - 1);
        Assert.Equal(entries.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("detail").GetString())),
            rows.Skip(1).Select(r => ((string?)r[1], (string?)r[2], (string?)r[6])));
        Assert.Equal(
            entries.Select(e => e.GetProperty("atUtc").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)),
            rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task ExportApplicationHistory_OfficerOfAnotherUnitOrUnknownId_Is404()
    {
        Assert.Equal(404, (await DownloadAsync($"/api/exports/applications/{ids.Approved}/history", SctOfficer)).Status);
        Assert.Equal(404, (await DownloadAsync("/api/exports/applications/not-an-id/history", As.Admin)).Status);
    }

    [Fact]
    public async Task ExportLedger_Xlsx_HasTheSameRowsAsTheBudgetApi()
    {
        var (_, budget) = await client.GetAsync("/api/budget?year=2025", As.Admin);
        var (status, bytes, _) = await DownloadAsync("/api/exports/ledger?year=2025", As.Admin);

        Assert.Equal(200, status);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var table = Sheet.Read(document);
        var expected = budget.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("lineId").GetString()!, (decimal)l.GetProperty("reservedVnd").GetInt64(), (decimal)l.GetProperty("committedVnd").GetInt64(),
                (decimal)l.GetProperty("disbursedVnd").GetInt64(), (decimal)l.GetProperty("remainingVnd").GetInt64()))
            .ToList();
        var actual = table.Rows.Select(r => (r.Text("Mục")!, r.Number("Đang tạm giữ (đồng)"), r.Number("Cam kết chi, chưa giải ngân (đồng)"), r.Number("Đã giải ngân (đồng)"), r.Number("Còn lại (đồng)"))).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(actual, r => r.Item1 == "IV.1" && r.Item2 + r.Item3 + r.Item4 >= 100_000_000m);
    }

    [Fact]
    public async Task ExportLedgerMovements_Csv_ListsTheApprovalsReservation()
    {
        var rows = await CsvAsync("/api/exports/ledger/movements?format=csv&year=2025&line=IV.1", As.Admin);

        Assert.Contains(rows.Skip(1), r => r[5] == ids.Approved && r[4] == "100000000" && r[3] == "Tạm giữ");
    }

    [Fact]
    public async Task ExportEnterprises_Xlsx_ListsTheApprovedTaskOnly()
    {
        var (_, bytes, _) = await DownloadAsync("/api/exports/enterprises?year=2025", As.Admin);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var table = Sheet.Read(document);
        var row = table.Row("Mã hồ sơ", await TrackingCodeAsync(ids.Approved));
        Assert.Equal(100_000_000m, row.Number("Kinh phí phê duyệt (đồng)"));
        Assert.Equal(100_000_000m, row.Number("Kinh phí đối ứng của doanh nghiệp (đồng)")); // as the application states it (V.1.b)
        Assert.Equal(80_000_000m, row.Number("Kinh phí lồng ghép từ chương trình, nguồn khác (đồng)")); // as the leader corrected it at approval
        Assert.Equal("Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng; Quỹ =Đổi mới công nghệ quốc gia: 30.000.000 đồng",
            row.Text("Chương trình, nguồn kinh phí lồng ghép"));
        Assert.Equal(280_000_000m, row.Number("Tổng kinh phí thực hiện nhiệm vụ (đồng)"));
        var hostile = await TrackingCodeAsync(ids.Hostile);
        Assert.DoesNotContain(table.Rows, r => r.Text("Mã hồ sơ") == hostile);
    }

    [Theory]
    [InlineData("/api/exports/applications")]
    [InlineData("/api/exports/enterprises")]
    [InlineData("/api/exports/ledger")]
    [InlineData("/api/exports/ledger/movements")]
    [InlineData("/api/exports/activities")]
    [InlineData("/api/exports/applications/{id}/history")]
    [InlineData("/api/feeds/national/v1")]
    public async Task Export_AnonymousOrTheEnterprisesLink_Is401(string url)
    {
        var token = (await client.SubmitAsync()).Token;
        var target = url.Replace("{id}", ids.Approved, StringComparison.Ordinal);

        Assert.Equal(401, (await DownloadAsync(target, As.Anonymous)).Status);
        Assert.Equal(401, (await DownloadAsync(target, As.Enterprise(token))).Status);
    }

    [Fact]
    public async Task GetNationalFeed_Json_ValidatesAgainstTheSchemaInTheRepositoryAndCarriesTheApprovedTasks()
    {
        var (status, bytes, type) = await DownloadAsync("/api/feeds/national/v1?year=2025", As.Admin);

        Assert.Equal(200, status);
        Assert.Equal("application/json; charset=utf-8", type);
        using var feed = JsonDocument.Parse(bytes);
        var results = FeedSchema().Evaluate(feed.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, Describe(results));
        var root = feed.RootElement;
        Assert.Equal("1.0", root.GetProperty("schemaVersion").GetString());
        Assert.Equal(("2025-01-01", "2025-12-31"), (root.GetProperty("period").GetProperty("from").GetString(), root.GetProperty("period").GetProperty("to").GetString()));
        var view = await client.ViewAsync(ids.Approved);
        var task = root.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("applicationId").GetString() == ids.Approved);
        Assert.Equal(view.GetProperty("trackingCode").GetString(), task.GetProperty("taskId").GetString());
        Assert.Equal(view.GetProperty("enterpriseCode").GetString(), task.GetProperty("enterpriseCode").GetString());
        Assert.Equal(100_000_000, task.GetProperty("approvedVnd").GetInt64());
        Assert.Equal(100_000_000, task.GetProperty("ownContributionVnd").GetInt64());
        Assert.Equal((80_000_000L, 280_000_000L), (task.GetProperty("coFundingVnd").GetInt64(), task.GetProperty("totalCostVnd").GetInt64()));
        Assert.StartsWith("Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng; ", task.GetProperty("coFundingSources").GetString(), StringComparison.Ordinal);
        var history = (await client.GetAsync($"/api/applications/{ids.Approved}/history", As.Admin)).Body.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "Approved").GetProperty("detail").GetString();
        Assert.Contains("→ Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng; Quỹ =Đổi mới công nghệ quốc gia: 30.000.000 đồng", history, StringComparison.Ordinal);
        Assert.Equal("InImplementation", task.GetProperty("status").GetString());
        Assert.Contains(root.GetProperty("enterprises").EnumerateArray(), e => e.GetProperty("enterpriseCode").GetString() == view.GetProperty("enterpriseCode").GetString());
        var publicBody = root.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("applicationId").GetString() == ids.Experts);
        Assert.Equal(JsonValueKind.Null, publicBody.GetProperty("enterpriseCode").ValueKind);
        Assert.Equal(["Lê Văn Cường", "Phan Thị Dung"], root.GetProperty("experts").EnumerateArray()
            .Where(e => e.GetProperty("taskId").GetString() == publicBody.GetProperty("taskId").GetString()).Select(e => e.GetProperty("name").GetString()));
        Assert.DoesNotContain(root.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("applicationId").GetString() == ids.Hostile); // not approved
        Assert.Contains(root.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("indicatorId").GetString() == "enterprises-supported"
            && i.GetProperty("measuredBy").GetString() == "counted" && i.GetProperty("value").GetDecimal() >= 1);
    }

    [Fact]
    public async Task NationalFeedSchema_FeedWithoutAnEnterpriseCodeOrWithAWrongOne_IsRejected()
    {
        var (_, bytes, _) = await DownloadAsync("/api/feeds/national/v1?year=2025", As.Admin);
        var node = System.Text.Json.Nodes.JsonNode.Parse(bytes)!;
        var missing = node.DeepClone();
        missing["enterprises"]![0]!.AsObject().Remove("enterpriseCode");
        var wrong = node.DeepClone();
        wrong["tasks"]![0]!["enterpriseCode"] = "12345";

        foreach (var broken in new[] { missing, wrong })
        {
            using var document = JsonDocument.Parse(broken.ToJsonString());
            Assert.False(FeedSchema().Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { RequireFormatValidation = true }).IsValid);
        }
    }

    [Fact]
    public async Task GetNationalFeed_CsvSectionAndAnotherUnit_HaveTheJsonFieldsAsHeadersAndOnlyThatUnitsTasks()
    {
        var enterprises = await CsvAsync("/api/feeds/national/v1?format=csv&section=enterprises&year=2025", As.Admin);
        var (sctStatus, sctBytes, _) = await DownloadAsync("/api/feeds/national/v1?year=2025", SctOfficer);
        var (badStatus, _, _) = await DownloadAsync("/api/feeds/national/v1?format=csv", As.Admin);

        Assert.Equal(["enterpriseCode", "name", "tasks", "approvedVnd", "disbursedVnd", "firstBudgetYear", "hasPilotModel"], enterprises[0]);
        Assert.Contains(enterprises.Skip(1), r => r[3] == "100000000");
        Assert.Equal(200, sctStatus);
        using var sct = JsonDocument.Parse(sctBytes);
        Assert.Equal("sct", sct.RootElement.GetProperty("source").GetProperty("scope").GetString());
        Assert.Empty(sct.RootElement.GetProperty("tasks").EnumerateArray()); // sct's only application is not approved; skhcn's are not its own
        Assert.Equal(422, badStatus); // CSV needs a section
    }

    /// <summary>Built once: the library's global registry refuses a second schema with the same $id.</summary>
    static readonly Lazy<Json.Schema.JsonSchema> Schema = new(() =>
        Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "schemas", "nscl-feed.v1.schema.json"))));

    static Json.Schema.JsonSchema FeedSchema() => Schema.Value;

    static string Describe(Json.Schema.EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    async Task<string> TrackingCodeAsync(string id) => (await client.ViewAsync(id)).GetProperty("trackingCode").GetString()!;

    async Task<List<List<string>>> CsvAsync(string url, As caller)
    {
        var (status, bytes, _) = await DownloadAsync(url, caller);
        Assert.Equal(200, status);
        return Csv.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }

    async Task<(int Status, byte[] Body, string? Type)> DownloadAsync(string url, As caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        caller.ApplyTo(request);
        using var response = await http.SendAsync(request);
        var type = response.Content.Headers.ContentType?.ToString();
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), type);
    }

    /// <summary>The first worksheet as header → cells, read back through the SDK (numbers and dates by their cell type).</summary>
    sealed class Sheet
    {
        public required Dictionary<string, string> Columns { get; init; }

        public required List<SheetRow> Rows { get; init; }

        public SheetRow Row(string header, string value) => Rows.Single(r => r.Text(header) == value);

        public static Sheet Read(SpreadsheetDocument document)
        {
            var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
            var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
            var columns = rows[0].Elements<Cell>().ToDictionary(c => c.InnerText, c => Letters(c.CellReference!.Value!));
            return new Sheet
            {
                Columns = columns,
                Rows = rows.Skip(1).Select(r => new SheetRow(columns, r.Elements<Cell>().ToDictionary(c => Letters(c.CellReference!.Value!)), styles)).ToList(),
            };
        }

        static string Letters(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);
    }

    sealed class SheetRow(Dictionary<string, string> columns, Dictionary<string, Cell> cells, Stylesheet styles)
    {
        public string? Text(string header) => cells.TryGetValue(columns[header], out var c) ? c.InnerText : null;

        public decimal Number(string header)
        {
            var cell = cells[columns[header]];
            Assert.Null(cell.DataType); // a number cell, not text
            return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        public DateOnly Date(string header) => DateOnly.FromDateTime(DateTime.FromOADate((double)Number(header)));

        public string? Format(string header)
        {
            var format = (CellFormat)styles.CellFormats!.ElementAt((int)cells[columns[header]].StyleIndex!.Value);
            return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        }
    }
}

/// <summary>An RFC 4180 reader independent of the writer under test.</summary>
static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
