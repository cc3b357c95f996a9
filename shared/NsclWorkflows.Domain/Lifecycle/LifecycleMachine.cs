using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The lifecycle of one application as a state machine: given the stored application and a step (a person's action,
/// a passed deadline), what changes, which budget movements go with it, who is told, what is due next and when the
/// workflow must act on its own. Pure: time comes with the step, deadlines from the planner, rules from the catalogue.
/// Each action decides in its own file (<see cref="ActionCatalog"/>); what each status waits for is
/// <see cref="StatusTable"/>; this class checks and dispatches. Tested without storage or Durable.
/// </summary>
public sealed class LifecycleMachine(ProgrammeCatalogue catalogue, DeadlinePlanner planner)
{
    public const string SystemActor = "system";

    /// <summary>The refusal of an action taken on a version of the file that is no longer the current one.</summary>
    public const string StaleVersion = "stale_version";

    readonly Deadlines deadlines = new(catalogue, planner);

    /// <summary>
    /// The budget movements a step needs before it can be recorded (approval reserves; acceptance commits; endings
    /// release), as the action's decision will name them. None for a step the machine will refuse, or for an
    /// application funded elsewhere (<see cref="LifecycleState.IntegratedFundingFrom"/>).
    /// </summary>
    public IReadOnlyList<BudgetMovementRequest> LedgerMovesFor(Application application, StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(step);
        if (RecordedAlready(application, step) || step.Kind != StepKind.Action || step.Action is not { } action
            || TakenAlready(application, step) || Check(application, action, step.AtUtc) is not null)
        {
            return [];
        }

        return ActionCatalog.Of(action.Action).MovementsFor(action, application, step.AtUtc);
    }

    /// <summary>
    /// The decision a step enters in the decision register before it can be recorded (a signed decision's number), as
    /// the action declares it (<see cref="ActionDefinition.RegistrationFor"/>); null for a step that numbers none or
    /// that the machine will refuse, so a refused step never takes a number. The register is idempotent per
    /// application: a step run again gets the number it already has.
    /// </summary>
    public Decisions.DecisionRegistration? DecisionToRegister(Application application, StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(step);
        if (RecordedAlready(application, step) || step.Kind != StepKind.Action || step.Action is not { } action
            || TakenAlready(application, step) || Check(application, action, step.AtUtc) is not null)
        {
            return null;
        }

        return ActionCatalog.Of(action.Action).RegistrationFor(action, application, step.AtUtc);
    }

    /// <summary>
    /// Applies a step. Returns the audit entry to append with the change (null: nothing to write, the step was applied
    /// before) and the result the workflow continues from. <paramref name="ledgerRefusal"/> is the ledger's refusal of
    /// <see cref="LedgerMovesFor"/>, if any, and <paramref name="refusedMovement"/> the movement it refused: a refused
    /// reserve (approval), commit or disburse (check-in accepted, evaluation passed) refuses the step; a refused release
    /// (cancellation, failed or under-spent evaluation) does not hold the decision back and is recorded for officers.
    /// <paramref name="registered"/> is the register's entry for <see cref="DecisionToRegister"/>: a step that numbers a
    /// decision is refused without it.
    /// </summary>
    public (AuditEntry? Audit, StepResult Result) Apply(Application application, StepCommand step, LedgerResult? ledgerRefusal = null,
        BudgetMovementRequest? refusedMovement = null, Decisions.RegisteredDecision? registered = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(step);
        var state = application.Lifecycle;
        if (RecordedAlready(application, step))
        {
            // The step's activity ran again after its write: the same result, documents included.
            return (null, ResultOf(application, state.LastRefusalCode is null, state.LastNotifications, state.LastRefusalCode, state.LastRefusalMessage)
                with { Documents = state.LastDocuments, RetryDocuments = RetriesOf(application, step, state.LastDocuments) });
        }

        if (TakenAlready(application, step))
        {
            // The second copy of an action taken already (its event and its kept copy both came): nothing to write.
            return (null, ResultOf(application, applied: false, []));
        }

        var kind = catalogue.FindKind(application.Submission.SupportKindId)
            ?? throw new InvalidOperationException($"Support kind {application.Submission.SupportKindId} is not in the catalogue.");
        var context = new StepContext(application, kind, step, planner, catalogue) { LedgerRefusal = ledgerRefusal, Registered = registered };
        var decision = step.Kind switch
        {
            StepKind.Receive => SystemSteps.Receive(context),
            StepKind.DeadlinePassed => SystemSteps.DeadlinePassed(context),
            StepKind.NotificationFailed => SystemSteps.NotificationFailed(context),
            StepKind.DocumentFailed => SystemSteps.DocumentFailed(context),
            StepKind.InboxFailed => SystemSteps.InboxFailed(context),
            StepKind.ActionFailed => SystemSteps.ActionFailed(context),
            StepKind.Action => Act(context, step.Action ?? throw new ArgumentException("An action step needs its action.", nameof(step)), refusedMovement),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

        var documents = decision.Applied ? decision.Documents : [];
        application.MarkApplied(step.Sequence, step.AtUtc);
        if (step.Kind is StepKind.Action or StepKind.ActionFailed && step.Action?.ActionId is { } actionId)
        {
            state.MarkTaken(actionId);
        }

        state.OpenTasks = Deadlines.OpenTasksOf(application);
        state.LastNotifications = [.. decision.Notifications];
        state.LastDocuments = [.. documents];
        state.LastRefusalCode = decision.RefusalCode;
        state.LastRefusalMessage = decision.RefusalMessage;
        return (decision.Audit, ResultOf(application, decision.Applied, decision.Notifications, decision.RefusalCode, decision.RefusalMessage)
            with { Documents = documents, RetryDocuments = RetriesOf(application, step, documents) });
    }

    /// <summary>
    /// Whether the step's number was recorded already, so this is its activity running again. A person's action with an
    /// id the file has not taken is never that, whatever its number: after a host is killed in the middle of an episode
    /// the provider may deliver the dead episode's activity (a step recorded under number N) while the workflow, woken by
    /// another message, gives number N to a different action. Judged by number alone, that action would be answered with
    /// the other step's result, and its kept copy removed: an accepted payment silently dropped (issue 18). It is taken
    /// by its id instead (<see cref="TakenAlready"/> keeps it once).
    /// </summary>
    static bool RecordedAlready(Application application, StepCommand step) =>
        step.Sequence <= application.LastSequence
        && !(step.Kind is StepKind.Action or StepKind.ActionFailed && step.Action?.ActionId is { } id && !application.Lifecycle.HasTaken(id));

    /// <summary>A person's action whose id the file has taken already (its event and its kept copy both reached the workflow).</summary>
    static bool TakenAlready(Application application, StepCommand step) =>
        step.Kind is StepKind.Action or StepKind.ActionFailed && step.Action?.ActionId is { } id && application.Lifecycle.HasTaken(id);

    /// <summary>Where the application stands now (status, deadline path, reminders still to come), from stored state alone.</summary>
    public StepResult ResultOf(Application application, bool applied, IReadOnlyList<NotificationRequest> notifications,
        string? refusalCode = null, string? refusalMessage = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var next = deadlines.NextDeadline(application);
        return new StepResult(application.Status, applied, refusalCode, refusalMessage, next, deadlines.NudgesOf(application, next), notifications);
    }

    /// <summary>Whether <paramref name="action"/> is allowed in the application's current state.</summary>
    public static bool IsAllowedNow(Application application, LifecycleAction action)
    {
        ArgumentNullException.ThrowIfNull(application);
        return LifecycleRules.Permits(application.Status, ImplementationOf(application.Lifecycle), action);
    }

    /// <summary>The implementation state <see cref="LifecycleRules"/> needs, from the stored lifecycle.</summary>
    public static ImplementationState ImplementationOf(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = state.Current;
        return new ImplementationState(state.CurrentCheckIn, current?.DueUtc, current?.Status == CheckInStatus.Submitted, state.PendingExtension is not null,
            state.FinalReport is not null) { PaymentPending = state.OpenPayables.Any() };
    }

    /// <summary>Why the machine refuses <paramref name="action"/> now (code, message, audit kind); null when it takes it.</summary>
    (string Code, string Message, string AuditKind)? Check(Application application, ActionRequest action, DateTimeOffset atUtc)
    {
        if (IsStale(application, action))
        {
            return (StaleVersion, $"Hồ sơ đã thay đổi sau khi người thực hiện mở hồ sơ (phiên bản {action.ExpectedVersion}, hiện tại {application.Lifecycle.Version}); "
                + "thao tác không được thực hiện.", AuditKinds.ActionIgnored);
        }

        if (!IsAllowedNow(application, action.Action))
        {
            return ("invalid_transition", $"Thao tác {action.Action} không phù hợp với trạng thái \"{ApplicationStatusText.Vietnamese(application.Status)}\".", AuditKinds.ActionIgnored);
        }

        var definition = ActionCatalog.Of(action.Action);
        if (definition.IsAppraisal && Calls.CallRules.AppraisalRefusal(application.Lifecycle, atUtc) is { } stillOpen)
        {
            return (Calls.CallErrorCodes.CallStillOpen, stillOpen, AuditKinds.ActionIgnored);
        }

        var errors = definition.Validate(action, application, catalogue, atUtc);
        return errors.Count == 0 ? null : (errors[0].Code, string.Join(" ", errors.Select(e => e.Message)), definition.RefusalAuditKind);
    }

    /// <summary>Whether the action was taken on a version the file has moved on from (notes are never stale).</summary>
    static bool IsStale(Application application, ActionRequest action) =>
        action.ExpectedVersion is { } seen && seen != application.Lifecycle.Version && !ActionCatalog.Of(action.Action).IsAnnotation;

    Decision Act(StepContext c, ActionRequest action, BudgetMovementRequest? refusedMovement)
    {
        var a = c.Application;
        var before = a.Status;
        var check = Check(a, action, c.At);
        if (check?.Code != StaleVersion && !ActionCatalog.Of(action.Action).IsAnnotation)
        {
            a.Lifecycle.Version++; // this decision consumes the version it was taken on, applied or refused
        }

        if (check is { } refusal)
        {
            c.Refuse(refusal.Code, refusal.Message);
            return c.Decision(refusal.Code is "invalid_transition" or StaleVersion
                ? c.Audit(refusal.AuditKind, action.ActorName, refusal.Message)
                : c.Audit(refusal.AuditKind, action.ActorName, refusal.Message, before, action.ActorRole));
        }

        var definition = ActionCatalog.Of(action.Action);
        if (definition.RegistrationFor(action, a, c.At) is { } registration && !Matches(c.Registered, registration, a))
        {
            // Without its number the decision is not taken (nothing changes); the leader records it again.
            const string unnumbered = "Chưa lấy được số quyết định từ sổ văn bản; quyết định chưa được ghi nhận. Vui lòng thực hiện lại.";
            c.Refuse(DecisionNotRegistered, unnumbered);
            return c.Decision(c.Audit(AuditKinds.ActionIgnored, action.ActorName, unnumbered, before, action.ActorRole));
        }

        if (c.LedgerRefusal is not { Refused: true } ledgerRefusal || action.Action == LifecycleAction.Approve)
        {
            var decision = definition.Decide(c, action);
            if (decision.Applied)
            {
                a.Lifecycle.LastLedgerRefusal = null;
            }

            return decision;
        }

        // The ledger refused a movement of this step. Money the ledger does not back is not paid out: a refused commit
        // or disbursement refuses the step (nothing changes; the officer can act again once the ledger is put right,
        // and the movements already applied are replays then). A refused release does not hold back the decision
        // (cancellation, evaluation): the decision stands and the unreleased amount is recorded for reconciliation.
        var what = refusedMovement?.Reason ?? "Biến động kinh phí";
        var message = (ledgerRefusal.RefusalMessage ?? "Sổ kinh phí không ghi nhận khoản này.").TrimEnd('.');
        if (refusedMovement?.Kind is not (BudgetMovementKind.Release or BudgetMovementKind.Return))
        {
            var issue = $"{what}: chưa ghi được vào sổ kinh phí ({message}); thao tác chưa được ghi nhận.";
            a.Lifecycle.LastLedgerRefusal = issue;
            c.Refuse(ledgerRefusal.RefusalCode ?? "budget_refused", issue);
            return c.Decision(c.Audit(AuditKinds.LedgerRefused, action.ActorName, issue, a.Status, action.ActorRole));
        }

        var decided = definition.Decide(c, action);
        var note = $"{what}: chưa hủy tạm giữ được {Facts.Money(refusedMovement.AmountVnd)} trên sổ kinh phí ({message}); cần đối chiếu sổ kinh phí.";
        a.Lifecycle.LedgerIssuesList.Add(note);
        return decided with { Audit = decided.Audit with { Detail = $"{decided.Audit.Detail} {note}" } };
    }

    /// <summary>The refusal of a step that numbers a decision when the register's entry is missing or is another's.</summary>
    public const string DecisionNotRegistered = "decision_not_registered";

    static bool Matches(Decisions.RegisteredDecision? registered, Decisions.DecisionRegistration registration, Application application) =>
        registered is not null && registered.ApplicationId == application.Id && registered.Kind == registration.Kind && registered.Year == registration.Year;

    /// <summary>
    /// Documents that failed before, issued again with a step that moves the application (receipt, action, deadline),
    /// not with the steps that only record a failure (which would retry in a loop).
    /// </summary>
    static List<PendingDocument> RetriesOf(Application application, StepCommand step, IReadOnlyList<string> issuedNow) =>
        step.Kind is StepKind.Receive or StepKind.Action or StepKind.DeadlinePassed
            ? [.. application.Lifecycle.DocumentFailures.Where(f => !issuedNow.Contains(f.Kind)).Select(f => new PendingDocument(f.Kind, f.SourceId))]
            : [];
}
