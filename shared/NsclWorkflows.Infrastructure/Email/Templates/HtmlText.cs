using System.Text;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>
/// Escapes a value for HTML element text or a quoted attribute. Only the five significant characters are replaced,
/// so Vietnamese letters stay readable in the source of the e-mail; line breaks become <c>&lt;br&gt;</c>.
/// </summary>
public static class HtmlText
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        foreach (var ch in value.ReplaceLineEndings("\n"))
        {
            _ = ch switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\n' => builder.Append("<br>\n"),
                _ => builder.Append(ch),
            };
        }

        return builder.ToString();
    }
}
