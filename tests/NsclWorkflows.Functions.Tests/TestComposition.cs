using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The shared composition with harmless settings: nothing here connects to storage until used.</summary>
static class TestComposition
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Nscl:AccessLinks:SigningKey"] = "test-only-signing-key-0123456789abcdef",
        })
        .Build();

    public static ServiceProvider Services(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNsclApplication(Configuration());
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
