namespace NsclWorkflows.Domain.Attachments;

/// <summary>One stored attachment of an application.</summary>
public sealed record StoredAttachment(string Name, string ContentType, long SizeBytes, DateTimeOffset UploadedAtUtc, string UploadedBy);

/// <summary>Attachments of applications (Blob storage in both hosts).</summary>
public interface IAttachmentStore
{
    /// <summary>Stores the file under its name; false when a file of that name already exists (nothing is overwritten).</summary>
    Task<bool> AddAsync(string applicationId, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAttachment>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>The file's content and type, or null when it does not exist.</summary>
    Task<(Stream Content, string ContentType)?> OpenAsync(string applicationId, string name, CancellationToken cancellationToken);
}
