using System.Globalization;
using System.Text;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// <c>Content-Disposition: attachment</c> with a Vietnamese file name: <c>filename*=UTF-8''…</c> (RFC 5987 / 6266,
/// percent-encoded UTF-8) for browsers, and an ASCII <c>filename="…"</c> fallback without diacritics for the rest.
/// </summary>
public static class ContentDisposition
{
    /// <summary><c>attachment; filename="Bao cao ... 2025.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o...</c></summary>
    public static string Attachment(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        fileName = NsclWorkflows.Domain.Text.TextSafety.Clean(fileName, multiLine: false); // stored text: no lone surrogate may reach Normalize
        return $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{EncodeRfc5987(fileName)}";
    }

    /// <summary>Diacritics removed (đ → d), anything outside printable ASCII or unsafe in a quoted string replaced by "_".</summary>
    public static string AsciiFallback(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var decomposed = fileName.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            ascii.Append(ch is >= ' ' and <= '~' and not '"' and not '\\' and not '%' and not ';' ? ch : '_');
        }

        return ascii.ToString();
    }

    /// <summary>UTF-8 bytes percent-encoded except RFC 5987 attr-char (letters, digits, !#$&amp;+-.^_`|~).</summary>
    public static string EncodeRfc5987(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value.Normalize(NormalizationForm.FormC)))
        {
            var ch = (char)b;
            if (char.IsAsciiLetterOrDigit(ch) || "!#$&+-.^_`|~".Contains(ch, StringComparison.Ordinal))
            {
                encoded.Append(ch);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
