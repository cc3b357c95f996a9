namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// Where generated documents are kept: every save is a new, immutable version under (kind, scope), e.g.
/// ("approval-decision", application id) or ("year-end-report", "2025"); nothing is ever overwritten.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores <paramref name="document"/> as the next version. When <see cref="NewDocument.SourceId"/> is set and a
    /// version with that source already exists, returns that version and stores nothing (a re-executed activity).
    /// </summary>
    Task<StoredDocument> AddVersionAsync(NewDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AddVersionAsync(NewDocument, CancellationToken)"/>, with the content read from a seekable
    /// <paramref name="content"/> (e.g. a temporary file) instead of <see cref="NewDocument.Content"/>, so a large
    /// document is never held in memory. The default buffers it (for stores that only take bytes).
    /// </summary>
    async Task<StoredDocument> AddVersionAsync(NewDocument document, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.Position = 0;
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return await AddVersionAsync(document with { Content = buffer.ToArray() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every version, oldest first; empty when there is none.</summary>
    Task<IReadOnlyList<StoredDocument>> ListVersionsAsync(string kind, string scope, CancellationToken cancellationToken);

    /// <summary>The latest version with its content, or null when there is none. Dispose it to close the stream.</summary>
    Task<DocumentContent?> OpenLatestAsync(string kind, string scope, CancellationToken cancellationToken);

    /// <summary>One version with its content, or null when it does not exist.</summary>
    Task<DocumentContent?> OpenAsync(string kind, string scope, int version, CancellationToken cancellationToken);
}

/// <summary>
/// A document to store. <see cref="FileName"/> is what a person downloading it sees (Vietnamese allowed);
/// <see cref="SourceId"/> identifies what produced it (e.g. the orchestration instance) to make saving idempotent.
/// </summary>
public sealed record NewDocument(
    string Kind,
    string Scope,
    string FileName,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    string CreatedBy,
    DateTimeOffset CreatedAtUtc,
    string? SourceId = null);

/// <summary>One stored version: where it is, what it is, who made it and when; <see cref="Sha256"/> of the content (hex).</summary>
public sealed record StoredDocument(
    string Kind,
    string Scope,
    int Version,
    string FileName,
    string ContentType,
    long Length,
    string CreatedBy,
    DateTimeOffset CreatedAtUtc,
    string? SourceId,
    string Sha256);

/// <summary>A stored version and an open stream over its content.</summary>
public sealed class DocumentContent(StoredDocument document, Stream content) : IAsyncDisposable, IDisposable
{
    public StoredDocument Document { get; } = document;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
