using System.Text;
using System.Text.Json.Nodes;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Local.Email;

/// <summary>
/// The outbox as an HTML page. Every value is escaped; each message's HTML is shown in an <c>iframe</c> with an empty
/// <c>sandbox</c> (no scripts, no forms, no same-origin access) through <c>srcdoc</c>, and the page's Content Security
/// Policy forbids scripts as well, so a message cannot run code in the page.
/// </summary>
public static class OutboxPage
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' about:; base-uri 'none'; form-action 'none'";

    public static string Render(IReadOnlyList<CapturedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Hộp thư đi (môi trường phát triển)</title>
            <style>
            body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f2933;background:#f4f5f7}
            article{background:#fff;margin:0 0 24px 0;padding:16px;border:1px solid #d9e2ec}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px 0}dt{color:#52606d}dd{margin:0}
            iframe{width:100%;height:420px;border:1px solid #d9e2ec;background:#fff}pre{white-space:pre-wrap;background:#f4f5f7;padding:8px}
            </style></head><body>
            <h1>Hộp thư đi (môi trường phát triển)</h1>
            """);
        page.Append("<p>").Append(messages.Count).Append(" thư, mới nhất trước. Thư được ghi lại ở đây thay vì gửi đi (điểm nhận SendGrid giả lập).</p>\n");
        foreach (var message in messages)
        {
            Article(page, message);
        }

        page.Append("</body></html>\n");
        return page.ToString();
    }

    static void Article(StringBuilder page, CapturedMessage captured)
    {
        var m = captured.Message;
        var personalization = (m["personalizations"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var to = (personalization?["to"] as JsonArray)?.Select(Address) ?? [];
        var subject = personalization?["subject"]?.GetValue<string>() ?? m["subject"]?.GetValue<string>() ?? string.Empty;
        var args = (personalization?["custom_args"] as JsonObject)?.Select(a => $"{a.Key}={a.Value}") ?? [];
        var content = (m["content"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        string? Part(string type) => content.FirstOrDefault(c => c["type"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();

        page.Append("<article id=\"m-").Append(E(captured.Id)).Append("\">\n<h2>").Append(E(subject)).Append("</h2>\n<dl>");
        Row(page, "Thời gian", VietnameseFormat.Date(captured.ReceivedAtUtc) + " " + captured.ReceivedAtUtc.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Row(page, "Từ", Address(m["from"]));
        Row(page, "Đến", string.Join(", ", to));
        Row(page, "custom_args", string.Join(", ", args));
        page.Append("</dl>\n");
        if (Part("text/html") is { } html)
        {
            page.Append("<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"").Append(E(subject)).Append("\" srcdoc=\"")
                .Append(HtmlText.EscapeAttribute(html)).Append("\"></iframe>\n");
        }

        if (Part("text/plain") is { } text)
        {
            page.Append("<details><summary>Bản văn bản thuần</summary><pre>").Append(HtmlText.EscapeAttribute(text)).Append("</pre></details>\n");
        }

        page.Append("</article>\n");
    }

    static void Row(StringBuilder page, string label, string value) =>
        page.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    static string Address(JsonNode? node) => node is JsonObject a
        ? (a["name"]?.GetValue<string>() is { Length: > 0 } name ? $"{name} <{a["email"]}>" : a["email"]?.ToString() ?? string.Empty)
        : string.Empty;

    static string E(string value) => HtmlText.EscapeAttribute(value);
}
