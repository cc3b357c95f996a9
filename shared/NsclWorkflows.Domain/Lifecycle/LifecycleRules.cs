using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Which actions each state allows, and who may take them: the one table the HTTP layer checks before an action
/// becomes an event, and the workflow relies on.
/// </summary>
public static class LifecycleRules
{
    static readonly ApplicationStatus[] BeforeApproval =
    [
        ApplicationStatus.Submitted, ApplicationStatus.AwaitingCompletenessReview, ApplicationStatus.SupplementationRequested,
        ApplicationStatus.UnderAppraisal, ApplicationStatus.AwaitingApproval,
    ];

    public static Actor ActorOf(LifecycleAction action) => action switch
    {
        LifecycleAction.Resubmit or LifecycleAction.SubmitCheckIn or LifecycleAction.RequestExtension
            or LifecycleAction.SubmitFinalReport or LifecycleAction.Withdraw => Actor.Enterprise,
        LifecycleAction.SubmitAppraisal => Actor.Appraiser,
        LifecycleAction.Approve or LifecycleAction.Reject or LifecycleAction.Evaluate or LifecycleAction.Cancel => Actor.Leader,
        _ => Actor.Officer,
    };

    /// <summary>The actions the application's state allows now (whoever takes them).</summary>
    public static IReadOnlyList<LifecycleAction> Allowed(ApplicationStatus status, ImplementationState? implementation = null)
    {
        var allowed = new List<LifecycleAction>();
        switch (status)
        {
            case ApplicationStatus.Submitted:
            case ApplicationStatus.AwaitingCompletenessReview:
                allowed.AddRange([LifecycleAction.AcceptCompleteness, LifecycleAction.RequestSupplementation]);
                break;
            case ApplicationStatus.SupplementationRequested:
                allowed.Add(LifecycleAction.Resubmit);
                break;
            case ApplicationStatus.UnderAppraisal:
                allowed.Add(LifecycleAction.SubmitAppraisal);
                break;
            case ApplicationStatus.AwaitingApproval:
                allowed.AddRange([LifecycleAction.Approve, LifecycleAction.Reject]);
                break;
            case ApplicationStatus.InImplementation:
                var state = implementation ?? ImplementationState.None;
                allowed.Add(state.ReportPending ? LifecycleAction.ReviewCheckIn : LifecycleAction.SubmitCheckIn);
                allowed.Add(state.ExtensionPending ? LifecycleAction.DecideExtension : LifecycleAction.RequestExtension);
                allowed.Add(LifecycleAction.Cancel);
                break;
            case ApplicationStatus.AwaitingFinalEvaluation:
                allowed.Add(implementation?.FinalReportSubmitted == true ? LifecycleAction.Evaluate : LifecycleAction.SubmitFinalReport);
                allowed.Add(LifecycleAction.Cancel);
                break;
            default:
                break;
        }

        if (BeforeApproval.Contains(status))
        {
            allowed.Add(LifecycleAction.Withdraw);
        }

        return allowed;
    }

    public static bool IsFinal(ApplicationStatus status) => status is ApplicationStatus.Completed or ApplicationStatus.Failed
        or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Cancelled or ApplicationStatus.Expired
        or ApplicationStatus.CompletenessAccepted;
}

/// <summary>Where an approved task stands between check-ins. Fields are only ever added.</summary>
public sealed record ImplementationState(int CheckIn, DateTimeOffset? DueUtc, bool ReportPending, bool ExtensionPending, bool FinalReportSubmitted)
{
    public static readonly ImplementationState None = new(0, null, false, false, false);
}
