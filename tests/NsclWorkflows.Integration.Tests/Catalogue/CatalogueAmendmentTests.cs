using System.Text.Json.Nodes;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Catalogue;

[Collection(AzuriteCollection.Name)]
public class CatalogueAmendmentTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AmendedCatalogue_LoadsWithoutCode_AndLeavesEarlierApplicationsOnTheirVersion()
    {
        string earlierStatusUrl;
        await using (var before = new LocalHostProcess(azurite.ConnectionString, "amendment"))
        {
            await before.StartAsync();
            var (status, earlier) = await TestSubmissions.PostAsync(before.Http, TestSubmissions.Json(TestSubmissions.Valid()));
            Assert.Equal(201, status);
            earlierStatusUrl = earlier.GetProperty("statusUrl").GetString()!;
            await before.TerminateAsync(TimeSpan.FromSeconds(30));
        }

        var amended = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "shared", "NsclWorkflows.Domain", "Catalogue", "catalogue.json")))!;
        amended["version"] = "37-KH-UBND-2022.2-test";
        var path = Path.Combine(Path.GetTempPath(), $"catalogue-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, amended.ToJsonString());
        try
        {
            await using var after = new LocalHostProcess(azurite.ConnectionString, "amendment",
                extra: new Dictionary<string, string> { ["Nscl__Catalogue__Path"] = path });
            await after.StartAsync();

            var (_, later) = await TestSubmissions.PostAsync(after.Http, TestSubmissions.Json(TestSubmissions.Valid()));
            var laterView = await after.GetJsonAsync(later.GetProperty("statusUrl").GetString()!);
            var earlierView = await after.GetJsonAsync(earlierStatusUrl);

            Assert.Equal("37-KH-UBND-2022.2-test", laterView.GetProperty("catalogueVersion").GetString());
            Assert.Equal("37-KH-UBND-2022.1", earlierView.GetProperty("catalogueVersion").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
