using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>The URL names of the lifecycle actions (<c>/api/applications/{id}/actions/{name}</c>), as each action declares it.</summary>
public static class ActionNames
{
    public static string Of(LifecycleAction action) => ActionCatalog.Of(action).UrlName;

    public static bool TryParse(string name, out LifecycleAction action)
    {
        var found = ActionCatalog.TryParse(name, out var definition);
        action = found ? definition.Action : default;
        return found;
    }

    public static IReadOnlyCollection<string> All { get; } = [.. ActionCatalog.All.Select(a => a.UrlName)];
}
