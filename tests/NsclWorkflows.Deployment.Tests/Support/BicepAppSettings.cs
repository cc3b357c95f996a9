using System.Text.Json.Nodes;

namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>
/// The Function App's app settings as the template deploys them (the <c>Microsoft.Web/sites/config</c> named
/// <c>appsettings</c>): names, and values as unevaluated ARM expressions or literals.
/// </summary>
static class BicepAppSettings
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync()
    {
        var template = await CompiledTemplate.TemplateAsync();
        var config = template.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("'appsettings'", StringComparison.Ordinal));
        return config.Properties.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty,
            StringComparer.OrdinalIgnoreCase);
    }
}
