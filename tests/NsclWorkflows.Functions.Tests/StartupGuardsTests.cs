using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Functions.Tests;

/// <summary>Development-only settings stop both hosts from starting anywhere else.</summary>
public sealed class StartupGuardsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Verify_TimeCompressionOutsideDevelopment_Refuses(string environment)
    {
        using var services = Services(authMode: "AppService", compressed: TimeSpan.FromSeconds(1));

        var error = Assert.Throws<InvalidOperationException>(() => StartupGuards.Verify(services, environment));

        Assert.Contains("CompressedWorkingDay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DevelopmentSignInInProduction_Refuses()
    {
        using var services = Services(authMode: "Development", compressed: null);

        var error = Assert.Throws<InvalidOperationException>(() => StartupGuards.Verify(services, "Production"));

        Assert.Contains("Nscl:Auth:Mode=Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_BothInDevelopment_Starts()
    {
        using var services = Services(authMode: "Development", compressed: TimeSpan.FromSeconds(1));

        StartupGuards.Verify(services, "Development");
    }

    [Fact]
    public void Verify_NeitherInProduction_Starts()
    {
        using var services = Services(authMode: "AppService", compressed: null);

        StartupGuards.Verify(services, "Production");
    }

    static ServiceProvider Services(string authMode, TimeSpan? compressed)
    {
        var services = new ServiceCollection();
        services.AddOptions<OfficerAuthOptions>().Configure(o => o.Mode = authMode);
        services.AddOptions<DeadlineOptions>().Configure(o => o.CompressedWorkingDay = compressed);
        return services.BuildServiceProvider();
    }
}
