namespace NsclWorkflows.Domain.Attachments;

/// <summary>One stored attachment of an application.</summary>
public sealed record StoredAttachment(string Name, string ContentType, long SizeBytes, DateTimeOffset UploadedAtUtc, string UploadedBy)
{
    /// <summary>Which required document of the kind the file is (<see cref="Applications.ApplicationForm.RequiredDocumentsFor"/>); null for any other file.</summary>
    public string? DocumentKind { get; init; }
}

/// <summary>What became of an upload.</summary>
public enum AttachmentAddOutcome
{
    Added,

    /// <summary>A file of that name exists (nothing is overwritten); the quota slot was given back.</summary>
    NameTaken,

    /// <summary>The application already holds the most files it may: nothing was stored.</summary>
    LimitReached,
}

/// <summary>Attachments of applications (Blob storage in both hosts).</summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Stores the file under its name, if the application holds fewer than <paramref name="limit"/> files. The limit holds
    /// under concurrent uploads (the store takes a numbered slot atomically before writing the file).
    /// </summary>
    Task<AttachmentAddOutcome> AddAsync(string applicationId, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AddAsync"/> for a file that is one of the kind's required documents (<paramref name="documentKind"/>,
    /// kept with the file). A store that keeps no such mark stores the file only.
    /// </summary>
    Task<AttachmentAddOutcome> AddRequiredDocumentAsync(string applicationId, string documentKind, string name, string contentType, ReadOnlyMemory<byte> content,
        string uploadedBy, int limit, CancellationToken cancellationToken) =>
        AddAsync(applicationId, name, contentType, content, uploadedBy, limit, cancellationToken);

    Task<IReadOnlyList<StoredAttachment>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>The file's content and type, or null when it does not exist.</summary>
    Task<(Stream Content, string ContentType)?> OpenAsync(string applicationId, string name, CancellationToken cancellationToken);
}
