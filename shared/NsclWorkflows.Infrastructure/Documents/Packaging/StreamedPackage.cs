using System.IO.Compression;

namespace NsclWorkflows.Infrastructure.Documents.Packaging;

/// <summary>
/// An Open XML package (.docx, .xlsx) written straight to a stream, one ZIP entry after the other, so a large part
/// (the document body, a worksheet of 100,000 rows) is deflated as it is written and never held in memory.
/// <para>
/// Why not the SDK's own package: System.IO.Packaging opens a seekable stream in ZIP update mode, which keeps every
/// part's uncompressed XML in memory until the package closes, and the SDK cannot write to a write-only package (it
/// reads the relationships back). So the small parts — content types, relationships, styles, headers, properties — are
/// made by the SDK in a small in-memory skeleton and copied as they are; the one large part is then written by the
/// caller (through <see cref="DocumentFormat.OpenXml.OpenXmlWriter"/>) into its own entry of a ZIP archive in create
/// mode, which needs no seeking: the destination may be a temporary file, a blob upload stream or an HTTP response.
/// </para>
/// </summary>
sealed class StreamedPackage : IDisposable
{
    readonly ZipArchive archive;
    bool closed;

    StreamedPackage(ZipArchive archive, Stream part)
    {
        this.archive = archive;
        Part = part;
    }

    /// <summary>The streamed part's content: write its XML here, then <see cref="Close"/>.</summary>
    public Stream Part { get; }

    /// <summary>
    /// Copies every entry of <paramref name="skeleton"/> (a complete package) to <paramref name="destination"/> except
    /// <paramref name="streamedEntry"/> ("word/document.xml"), whose content the caller then writes to <see cref="Part"/>.
    /// </summary>
    public static StreamedPackage Open(Stream destination, Stream skeleton, string streamedEntry)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(skeleton);
        skeleton.Position = 0;
        var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (string.Equals(entry.FullName, streamedEntry, StringComparison.Ordinal))
                {
                    continue;
                }

                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return new StreamedPackage(archive, archive.CreateEntry(streamedEntry, CompressionLevel.Optimal).Open());
    }

    /// <summary>Closes the streamed part and writes the ZIP directory: the destination then holds the whole file.</summary>
    public void Close()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        Part.Dispose();
        archive.Dispose();
    }

    public void Dispose() => Close();
}
