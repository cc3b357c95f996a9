using System.Text.Json.Nodes;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

/// <summary>
/// Bad input gets a 4xx with a stable English code, a Vietnamese reason and, where a field is at fault, that field;
/// and nothing is written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class MalformedRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    LocalHostProcess host = null!;

    // Its own tables: the row counts below must not see other hosts' workflows writing their audit rows meanwhile.
    public async Task InitializeAsync() => host = await azurite.SharedHostAsync("malformed", () => new LocalHostProcess(azurite.ConnectionString, "malformed",
        TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = "malformed" }));

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed record Case(string Name, Func<HttpContent> Content, int Status, string Code, string? Field, string? IdempotencyKey = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("truncated JSON", () => TestSubmissions.Raw("{\"enterpriseCode\":", "application/json"), 400, "invalid_json", null),
        new("JSON array", () => TestSubmissions.Raw("[1,2]", "application/json"), 400, "invalid_json", null),
        new("empty body", () => TestSubmissions.Raw("", "application/json"), 400, "invalid_json", null),
        new("missing enterprise name", () => TestSubmissions.Json(TestSubmissions.Without("enterpriseName")), 422, "required", "enterpriseName"),
        new("blank title", () => TestSubmissions.Json(TestSubmissions.With("title", "   ")), 422, "required", "title"),
        new("amount as string", () => TestSubmissions.Json(TestSubmissions.With("requestedAmountVnd", "150000000")), 422, "wrong_type", "requestedAmountVnd"),
        new("enterprise code as number", () => TestSubmissions.Json(TestSubmissions.With("enterpriseCode", 401234567)), 422, "wrong_type", "enterpriseCode"),
        new("fractional amount", () => TestSubmissions.Json(TestSubmissions.With("requestedAmountVnd", 1.5)), 422, "wrong_type", "requestedAmountVnd"),
        new("negative amount", () => TestSubmissions.Json(TestSubmissions.With("requestedAmountVnd", -1000)), 422, "out_of_range", "requestedAmountVnd"),
        new("absurd amount", () => TestSubmissions.Raw(TestSubmissions.Valid().ToJsonString().Replace("150000000", "1e300"), "application/json"), 422, "out_of_range", "requestedAmountVnd"),
        new("expert training over 20 million", () => TestSubmissions.Json(SetTwo("supportKindId", "expert-training", "requestedAmountVnd", 25_000_000)), 422, "exceeds_kind_maximum", "requestedAmountVnd"),
        new("unknown support kind", () => TestSubmissions.Json(TestSubmissions.With("supportKindId", "tien-thuong")), 422, "unknown_support_kind", "supportKindId"),
        new("enterprise code too short", () => TestSubmissions.Json(TestSubmissions.With("enterpriseCode", "040123")), 422, "invalid_format", "enterpriseCode"),
        new("enterprise code bad branch suffix", () => TestSubmissions.Json(TestSubmissions.With("enterpriseCode", "0401234567-01")), 422, "invalid_format", "enterpriseCode"),
        new("bad e-mail", () => TestSubmissions.Json(TestSubmissions.With("contactEmail", "hanh.nguyen.at.cokhi")), 422, "invalid_format", "contactEmail"),
        new("bad phone", () => TestSubmissions.Json(TestSubmissions.With("phone", "12-34")), 422, "invalid_format", "phone"),
        new("unknown field", () => TestSubmissions.Json(TestSubmissions.With("requestedAmount", 5)), 422, "unknown_field", "requestedAmount"),
        new("body over 1 MB", () => TestSubmissions.Json(TestSubmissions.With("summary", new string('a', 1_100_000))), 413, "payload_too_large", null),
        new("wrong content type", () => TestSubmissions.Raw(TestSubmissions.Valid().ToJsonString(), "text/plain"), 415, "unsupported_media_type", null),
        new("no content type", () => TestSubmissions.Raw(TestSubmissions.Valid().ToJsonString(), null), 415, "unsupported_media_type", null),
        new("missing legal representative", () => TestSubmissions.Json(TestSubmissions.Without("legalRepresentativeName")), 422, "required", "legalRepresentativeName"),
        new("missing address", () => TestSubmissions.Json(TestSubmissions.With("address", " ")), 422, "required", "address"),
        new("district not in the list", () => TestSubmissions.Json(TestSubmissions.With("districtId", "quan-9")), 422, "not_in_list", "districtId"),
        new("sector not a VSIC division", () => TestSubmissions.Json(TestSubmissions.With("sectorCode", "00")), 422, "not_in_list", "sectorCode"),
        new("missing revenue band", () => TestSubmissions.Json(TestSubmissions.Without("revenueBandId")), 422, "required", "revenueBandId"),
        new("employees as string", () => TestSubmissions.Json(TestSubmissions.With("employees", "45")), 422, "wrong_type", "employees"),
        new("negative own contribution", () => TestSubmissions.Json(TestSubmissions.With("ownContributionVnd", -1)), 422, "out_of_range", "ownContributionVnd"),
        new("missing duration", () => TestSubmissions.Json(TestSubmissions.Without("durationMonths")), 422, "required", "durationMonths"),
        new("duration beyond the kind's bound", () => TestSubmissions.Json(TestSubmissions.With("durationMonths", 60)), 422, "out_of_range", "durationMonths"),
        new("fractional duration", () => TestSubmissions.Json(TestSubmissions.With("durationMonths", 1.5)), 422, "wrong_type", "durationMonths"),
        new("hostile legal representative", () => TestSubmissions.Json(TestSubmissions.With("legalRepresentativeName", "Trần\u202E Minh")), 422, "invalid_characters", "legalRepresentativeName"),
        new("idempotency key too short", () => TestSubmissions.Json(TestSubmissions.Valid()), 400, "idempotency_key_invalid", null, "abc"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_MalformedRequest_Returns4xxWithReasonAndWritesNothing(Case c)
    {
        var storage = new StorageProbe(azurite.ConnectionString);
        var applicationsBefore = await storage.CountRowsAsync("malformedApplications", StorageProbe.ApplicationRows);
        var keysBefore = await storage.CountRowsAsync("malformedIdempotencyKeys");

        var (status, problem) = await TestSubmissions.PostAsync(host.Http, c.Content(), c.IdempotencyKey);

        Assert.Equal(c.Status, status);
        Assert.Equal(c.Field is null ? c.Code : "validation_failed", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (c.Field is not null)
        {
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == c.Field);
            Assert.Equal(c.Code, error.GetProperty("code").GetString());
            Assert.Matches("[àáảãạăâđèéêìíòóôơùúưỳýộốồổỗớờởỡợứừửữựếềểễệấầẩẫậắằẳẵặịọụỉủũĩõẽẹỹỷỵ]", error.GetProperty("message").GetString()!.ToLowerInvariant());
        }

        Assert.Equal(applicationsBefore, await storage.CountRowsAsync("malformedApplications", StorageProbe.ApplicationRows));
        Assert.Equal(keysBefore, await storage.CountRowsAsync("malformedIdempotencyKeys"));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404WithCode()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/applications/aaaaaaaaaaaaaaaaaaaaaaaaaa");
        request.Headers.Add("X-Access-Token", "x");
        using var response = await host.Http.SendAsync(request);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }

    static JsonObject SetTwo(string f1, JsonNode v1, string f2, JsonNode v2)
    {
        var body = TestSubmissions.Valid();
        body[f1] = v1;
        body[f2] = v2;
        return body;
    }
}
