using System.Globalization;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>A stored version's description as blob metadata (names are C# identifiers, values ASCII: text is percent-encoded).</summary>
static class DocumentMetadata
{
    const string Version = "version";
    const string FileName = "filename";
    const string CreatedBy = "createdby";
    const string CreatedAt = "createdat";
    const string SourceId = "sourceid";
    const string Sha256 = "sha256";

    public static Dictionary<string, string> From(StoredDocument document)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [Version] = document.Version.ToString(CultureInfo.InvariantCulture),
            [FileName] = Uri.EscapeDataString(document.FileName),
            [CreatedBy] = Uri.EscapeDataString(document.CreatedBy),
            [CreatedAt] = document.CreatedAtUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [Sha256] = document.Sha256,
        };
        if (document.SourceId is { } source)
        {
            metadata[SourceId] = Uri.EscapeDataString(source);
        }

        return metadata;
    }

    /// <summary>The stored version described by a blob's metadata, or null for a blob this store did not write.</summary>
    public static StoredDocument? Read(string kind, string scope, IDictionary<string, string> metadata, string? contentType, long length)
    {
        var m = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        if (!m.TryGetValue(Version, out var version) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !m.TryGetValue(FileName, out var fileName))
        {
            return null;
        }

        return new StoredDocument(
            kind,
            scope,
            number,
            Uri.UnescapeDataString(fileName),
            contentType ?? "application/octet-stream",
            length,
            m.TryGetValue(CreatedBy, out var by) ? Uri.UnescapeDataString(by) : string.Empty,
            m.TryGetValue(CreatedAt, out var at) ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : DateTimeOffset.MinValue,
            m.TryGetValue(SourceId, out var source) ? Uri.UnescapeDataString(source) : null,
            m.TryGetValue(Sha256, out var sha) ? sha : string.Empty);
    }
}
