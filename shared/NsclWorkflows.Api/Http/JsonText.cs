using System.Text.Json;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Total versions of <see cref="JsonElement"/>'s getters: a JSON string may hold escapes that are no text (a lone
/// surrogate, <c>"\ud800"</c>), on which <see cref="JsonElement.GetString"/> throws, and a number may not fit
/// (<c>1e400</c>), on which <see cref="JsonElement.GetDecimal"/> throws.
/// </summary>
public static class JsonText
{
    /// <summary>The string, or false when the element is no string or its escapes do not decode to UTF-16 text.</summary>
    public static bool TryGetString(JsonElement element, out string value)
    {
        value = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The property's name, or false when its escapes do not decode.</summary>
    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }
}
