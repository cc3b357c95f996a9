using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure.Documents;

public static class DocumentRegistration
{
    /// <summary>The Word builder and the blob store of document versions (same storage account as the tables).</summary>
    public static IServiceCollection AddNsclDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<IDocumentStore, BlobDocumentStore>();
        services.AddSingleton<IOfficialDocumentBuilder, OfficialDocumentBuilder>();
        return services;
    }
}
