namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>
/// One e-mail's templates: subject, HTML body and plain-text body. The file (<c>Templates/&lt;Event&gt;.email</c>) reads
/// <code>
/// Subject: [NSCL] Đã tiếp nhận hồ sơ {{trackingCode}}
/// --- html
/// &lt;p&gt;…&lt;/p&gt;
/// --- text
/// …
/// </code>
/// The bodies are placed in the shared layout (<c>_layout.html</c>, <c>_layout.txt</c>) where it says <c>{{&gt;content}}</c>.
/// </summary>
public sealed class EmailTemplate
{
    public const string ContentMarker = "{{>content}}";
    const string SubjectPrefix = "Subject:";
    const string HtmlMarker = "--- html";
    const string TextMarker = "--- text";

    EmailTemplate(TextTemplate subject, TextTemplate html, TextTemplate text)
    {
        Subject = subject;
        Html = html;
        Text = text;
    }

    public TextTemplate Subject { get; }

    public TextTemplate Html { get; }

    public TextTemplate Text { get; }

    /// <summary>Every name the three parts refer to.</summary>
    public IReadOnlySet<string> Names => new HashSet<string>(Subject.Names.Concat(Html.Names).Concat(Text.Names), StringComparer.Ordinal);

    public static EmailTemplate Parse(string name, string source, string htmlLayout, string textLayout)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(htmlLayout);
        ArgumentNullException.ThrowIfNull(textLayout);
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new TemplateException($"{name}: the first line must be '{SubjectPrefix} …'.");
        }

        var html = Array.IndexOf(lines, HtmlMarker);
        var text = Array.IndexOf(lines, TextMarker);
        if (html < 1 || text < html)
        {
            throw new TemplateException($"{name}: expected a '{HtmlMarker}' line, then a '{TextMarker}' line.");
        }

        if (lines[1..html].Any(l => l.Trim().Length > 0))
        {
            throw new TemplateException($"{name}: only the subject may stand before '{HtmlMarker}'.");
        }

        var subject = lines[0][SubjectPrefix.Length..].Trim();
        var htmlBody = string.Join('\n', lines[(html + 1)..text]).Trim('\n');
        var textBody = string.Join('\n', lines[(text + 1)..]).Trim('\n');
        return new EmailTemplate(
            TextTemplate.Parse(subject, name + " (subject)"),
            TextTemplate.Parse(InLayout(htmlLayout, htmlBody, name), name + " (html)"),
            TextTemplate.Parse(InLayout(textLayout, textBody, name), name + " (text)"));
    }

    static string InLayout(string layout, string body, string name) =>
        layout.Contains(ContentMarker, StringComparison.Ordinal)
            ? layout.Replace(ContentMarker, body, StringComparison.Ordinal)
            : throw new TemplateException($"{name}: the layout has no {ContentMarker}.");
}
