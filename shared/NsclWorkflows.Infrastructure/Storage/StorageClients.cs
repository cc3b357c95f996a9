using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Storage clients from the <c>AzureWebJobsStorage</c> connection, in either form the Functions host accepts: a
/// connection string (Azurite locally), or identity-based settings as deployed to Azure, where the account has no
/// shared keys: <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__blobServiceUri</c> (or <c>__accountName</c>),
/// <c>__credential=managedidentity</c> and <c>__clientId</c> of the user-assigned identity.
/// </summary>
public static class StorageClients
{
    const string TableServiceUriKey = "tableServiceUri";
    const string BlobServiceUriKey = "blobServiceUri";
    const string AccountNameKey = "accountName";
    const string CredentialKey = "credential";
    const string ClientIdKey = "clientId";
    const string ManagedIdentity = "managedidentity";

    /// <summary>True when the connection is set in either form.</summary>
    public static bool IsConfigured(IConfiguration configuration, string connectionName = StorageOptions.ConnectionSetting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetSection(connectionName);
        return !string.IsNullOrWhiteSpace(connection.Value)
            || !string.IsNullOrWhiteSpace(connection[TableServiceUriKey])
            || !string.IsNullOrWhiteSpace(connection[AccountNameKey]);
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, string connectionName = StorageOptions.ConnectionSetting,
        StorageRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetSection(connectionName);
        var options = new TableClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter.Policy("app", "table"), HttpPipelinePosition.PerRetry);
        }

        return connection.Value is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(ServiceUri(connection, TableServiceUriKey, "table"), Credential(connection), options);
    }

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, string connectionName = StorageOptions.ConnectionSetting,
        StorageRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetSection(connectionName);
        var options = new BlobClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter.Policy("app", "blob"), HttpPipelinePosition.PerRetry);
        }

        return connection.Value is { Length: > 0 } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(ServiceUri(connection, BlobServiceUriKey, "blob"), Credential(connection), options);
    }

    static Uri ServiceUri(IConfigurationSection connection, string uriKey, string service)
    {
        if (connection[uriKey] is { Length: > 0 } uri)
        {
            return new Uri(uri, UriKind.Absolute);
        }

        // Public cloud only, as the Functions host assumes for __accountName.
        return connection[AccountNameKey] is { Length: > 0 } account
            ? new Uri($"https://{account}.{service}.core.windows.net/")
            : throw new InvalidOperationException(
                $"Setting {connection.Path} is required: a connection string, or identity-based settings "
                + $"{connection.Path}__{uriKey} (or __{AccountNameKey}), __{CredentialKey}=managedidentity and __{ClientIdKey}.");
    }

    static TokenCredential Credential(IConfigurationSection connection)
    {
        var clientId = connection[ClientIdKey];
        if (string.Equals(connection[CredentialKey], ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        // Not pinned to a managed identity (e.g. a developer signed in with az login against a real account).
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
