using System.Net;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

public class HealthTests
{
    [Fact]
    public async Task Health_StorageGoesAway_Returns503NamingTheFailedComponent()
    {
        // Its own Azurite, so stopping it does not disturb the other tests.
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var host = new LocalHostProcess(azurite.ConnectionString, "healthdown");
        await host.StartAsync();

        await azurite.DisposeAsync();
        using var response = await host.Http.GetAsync("/api/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("storage").GetProperty("healthy").GetBoolean());
    }
}
