using System.Collections.Frozen;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>The e-mail templates shipped in this assembly (Email/Templates/*.email, embedded): one per <see cref="NotificationEvent"/>.</summary>
public sealed class EmailTemplates
{
    const string ResourcePrefix = "NsclWorkflows.Infrastructure.Email.Templates.";

    readonly FrozenDictionary<NotificationEvent, EmailTemplate> templates;

    EmailTemplates(FrozenDictionary<NotificationEvent, EmailTemplate> templates) => this.templates = templates;

    public EmailTemplate this[NotificationEvent notificationEvent] => templates[notificationEvent];

    /// <summary>Loads and parses every template; throws <see cref="TemplateException"/> if one is missing or malformed.</summary>
    public static EmailTemplates LoadEmbedded()
    {
        var htmlLayout = Read("_layout.html");
        var textLayout = Read("_layout.txt");
        var all = new Dictionary<NotificationEvent, EmailTemplate>();
        foreach (var e in Enum.GetValues<NotificationEvent>())
        {
            var file = e + ".email";
            all[e] = EmailTemplate.Parse(file, Read(file), htmlLayout, textLayout);
        }

        return new EmailTemplates(all.ToFrozenDictionary());
    }

    static string Read(string file)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new TemplateException($"The e-mail template {file} is not embedded in {typeof(EmailTemplates).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
