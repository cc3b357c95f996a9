using System.Globalization;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>
/// Turns the raw facts of a request into what people read, by the ending of each name (the conventions are listed
/// on <see cref="NotificationFacts"/>). A value that does not parse throws <see cref="TemplateException"/>.
/// </summary>
public static class FactFormatter
{
    public static Dictionary<string, string> FormatAll(IReadOnlyDictionary<string, string> facts, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var formatted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in facts)
        {
            formatted[name] = Format(name, value, publicBaseUrl);
        }

        return formatted;
    }

    public static string Format(string name, string value, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        value = value.Trim();
        if (name.EndsWith("Date", StringComparison.Ordinal))
        {
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return VietnameseFormat.Date(day);
            }

            if (value.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return VietnameseFormat.Date(instant);
            }

            throw Malformed(name, value, "an ISO 8601 date (yyyy-MM-dd) or instant");
        }

        if (name.EndsWith("AmountVnd", StringComparison.Ordinal))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dong)
                ? VietnameseFormat.Dong(dong)
                : throw Malformed(name, value, "a whole number of đồng");
        }

        if (name.EndsWith("MillionVnd", StringComparison.Ordinal))
        {
            return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var millions)
                ? VietnameseFormat.MillionDong(millions)
                : throw Malformed(name, value, "a number of millions of đồng ('.' before decimals)");
        }

        if (name.EndsWith("Url", StringComparison.Ordinal) || name == NotificationFacts.Link)
        {
            return Link(name, value, publicBaseUrl);
        }

        return VietnameseText.NormaliseBlock(value);
    }

    static string Link(string name, string value, Uri publicBaseUrl)
    {
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
        {
            return publicBaseUrl.AbsoluteUri.TrimEnd('/') + value;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : throw Malformed(name, value, "an http(s) address or a path starting with '/'");
    }

    static TemplateException Malformed(string name, string value, string expected) =>
        new($"Fact '{name}' = '{Shorten(value)}' is not {expected}.");

    static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
