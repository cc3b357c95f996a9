using NsclWorkflows.Infrastructure.Email;

namespace NsclWorkflows.Local.Email;

/// <summary>
/// In Development, e-mail goes to this host's own capture endpoint and links point at this host, unless
/// <c>Nscl:Email:BaseUrl</c> / <c>Nscl:Email:PublicBaseUrl</c> are set (e.g. to use the real SendGrid API).
/// </summary>
public static class DevelopmentEmailDefaults
{
    public static void AddDevelopmentEmailDefaults(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var own = OwnAddress(configuration[WebHostDefaults.ServerUrlsKey]);
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(configuration[$"{EmailOptions.Section}:BaseUrl"]))
        {
            defaults[$"{EmailOptions.Section}:BaseUrl"] = own + SendGridCaptureEndpoints.BasePath;
        }

        if (string.IsNullOrEmpty(configuration[$"{EmailOptions.Section}:PublicBaseUrl"]))
        {
            defaults[$"{EmailOptions.Section}:PublicBaseUrl"] = own;
        }

        if (defaults.Count > 0)
        {
            configuration.AddInMemoryCollection(defaults);
        }
    }

    /// <summary>The first listening address, with a wildcard host replaced by the loopback address.</summary>
    public static string OwnAddress(string? urls)
    {
        var first = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://127.0.0.1:7071";
        foreach (var wildcard in new[] { "://*:", "://+:", "://0.0.0.0:", "://[::]:" })
        {
            first = first.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
        }

        return first.TrimEnd('/');
    }
}
