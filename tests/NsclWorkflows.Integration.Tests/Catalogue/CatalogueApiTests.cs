using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Catalogue;

[Collection(AzuriteCollection.Name)]
public class CatalogueApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetCatalogue_Anonymous_ListsLinesKindsAndTargetsAsPrinted()
    {
        var host = await azurite.SharedHostAsync("catalogueapi", TimeSpan.FromMinutes(10));

        var catalogue = await host.GetJsonAsync("/api/catalogue");

        var lines = catalogue.GetProperty("programme").GetProperty("budgetLines").EnumerateArray().ToList();
        Assert.Equal(["I", "II", "III", "IV", "V"], lines.Select(l => l.GetProperty("id").GetString()));
        var total = catalogue.GetProperty("programme").GetProperty("printedTotalRow");
        Assert.Equal(5310m, total.GetProperty("printedTotal").GetDecimal());
        var expert = catalogue.GetProperty("supportKinds").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "expert-training");
        Assert.Equal(20_000_000, expert.GetProperty("maxAmountVnd").GetInt64());
        Assert.Contains(catalogue.GetProperty("targets").EnumerateArray(), t => t.GetProperty("id").GetString() == "enterprises-supported");
    }

    [Fact]
    public async Task GetValidation_OfficerOnly_ReturnsTheReport()
    {
        var host = await azurite.SharedHostAsync("catalogueapi", TimeSpan.FromMinutes(10));

        using var anonymous = await host.Http.GetAsync("/api/catalogue/validation");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/validation");
        request.Headers.Add("X-Nscl-Dev-Officer", "officer.c; Admin");
        using var officer = await host.Http.SendAsync(request);
        var report = JsonDocument.Parse(await officer.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(report.GetProperty("loadable").GetBoolean());
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("lineId").GetString() == "total" && f.TryGetProperty("year", out var year) && year.GetInt32() == 2025 && f.GetProperty("acknowledged").GetBoolean());
    }

    [Fact]
    public async Task Host_CatalogueWithUnacknowledgedMismatch_RefusesToStartAndPrintsTheReport()
    {
        using var catalogue = await AmendedCatalogueFile.CreateAsync(c => c["acknowledgedMismatches"] = new JsonArray());
        await using var host = new LocalHostProcess(azurite.ConnectionString, "cataloguebroken", extra: catalogue.HostSetting);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.NotEqual(0, host.ExitCode);
        Assert.Contains("grand_total_mismatch", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1.680", failure.Message, StringComparison.Ordinal);
    }
}
