using System.Text;

namespace NsclWorkflows.Domain.Text;

/// <summary>Text as it is stored: Unicode NFC, trimmed, inner runs of white space collapsed for one-line fields.</summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC-normalises and trims; collapses every run of white space (including new lines) to one space. Characters
    /// <see cref="TextSafety"/> refuses are dropped first (input is checked before; this keeps the function total:
    /// <see cref="string.Normalize()"/> throws on lone surrogates and U+FFFE).
    /// </summary>
    public static string NormaliseLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var nfc = TextSafety.Clean(value, multiLine: true).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var ch in nfc)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>NFC-normalises and trims a multi-line text; keeps line breaks (as \n), drops control characters and whatever else <see cref="TextSafety"/> refuses.</summary>
    public static string NormaliseBlock(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var nfc = TextSafety.Clean(value, multiLine: true).Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(nfc.Length);
        foreach (var ch in nfc)
        {
            if (ch == '\n' || ch == '\t' || !char.IsControl(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>True when the text holds a control character other than tab and line break.</summary>
    public static bool HasControlCharacters(string value) =>
        value.Any(ch => char.IsControl(ch) && ch != '\n' && ch != '\r' && ch != '\t');
}
