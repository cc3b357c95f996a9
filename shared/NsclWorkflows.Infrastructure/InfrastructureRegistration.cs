using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Security;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure;

public static class InfrastructureRegistration
{
    /// <summary>Storage and security adapters. Both hosts call this through the application registration.</summary>
    public static IServiceCollection AddNsclInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                o.ConnectionString = configuration[StorageOptions.ConnectionSetting] ?? string.Empty;
                o.TablePrefix = configuration["Nscl:Storage:TablePrefix"] is { Length: > 0 } prefix ? prefix : o.TablePrefix;
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), $"Setting {StorageOptions.ConnectionSetting} is required.")
            .ValidateOnStart();
        services.AddOptions<AccessTokenOptions>()
            .Bind(configuration.GetSection(AccessTokenOptions.Section))
            .Validate(o => o.SigningKey.Length >= 32, $"Setting {AccessTokenOptions.Section}:SigningKey must hold at least 32 characters.")
            .ValidateOnStart();

        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<TableClientFactory>();
        services.AddSingleton<IApplicationRepository, TableApplicationRepository>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton(TimeProvider.System);
        services.AddNsclDocuments();
        return services;
    }
}
