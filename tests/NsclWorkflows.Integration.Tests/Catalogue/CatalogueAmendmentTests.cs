using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Catalogue;

[Collection(LongLifecycleCollection.Name)]
public class CatalogueAmendmentTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AmendedCatalogue_LoadsWithoutCode_AndLeavesEarlierApplicationsOnTheirVersion()
    {
        string earlierStatusUrl, earlierToken;
        await using (var before = new LocalHostProcess(azurite.ConnectionString, "amendment"))
        {
            await before.StartAsync();
            var (status, earlier) = await TestSubmissions.PostAsync(before.Http, TestSubmissions.Json(TestSubmissions.Valid()));
            Assert.Equal(201, status);
            earlierStatusUrl = earlier.GetProperty("statusUrl").GetString()!;
            earlierToken = earlier.GetProperty("accessToken").GetString()!;
            await before.TerminateAsync(TimeSpan.FromSeconds(30));
        }

        using var catalogue = await AmendedCatalogueFile.CreateAsync(c => c["version"] = "37-KH-UBND-2022.5-test");
        await using var after = new LocalHostProcess(azurite.ConnectionString, "amendment", extra: catalogue.HostSetting);
        await after.StartAsync();

        var (_, later) = await TestSubmissions.PostAsync(after.Http, TestSubmissions.Json(TestSubmissions.Valid()));
        var laterView = await after.GetJsonAsync(later.GetProperty("statusUrl").GetString()!, later.GetProperty("accessToken").GetString());
        var earlierView = await after.GetJsonAsync(earlierStatusUrl, earlierToken);

        Assert.Equal("37-KH-UBND-2022.5-test", laterView.GetProperty("catalogueVersion").GetString());
        Assert.Equal("37-KH-UBND-2022.5", earlierView.GetProperty("catalogueVersion").GetString());
    }
}
