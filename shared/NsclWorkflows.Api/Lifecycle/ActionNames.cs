using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>The URL names of the lifecycle actions (<c>/api/applications/{id}/actions/{name}</c>).</summary>
public static class ActionNames
{
    static readonly Dictionary<LifecycleAction, string> Names = new()
    {
        [LifecycleAction.AcceptCompleteness] = "accept-completeness",
        [LifecycleAction.RequestSupplementation] = "request-supplementation",
        [LifecycleAction.Resubmit] = "resubmit",
        [LifecycleAction.SubmitAppraisal] = "submit-appraisal",
        [LifecycleAction.Approve] = "approve",
        [LifecycleAction.Reject] = "reject",
        [LifecycleAction.SubmitCheckIn] = "submit-check-in",
        [LifecycleAction.ReviewCheckIn] = "review-check-in",
        [LifecycleAction.RequestExtension] = "request-extension",
        [LifecycleAction.DecideExtension] = "decide-extension",
        [LifecycleAction.SubmitFinalReport] = "submit-final-report",
        [LifecycleAction.Evaluate] = "evaluate",
        [LifecycleAction.Withdraw] = "withdraw",
        [LifecycleAction.Cancel] = "cancel",
    };

    static readonly Dictionary<string, LifecycleAction> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(LifecycleAction action) => Names[action];

    public static bool TryParse(string name, out LifecycleAction action) => ByName.TryGetValue(name, out action);

    public static IReadOnlyCollection<string> All => Names.Values;
}
