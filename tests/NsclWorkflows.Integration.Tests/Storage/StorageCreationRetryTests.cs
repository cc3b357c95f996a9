using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>
/// Tables and containers are created on first use; storage unreachable at that moment must not break every later call
/// for the life of the process (a failed creation is tried again). On Azurite, behind a transport whose first
/// requests fail as a network outage would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StorageCreationRetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TableClientFactory_CreationFailedOnce_SucceedsOnTheNextCall()
    {
        var outage = new OutageTransport(failures: 1);
        var factory = new TableClientFactory(
            new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Transport = outage, Retry = { MaxRetries = 0 } }),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "retry" + Guid.NewGuid().ToString("N")[..8] }));

        await Assert.ThrowsAnyAsync<Exception>(() => factory.GetAsync("Probe", CancellationToken.None));
        var table = await factory.GetAsync("Probe", CancellationToken.None);

        await table.UpsertEntityAsync(new TableEntity("p", "r"));
        Assert.Equal(1, outage.Failed);
    }

    [Fact]
    public async Task BlobDocumentStore_ContainerCreationFailedOnce_StoresOnTheNextCall()
    {
        var outage = new OutageTransport(failures: 1);
        var store = new BlobDocumentStore(
            new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions { Transport = outage, Retry = { MaxRetries = 0 } }),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "retry" + Guid.NewGuid().ToString("N")[..8] }));
        var document = new NewDocument(DocumentKinds.YearEndReport, "s1", "Báo cáo.docx", DocumentKinds.WordContentType, new byte[] { 1, 2, 3 },
            "Nguyễn Thị Hạnh", DateTimeOffset.UtcNow, "source-1");

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddVersionAsync(document, CancellationToken.None));
        var stored = await store.AddVersionAsync(document, CancellationToken.None);

        Assert.Equal(1, stored.Version);
    }

    /// <summary>The real HTTP transport, except that the first <c>failures</c> requests fail before leaving the process.</summary>
    sealed class OutageTransport(int failures) : HttpPipelineTransport
    {
        readonly HttpClientTransport inner = new();
        int remaining = failures;

        public int Failed { get; private set; }

        public override Request CreateRequest() => inner.CreateRequest();

        public override void Process(HttpMessage message)
        {
            Fail();
            inner.Process(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            Fail();
            await inner.ProcessAsync(message);
        }

        void Fail()
        {
            if (Interlocked.Decrement(ref remaining) >= 0)
            {
                Failed++;
                throw new HttpRequestException("Storage unreachable (simulated outage).");
            }
        }
    }
}
