using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Attachments;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Attachments in the blob container <c>{prefix}attachments</c>, one virtual folder per application
/// (<c>{applicationId}/{name}</c>). Uploads never overwrite (If-None-Match: *). Who uploaded it and when are blob metadata.
/// The per-application limit is kept by numbered slots: before writing a file the upload creates an empty blob
/// <c>_slots/{applicationId}/{n}</c> (n below the limit) with If-None-Match: *, which only one request can do for each n,
/// so however many uploads race, at most <c>limit</c> hold a slot. A slot is given back when its file is not stored
/// (name taken, failure). A process killed between the two writes leaves a slot without a file: the application may then
/// take one file fewer (safe side), which an operator can repair by deleting the slot blob.
/// </summary>
public sealed class BlobAttachmentStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IAttachmentStore
{
    const string UploadedByKey = "uploadedby";
    const string DocumentKindKey = "documentkind";
    const string SlotKey = "slot";
    const string SlotPrefix = "_slots/";
    readonly CreatedOnce<BlobContainerClient> container = new(async () =>
    {
        var client = service.GetBlobContainerClient(options.Value.TableName("attachments"));
        await client.CreateIfNotExistsAsync(PublicAccessType.None);
        return client;
    });

    public Task<AttachmentAddOutcome> AddAsync(string applicationId, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy, int limit, CancellationToken cancellationToken) =>
        StoreAsync(applicationId, null, name, contentType, content, uploadedBy, limit, cancellationToken);

    /// <summary>The required document's id is blob metadata (<c>documentkind</c>), read back by <see cref="ListAsync"/>.</summary>
    public Task<AttachmentAddOutcome> AddRequiredDocumentAsync(string applicationId, string documentKind, string name, string contentType, ReadOnlyMemory<byte> content,
        string uploadedBy, int limit, CancellationToken cancellationToken) =>
        StoreAsync(applicationId, documentKind, name, contentType, content, uploadedBy, limit, cancellationToken);

    async Task<AttachmentAddOutcome> StoreAsync(string applicationId, string? documentKind, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy,
        int limit, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync(cancellationToken);
        if (await TakeSlotAsync(client, applicationId, name, limit, cancellationToken) is not { } slot)
        {
            return AttachmentAddOutcome.LimitReached;
        }

        var stored = false;
        try
        {
            await client.GetBlobClient(BlobName(applicationId, name)).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = Metadata(uploadedBy, slot.Name[(slot.Name.LastIndexOf('/') + 1)..], documentKind),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            stored = true;
            return AttachmentAddOutcome.Added;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return AttachmentAddOutcome.NameTaken;
        }
        finally
        {
            if (!stored)
            {
                await slot.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            }
        }
    }

    static Dictionary<string, string> Metadata(string uploadedBy, string slot, string? documentKind)
    {
        var metadata = new Dictionary<string, string> { [UploadedByKey] = Uri.EscapeDataString(uploadedBy), [SlotKey] = slot };
        if (documentKind is not null)
        {
            metadata[DocumentKindKey] = Uri.EscapeDataString(documentKind);
        }

        return metadata;
    }

    /// <summary>The slot blob this upload now holds, or null when all <paramref name="limit"/> slots are taken.</summary>
    static async Task<BlobClient?> TakeSlotAsync(BlobContainerClient client, string applicationId, string name, int limit, CancellationToken cancellationToken)
    {
        var prefix = SlotPrefix + applicationId + "/";
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            taken.Add(item.Name);
        }

        if (taken.Count == 0)
        {
            // Files stored before slots existed (no slot in their metadata) count as holding the first slots.
            var before = 0;
            await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = applicationId + "/", Traits = BlobTraits.Metadata }, cancellationToken))
            {
                before += item.Metadata.ContainsKey(SlotKey) ? 0 : 1;
            }

            for (var n = 0; n < Math.Min(before, limit); n++)
            {
                if (await TryCreateAsync(client.GetBlobClient(SlotName(prefix, n)), "(earlier file)", cancellationToken))
                {
                    taken.Add(SlotName(prefix, n));
                }
            }
        }

        for (var n = 0; n < limit; n++)
        {
            var slot = client.GetBlobClient(SlotName(prefix, n));
            if (!taken.Contains(slot.Name) && await TryCreateAsync(slot, name, cancellationToken))
            {
                return slot;
            }
        }

        return null;
    }

    static async Task<bool> TryCreateAsync(BlobClient slot, string name, CancellationToken cancellationToken)
    {
        try
        {
            await slot.UploadAsync(BinaryData.Empty, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { ["file"] = Uri.EscapeDataString(name) },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return false;
        }
    }

    static string SlotName(string prefix, int n) => prefix + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<StoredAttachment>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync(cancellationToken);
        var prefix = applicationId + "/";
        var list = new List<StoredAttachment>();
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            var by = item.Metadata.TryGetValue(UploadedByKey, out var b) ? Uri.UnescapeDataString(b) : string.Empty;
            list.Add(new StoredAttachment(Uri.UnescapeDataString(item.Name[prefix.Length..]), item.Properties.ContentType ?? "application/octet-stream",
                item.Properties.ContentLength ?? 0, item.Properties.CreatedOn ?? time.GetUtcNow(), by)
            {
                DocumentKind = item.Metadata.TryGetValue(DocumentKindKey, out var kind) ? Uri.UnescapeDataString(kind) : null,
            });
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
