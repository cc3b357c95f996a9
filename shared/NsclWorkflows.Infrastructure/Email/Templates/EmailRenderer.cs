using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>An e-mail ready to send: one-line subject, HTML body (values escaped), plain-text body.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>Renders an event's template with facts already formatted for people (<see cref="FactFormatter"/>).</summary>
public sealed partial class EmailRenderer(EmailTemplates templates)
{
    public RenderedEmail Render(NotificationEvent notificationEvent, IReadOnlyDictionary<string, string> formattedFacts)
    {
        var template = templates[notificationEvent];
        var subject = VietnameseText.NormaliseLine(template.Subject.Render(formattedFacts, TemplateEscaping.None));
        var html = template.Html.Render(formattedFacts, TemplateEscaping.Html);
        var text = BlankLines().Replace(template.Text.Render(formattedFacts, TemplateEscaping.None), "\n\n").Trim() + "\n";
        return new RenderedEmail(subject, html, text);
    }

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();
}
