using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Deployment.Tests.Configuration;

/// <summary>
/// The app's storage clients come from AzureWebJobsStorage in both forms: a connection string locally (Azurite), and the
/// identity-based settings the template deploys (the account has no shared keys). No request is sent here.
/// </summary>
public sealed class StorageClientsTests
{
    const string ClientId = "00000000-0000-0000-0000-00000000c11d";

    [Fact]
    public void CreateTableServiceClient_ConnectionString_UsesItsAccount()
    {
        var client = StorageClients.CreateTableServiceClient(Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Equal("devstoreaccount1", client.AccountName);
        Assert.Equal(10002, client.Uri.Port);
    }

    [Fact]
    public void CreateServiceClients_IdentitySettings_UseTheServiceUris()
    {
        var configuration = Configuration(IdentitySettings());

        var tables = StorageClients.CreateTableServiceClient(configuration);
        var blobs = StorageClients.CreateBlobServiceClient(configuration);

        Assert.Equal(new Uri("https://stnscl.table.core.windows.net/"), tables.Uri);
        Assert.Equal("stnscl", tables.AccountName);
        Assert.Equal(new Uri("https://stnscl.blob.core.windows.net/"), blobs.Uri);
    }

    [Fact]
    public void CreateTableServiceClient_AccountNameOnly_UsesThePublicCloudEndpoint()
    {
        var client = StorageClients.CreateTableServiceClient(Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stother",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        }));

        Assert.Equal(new Uri("https://stother.table.core.windows.net/"), client.Uri);
    }

    [Fact]
    public void CreateTableServiceClient_NothingSet_NamesBothForms()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.CreateTableServiceClient(Configuration(new())));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
        Assert.False(StorageClients.IsConfigured(Configuration(new())));
    }

    [Fact]
    public async Task StartUp_IdentityBasedStorageWithoutConnectionString_StartsAndUsesTheTableServiceUri()
    {
        var settings = IdentitySettings();
        settings["Nscl:AccessLinks:SigningKey"] = TestHost.SigningKey;
        using var host = TestHost.Build(settings);

        await host.StartAsync();

        Assert.Equal(new Uri("https://stnscl.table.core.windows.net/"), host.Services.GetRequiredService<TableServiceClient>().Uri);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartUp_IdentityBasedStorage_DocumentsAndAttachmentsUseTheBlobServiceUri()
    {
        // Word documents and attachments once had their own blob client built from a connection string, which the
        // deployed app (identity-based settings, no connection string) does not have: every document would fail there.
        var settings = IdentitySettings();
        settings["Nscl:AccessLinks:SigningKey"] = TestHost.SigningKey;
        using var host = TestHost.Build(settings);

        await host.StartAsync();

        var blobs = host.Services.GetServices<Azure.Storage.Blobs.BlobServiceClient>().ToList();
        Assert.Single(blobs);
        Assert.Equal(new Uri("https://stnscl.blob.core.windows.net/"), blobs[0].Uri);
        Assert.NotNull(host.Services.GetRequiredService<NsclWorkflows.Domain.Documents.IDocumentStore>());
        Assert.NotNull(host.Services.GetRequiredService<NsclWorkflows.Domain.Attachments.IAttachmentStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task StartUp_NoStorageSetting_IsRefused()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["Nscl:AccessLinks:SigningKey"] = TestHost.SigningKey });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("AzureWebJobsStorage", StringComparison.Ordinal));
    }

    /// <summary>What infra/app/api.bicep sets (with <c>:</c> for <c>__</c>).</summary>
    static Dictionary<string, string?> IdentitySettings() => new()
    {
        ["AzureWebJobsStorage:accountName"] = "stnscl",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stnscl.blob.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stnscl.queue.core.windows.net/",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stnscl.table.core.windows.net/",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = ClientId,
    };

    static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
