using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Attachments;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Attachments in the blob container <c>{prefix}attachments</c>, one virtual folder per application
/// (<c>{applicationId}/{name}</c>). Uploads never overwrite (If-None-Match: *). Who uploaded it and when are blob metadata.
/// </summary>
public sealed class BlobAttachmentStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IAttachmentStore
{
    const string UploadedByKey = "uploadedby";
    readonly CreatedOnce<BlobContainerClient> container = new(async () =>
    {
        var client = service.GetBlobContainerClient(options.Value.TableName("attachments"));
        await client.CreateIfNotExistsAsync(PublicAccessType.None);
        return client;
    });

    public async Task<bool> AddAsync(string applicationId, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy, CancellationToken cancellationToken)
    {
        var blob = (await container.GetAsync(cancellationToken)).GetBlobClient(BlobName(applicationId, name));
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [UploadedByKey] = Uri.EscapeDataString(uploadedBy) },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StoredAttachment>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync(cancellationToken);
        var prefix = applicationId + "/";
        var list = new List<StoredAttachment>();
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            var by = item.Metadata.TryGetValue(UploadedByKey, out var b) ? Uri.UnescapeDataString(b) : string.Empty;
            list.Add(new StoredAttachment(Uri.UnescapeDataString(item.Name[prefix.Length..]), item.Properties.ContentType ?? "application/octet-stream",
                item.Properties.ContentLength ?? 0, item.Properties.CreatedOn ?? time.GetUtcNow(), by));
        }

        return list.OrderBy(a => a.UploadedAtUtc).ToList();
    }

    public async Task<(Stream Content, string ContentType)?> OpenAsync(string applicationId, string name, CancellationToken cancellationToken)
    {
        var blob = (await container.GetAsync(cancellationToken)).GetBlobClient(BlobName(applicationId, name));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return (download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    static string BlobName(string applicationId, string name) => applicationId + "/" + Uri.EscapeDataString(name);
}
