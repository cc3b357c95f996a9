namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Where the application's own data lives. The connection string is the same <c>AzureWebJobsStorage</c> setting the
/// durable backend uses, so one storage account (Azurite locally) holds everything.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public const string TablePrefixSetting = "Nscl:Storage:TablePrefix";

    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Prefix for the table and container names (lower-case letters and digits), e.g. to separate environments.</summary>
    public string TablePrefix { get; set; } = "nscl";

    public string TableName(string name) => TablePrefix + name;
}
