using System.Text.Json;

namespace NsclWorkflows.Domain.Activities;

/// <summary>The names of <see cref="ActivityOutputKind"/> in the catalogue and the API: camelCase (<c>classesHeld</c>).</summary>
public static class ActivityOutputKinds
{
    public static string Name(ActivityOutputKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static bool TryParse(string? name, out ActivityOutputKind kind)
    {
        foreach (var k in Enum.GetValues<ActivityOutputKind>())
        {
            if (string.Equals(Name(k), name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
