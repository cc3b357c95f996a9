using System.Text;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>
/// Escapes a value for HTML element text or a quoted attribute. Only the five significant characters are replaced,
/// so Vietnamese letters stay readable in the source of the e-mail; line breaks become <c>&lt;br&gt;</c>. Characters
/// <see cref="TextSafety"/> refuses (controls, noncharacters, lone surrogates, bidi and other format controls) are
/// dropped first: a value stored before the input rule existed must not reorder or hide what the recipient reads.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes for element text or a quoted attribute; line breaks become <c>&lt;br&gt;</c>.</summary>
    public static string Escape(string value) => Escape(value, lineBreaks: true);

    /// <summary>Escapes for a quoted attribute (e.g. a whole HTML document in <c>srcdoc</c>); line breaks are kept as they are.</summary>
    public static string EscapeAttribute(string value) => Escape(value, lineBreaks: false);

    static string Escape(string value, bool lineBreaks)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        foreach (var ch in TextSafety.Clean(value, multiLine: true))
        {
            _ = ch switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\n' when lineBreaks => builder.Append("<br>\n"),
                _ => builder.Append(ch),
            };
        }

        return builder.ToString();
    }
}
