using System.IO.Compression;
using System.Text;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Attachments;

/// <summary>An attachment type the programme accepts, recognised by its content.</summary>
public sealed record AttachmentType(string Extension, string ContentType);

/// <summary>
/// What may be attached to an application: PDF, DOCX, JPG and PNG up to <see cref="MaxBytes"/>. The type is decided
/// by the content (magic bytes; for DOCX, a ZIP package holding <c>word/document.xml</c>), never by the file name, and
/// the stored name gets the extension of the recognised type.
/// </summary>
public static class AttachmentRules
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerApplication = 20;
    public const int MaxNameLength = 120;

    public static readonly AttachmentType Pdf = new("pdf", "application/pdf");
    public static readonly AttachmentType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly AttachmentType Jpeg = new("jpg", "image/jpeg");
    public static readonly AttachmentType Png = new("png", "image/png");

    static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type of <paramref name="content"/>, or null when it is none of the accepted ones.</summary>
    public static AttachmentType? Detect(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (span.StartsWith(PngMagic))
        {
            return Png;
        }

        if (span.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        return span.StartsWith(ZipMagic) && IsWordPackage(content) ? Docx : null;
    }

    static bool IsWordPackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// A safe stored name from what the user called the file: letters (Vietnamese included), digits, space, dot, dash and
    /// underscore kept, anything else replaced, the extension replaced by the detected type's. Null when nothing is left.
    /// </summary>
    public static string? SafeName(string? original, AttachmentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = TextSafety.Clean(original, multiLine: false).Normalize(NormalizationForm.FormC); // Normalize throws on U+FFFE, lone surrogates
        name = name[(Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var cleaned = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            cleaned.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_');
        }

        var result = cleaned.ToString().Trim(' ', '.', '_');
        if (result.Length == 0)
        {
            result = "tai-lieu";
        }

        var max = MaxNameLength - type.Extension.Length - 1;
        return (result.Length > max ? result[..max] : result) + "." + type.Extension;
    }

    /// <summary>True when <paramref name="name"/> is a name <see cref="SafeName"/> could have produced (for downloads).</summary>
    public static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength }
        && TextSafety.IsSafe(name)
        && name == name.Normalize(NormalizationForm.FormC)
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')
        && !name.StartsWith('.')
        && ContentTypeOf(name) is not null;

    /// <summary>The content type a stored name is served with.</summary>
    public static string? ContentTypeOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extension = name[(name.LastIndexOf('.') + 1)..];
        return new[] { Pdf, Docx, Jpeg, Png }.FirstOrDefault(t => t.Extension.Equals(extension, StringComparison.Ordinal))?.ContentType;
    }
}
