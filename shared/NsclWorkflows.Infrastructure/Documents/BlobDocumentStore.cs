using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// Documents as immutable blob versions: <c>{kind}/{scope}/{version:D4}{extension}</c> in the container
/// <c>{prefix}documents</c>. A version is uploaded only if its blob does not exist (If-None-Match: *), so nothing is
/// ever overwritten; two writers racing for the same number both succeed, one with the next number. Metadata
/// (ASCII only in blob storage) holds the Vietnamese file name and author percent-encoded.
/// </summary>
public sealed partial class BlobDocumentStore(BlobServiceClient service, IOptions<StorageOptions> options) : IDocumentStore
{
    public const string ContainerSuffix = "documents";
    const int MaxAttempts = 20;

    readonly CreatedOnce<BlobContainerClient> container = new(async () =>
    {
        var client = service.GetBlobContainerClient((options.Value.TablePrefix + ContainerSuffix).ToLowerInvariant());
        await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return client;
    });

    public Task<StoredDocument> AddVersionAsync(NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Content.Span));
        var content = BinaryData.FromBytes(document.Content);
        return AddVersionAsync(document, document.Content.Length, sha256, (blob, options, ct) => blob.UploadAsync(content, options, ct), cancellationToken);
    }

    /// <summary>Streams <paramref name="content"/> (seekable: hashed in one pass, then uploaded from its start) into the new version.</summary>
    public async Task<StoredDocument> AddVersionAsync(NewDocument document, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
        return await AddVersionAsync(document, content.Length, sha256, (blob, options, ct) =>
        {
            content.Position = 0;
            return blob.UploadAsync(content, options, ct);
        }, cancellationToken).ConfigureAwait(false);
    }

    async Task<StoredDocument> AddVersionAsync(
        NewDocument document, long length, string sha256, Func<BlobClient, BlobUploadOptions, CancellationToken, Task> upload, CancellationToken cancellationToken)
    {
        Check(document.Kind, document.Scope);
        var blobs = await container.GetAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var versions = await ListVersionsAsync(document.Kind, document.Scope, cancellationToken).ConfigureAwait(false);
            if (document.SourceId is { } source && versions.FirstOrDefault(v => v.SourceId == source) is { } existing)
            {
                return existing;
            }

            var stored = new StoredDocument(
                document.Kind, document.Scope, versions.Count == 0 ? 1 : versions[^1].Version + 1, document.FileName, document.ContentType,
                length, document.CreatedBy, document.CreatedAtUtc, document.SourceId, sha256);
            try
            {
                await upload(
                    blobs.GetBlobClient(BlobName(stored.Kind, stored.Scope, stored.Version, stored.FileName)),
                    new BlobUploadOptions
                    {
                        HttpHeaders = new BlobHttpHeaders { ContentType = document.ContentType },
                        Metadata = DocumentMetadata.From(stored),
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken).ConfigureAwait(false);
                return stored;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer took this number: list again and take the next one.
            }
        }

        throw new InvalidOperationException($"Could not store a new version of {document.Kind}/{document.Scope} after {MaxAttempts} attempts.");
    }

    public async Task<IReadOnlyList<StoredDocument>> ListVersionsAsync(string kind, string scope, CancellationToken cancellationToken)
    {
        Check(kind, scope);
        var blobs = await container.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredDocument>();
        await foreach (var item in blobs.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{kind}/{scope}/", cancellationToken).ConfigureAwait(false))
        {
            if (DocumentMetadata.Read(kind, scope, item.Metadata, item.Properties.ContentType, item.Properties.ContentLength ?? 0) is { } stored)
            {
                result.Add(stored);
            }
        }

        return result.OrderBy(d => d.Version).ToList();
    }

    public async Task<DocumentContent?> OpenLatestAsync(string kind, string scope, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(kind, scope, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? null : await OpenAsync(versions[^1], cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentContent?> OpenAsync(string kind, string scope, int version, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(kind, scope, cancellationToken).ConfigureAwait(false);
        return versions.FirstOrDefault(v => v.Version == version) is { } stored
            ? await OpenAsync(stored, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>"approval-decision/01J…/0003.docx".</summary>
    public static string BlobName(string kind, string scope, int version, string fileName) =>
        $"{kind}/{scope}/{version.ToString("D4", CultureInfo.InvariantCulture)}{Path.GetExtension(fileName).ToLowerInvariant()}";

    async Task<DocumentContent> OpenAsync(StoredDocument stored, CancellationToken cancellationToken)
    {
        var blobs = await container.GetAsync(cancellationToken).ConfigureAwait(false);
        var download = await blobs.GetBlobClient(BlobName(stored.Kind, stored.Scope, stored.Version, stored.FileName))
            .DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new DocumentContent(stored, download.Value.Content);
    }

    static void Check(string kind, string scope)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException($"Document kind '{kind}' must be lower-case letters, digits and dashes.", nameof(kind));
        }

        if (!ScopePattern().IsMatch(scope))
        {
            throw new ArgumentException($"Document scope '{scope}' must be letters, digits, '.', '_' or '-'.", nameof(scope));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ScopePattern();
}
