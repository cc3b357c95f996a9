using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NsclWorkflows.Api;

namespace NsclWorkflows.Deployment.Tests.Configuration;

/// <summary>A host with the shared composition and exactly the given settings, as the Functions worker builds it.</summary>
static class TestHost
{
    public const string SigningKey = "test-only-signing-key-0123456789abcdef";

    /// <summary>Settings every start needs that these tests are not about (e-mail), overridden by the test's own.</summary>
    static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Nscl:Email:SendGridApiKey"] = "test-key",
        ["Nscl:Email:From"] = "nscl@example.com",
        ["Nscl:Email:PublicBaseUrl"] = "https://nscl.example.com",
    };

    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Defaults);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddNsclApplication(builder.Configuration);
        return builder.Build();
    }
}
