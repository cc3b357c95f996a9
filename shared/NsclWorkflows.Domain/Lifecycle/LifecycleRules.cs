using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle.Actions;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Which actions each state allows, and who may take them, as <see cref="StatusTable"/> and the actions
/// (<see cref="ActionCatalog"/>) declare them: what the HTTP layer checks before an action becomes an event, and the
/// machine checks again when it arrives.
/// </summary>
public static class LifecycleRules
{
    public static Actor ActorOf(LifecycleAction action) => ActionCatalog.Of(action).Actor;

    /// <summary>The file's next steps its state allows now (whoever takes them), in the order pages offer them.</summary>
    public static IReadOnlyList<LifecycleAction> Allowed(ApplicationStatus status, ImplementationState? implementation = null)
    {
        var state = implementation ?? ImplementationState.None;
        return StatusTable.WaitOf(status, state) is { } wait ? [.. wait.Actions.Where(a => ActionCatalog.Of(a).Permits(state))] : [];
    }

    /// <summary>The annotations (notes on the file) allowed now: in every open status, none once the file is closed.</summary>
    public static IReadOnlyList<LifecycleAction> Annotations(ApplicationStatus status) => IsFinal(status) ? [] : ActionCatalog.Annotations;

    /// <summary>Whether <paramref name="action"/> may be taken in this state: one of its next steps, or an annotation of an open file.</summary>
    public static bool Permits(ApplicationStatus status, ImplementationState? implementation, LifecycleAction action) =>
        Allowed(status, implementation).Contains(action) || Annotations(status).Contains(action);

    public static bool IsFinal(ApplicationStatus status) => status is ApplicationStatus.Completed or ApplicationStatus.Failed
        or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Cancelled or ApplicationStatus.Expired
        or ApplicationStatus.CompletenessAccepted;
}

/// <summary>Where an approved task stands between check-ins. Fields are only ever added.</summary>
public sealed record ImplementationState(int CheckIn, DateTimeOffset? DueUtc, bool ReportPending, bool ExtensionPending, bool FinalReportSubmitted)
{
    /// <summary>A tranche is payable and not paid yet (the accountant may record its payment).</summary>
    public bool PaymentPending { get; init; }

    public static readonly ImplementationState None = new(0, null, false, false, false);
}
