using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Infrastructure.Email;
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
                o.TablePrefix = configuration[StorageOptions.TablePrefixSetting] is { Length: > 0 } prefix ? prefix : o.TablePrefix;
            })
            .Validate(_ => StorageClients.IsConfigured(configuration),
                $"Setting {StorageOptions.ConnectionSetting} is required (a connection string, or identity-based {StorageOptions.ConnectionSetting}__tableServiceUri).")
            .ValidateOnStart();
        services.AddOptions<AccessTokenOptions>()
            .Bind(configuration.GetSection(AccessTokenOptions.Section))
            .Validate(o => !KeyVaultReference.IsUnresolved(o.SigningKey), KeyVaultReference.UnresolvedMessage($"{AccessTokenOptions.Section}:SigningKey"))
            .Validate(o => o.SigningKey.Length >= 32, $"Setting {AccessTokenOptions.Section}:SigningKey must hold at least 32 characters.")
            .ValidateOnStart();

        services.TryAddSingleton(sp => new StorageRequestCounter(sp.GetService<Microsoft.Extensions.Logging.ILogger<StorageRequestCounter>>()));
        services.AddSingleton(sp => StorageClients.CreateTableServiceClient(configuration, counter: sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton<TableClientFactory>();
        services.AddSingleton<TableApplicationRepository>();
        services.AddSingleton<IActivityRepository, TableActivityRepository>();
        services.AddSingleton<NsclWorkflows.Domain.Calls.ICallRepository, TableCallRepository>();
        services.AddSingleton<IApplicationRepository>(sp => sp.GetRequiredService<TableApplicationRepository>());
        services.AddSingleton<IApplicationDirectory>(sp => sp.GetRequiredService<TableApplicationRepository>());
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.RetentionHours > 0 && o.CleanupIntervalMinutes > 0, $"Settings {IdempotencyOptions.Section}:RetentionHours and CleanupIntervalMinutes must be positive.");
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IContactEmailQuota, TableContactEmailQuota>();
        services.AddSingleton<TableInbox>();
        services.AddSingleton<TableProgrammeAggregates>();
        services.AddSingleton<NsclWorkflows.Domain.Aggregates.IProgrammeAggregates>(sp => sp.GetRequiredService<TableProgrammeAggregates>());
        services.AddSingleton<NsclWorkflows.Domain.Inbox.IInboxReader>(sp => sp.GetRequiredService<TableInbox>());
        // The projection a recorded step brings up to date: the inbox (with its search rows), then the programme counters.
        services.AddSingleton<NsclWorkflows.Domain.Lifecycle.IInbox>(sp => new ApplicationProjections(
            sp.GetRequiredService<TableInbox>(), sp.GetRequiredService<TableProgrammeAggregates>()));
        services.TryAddSingleton(sp => BudgetPlan.From(sp.GetRequiredService<ProgrammeCatalogue>()));
        services.AddSingleton<IBudgetLedger, TableBudgetLedger>();
        // The allocation log lives with the balances it sets the ceilings of: always the ledger in use.
        services.AddSingleton(sp => sp.GetRequiredService<IBudgetLedger>() as IBudgetAllocations
            ?? throw new InvalidOperationException("The registered budget ledger does not keep allocations (IBudgetAllocations)."));
        services.AddSingleton<NsclWorkflows.Domain.Targets.IIndicatorValueStore, TableIndicatorValues>();
        services.AddSingleton<AccessTokens>();
        services.TryAddSingleton(sp => StorageClients.CreateBlobServiceClient(configuration, counter: sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton<NsclWorkflows.Domain.Attachments.IAttachmentStore, BlobAttachmentStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddNsclEmail(configuration);
        services.AddNsclDocuments();
        services.AddSingleton<NsclWorkflows.Domain.Lifecycle.IActionClaims, TableActionClaims>();
        services.AddSingleton<NsclWorkflows.Domain.Lifecycle.IPendingActions, TablePendingActions>();
        services.AddSingleton<NsclWorkflows.Domain.Decisions.IDecisionRegister, TableDecisionRegister>();
        return services;
    }
}
