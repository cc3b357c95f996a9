using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure.Documents;

public static class DocumentRegistration
{
    /// <summary>
    /// The Word builder and the blob store of document versions, on the app's one <see cref="Azure.Storage.Blobs.BlobServiceClient"/>
    /// (<see cref="StorageClients.CreateBlobServiceClient"/>: a connection string locally, the identity-based settings in Azure).
    /// </summary>
    public static IServiceCollection AddNsclDocuments(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentStore, BlobDocumentStore>();
        services.AddSingleton<IOfficialDocumentBuilder, OfficialDocumentBuilder>();
        return services;
    }
}
