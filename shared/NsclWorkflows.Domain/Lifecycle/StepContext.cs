using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// One step being applied: the application, its kind's policy, the planner, the ledger's answer, and what the step
/// has said so far (notifications, refusal). The only place the lifecycle's state is changed from; the changes people
/// name (start a step, close the file, move to appraisal or implementation) are its methods.
/// </summary>
internal sealed class StepContext(Application application, SupportKind kind, StepCommand step, DeadlinePlanner planner, ProgrammeCatalogue catalogue)
{
    public Application Application { get; } = application;

    /// <summary>The status before the step (the audit entry's <see cref="AuditEntry.FromStatus"/>).</summary>
    public ApplicationStatus Before { get; } = application.Status;

    public LifecycleState State => Application.Lifecycle;

    public WorkflowPolicy Policy => Kind.Policy;

    public SupportKind Kind { get; } = kind;

    public StepCommand Step { get; } = step;

    public DeadlinePlanner Planner { get; } = planner;

    public ProgrammeCatalogue Catalogue { get; } = catalogue;

    public DateTimeOffset At => Step.AtUtc;

    /// <summary>The ledger's refusal of the step's movements, if any (an approval shows it to the leader).</summary>
    public LedgerResult? LedgerRefusal { get; init; }

    /// <summary>The decision register's entry for the step's decision (<see cref="Actions.ActionDefinition.RegistrationFor"/>), if it numbers one.</summary>
    public Decisions.RegisteredDecision? Registered { get; init; }

    public bool Applied { get; private set; } = true;

    public string? RefusalCode { get; private set; }

    public string? RefusalMessage { get; private set; }

    public List<NotificationRequest> Notifications { get; } = [];

    public void Refuse(string code, string message)
    {
        Applied = false;
        RefusalCode = code;
        RefusalMessage = message;
    }

    public void Notify(NotificationEvent evt, string occurrence, NotificationAudience audience, params (string Key, string Value)[] facts) =>
        Notifications.Add(Facts.Request(Application, evt, occurrence, audience, facts));

    public AuditEntry Audit(string kind, string actor, string detail, ApplicationStatus? before = null, string? role = null)
    {
        var from = before ?? Application.Status;
        return new AuditEntry(Application.Id, At, kind, actor, detail)
        {
            Role = role ?? (actor == LifecycleMachine.SystemActor ? LifecycleMachine.SystemActor : null),
            FromStatus = from.ToString(),
            ToStatus = Application.Status.ToString(),
        };
    }

    /// <summary>The audit entry of a person's action, from the status before it, with the actor's role.</summary>
    public AuditEntry Audit(ActionRequest request, string kind, string detail) => Audit(kind, request.ActorName, detail, Before, request.ActorRole);

    /// <summary>The decision of this step: its audit entry with what the context gathered.</summary>
    public Decision Decision(AuditEntry audit) => new(audit) { Notifications = Notifications, RefusalCode = RefusalCode, RefusalMessage = RefusalMessage };

    public void MoveTo(ApplicationStatus status) => Application.MoveTo(status, At);

    public void RecordDecision(string actor, string? note) => Application.RecordDecision(actor, note, At);

    public DateTimeOffset WorkingDays(int days) => Planner.WorkingDaysFrom(At, days);

    public void StartStep(DateTimeOffset dueUtc)
    {
        State.StepDueUtc = dueUtc;
        State.StepEscalations = 0;
    }

    public void Close(ApplicationStatus status, string? reason)
    {
        State.ClosingReason = reason;
        State.StepDueUtc = null;
        State.PendingExtension = null;
        MoveTo(status);
    }

    public void EnterAppraisal()
    {
        MoveTo(ApplicationStatus.UnderAppraisal);
        State.AppraisalsRequired = Math.Max(1, Policy.AppraisersRequired);
        // A file of a call is appraised with the others after the call's close: its time counts from the close.
        StartStep(State.CallClosesAtUtc is { } closes && closes > At
            ? Planner.WorkingDaysFrom(closes, Policy.AppraisalWorkingDays)
            : WorkingDays(Policy.AppraisalWorkingDays));
        Notify(NotificationEvent.AppraisalAssigned, "appraisal", NotificationAudience.Appraisers, (NotificationFacts.DueDate, Facts.Iso(State.StepDueUtc!.Value)));
    }

    /// <summary>Approved: the leaders sign the decision before the enterprise is told (a deadline, reminders, then escalation).</summary>
    public void AwaitSigning()
    {
        MoveTo(ApplicationStatus.AwaitingDecisionSigning);
        StartStep(WorkingDays(Policy.DecisionSigningWorkingDays));
    }

    /// <summary>The decision binds from <paramref name="fromUtc"/>: the check-ins are due every interval after it.</summary>
    public void StartImplementation(DateTimeOffset fromUtc)
    {
        State.CheckInsList.Clear();
        for (var i = 1; i <= Math.Max(1, Policy.CheckInCount); i++)
        {
            State.CheckInsList.Add(new CheckInRecord { Number = i, DueUtc = Planner.MonthsFrom(fromUtc, Policy.CheckInIntervalMonths * i), Status = CheckInStatus.Open });
        }

        State.CurrentCheckIn = 1;
        MoveTo(ApplicationStatus.InImplementation);
        StartStep(State.CheckIns[0].DueUtc);
    }

    /// <summary>A tranche committed and owed: payable now, to be paid by the accountant within the policy's <see cref="WorkflowPolicy.PaymentWorkingDays"/>.</summary>
    public PayableRecord AddPayable(int? checkIn, long amountVnd)
    {
        var payable = new PayableRecord
        {
            Id = checkIn is { } n ? $"checkin-{n}" : "final",
            CheckIn = checkIn,
            AmountVnd = amountVnd,
            PayableAtUtc = At,
            DueUtc = WorkingDays(Math.Max(1, Policy.PaymentWorkingDays)),
        };
        State.PayablesList.Add(payable);
        return payable;
    }

    /// <summary>
    /// A tranche committed: payable in this plan's ledger (<see cref="AddPayable"/>); for a file funded elsewhere (lồng
    /// ghép: no movement in this plan's ledger) recorded as disbursed on the file as before, and null.
    /// </summary>
    public PayableRecord? PayableOrPaidElsewhere(int? checkIn, long amountVnd)
    {
        if (State.MovesPlanMoney)
        {
            return AddPayable(checkIn, amountVnd);
        }

        State.DisbursedVnd += amountVnd;
        return null;
    }

    /// <summary>
    /// The evaluation is taken: the file closes as <paramref name="closed"/> when nothing is owed, else waits for the
    /// accountant's payments (<see cref="ApplicationStatus.AwaitingFinalPayment"/>) and closes with the last.
    /// </summary>
    public void CloseOrAwaitPayment(ApplicationStatus closed, string? reason)
    {
        if (!State.OpenPayables.Any())
        {
            Close(closed, reason);
            return;
        }

        State.ClosingReason = reason;
        State.StepDueUtc = null;
        State.PendingExtension = null;
        MoveTo(ApplicationStatus.AwaitingFinalPayment);
    }

    public void NextCheckInOrFinal()
    {
        if (State.CurrentCheckIn < State.CheckIns.Count)
        {
            State.CurrentCheckIn++;
            var next = State.Current!;
            if (next.DueUtc <= At)
            {
                next.DueUtc = WorkingDays(Policy.EscalationDelayWorkingDays);
            }

            StartStep(next.DueUtc);
            return;
        }

        State.CurrentCheckIn = State.CheckIns.Count + 1;
        State.FinalReportDueUtc = WorkingDays(Policy.FinalEvaluationWorkingDays);
        MoveTo(ApplicationStatus.AwaitingFinalEvaluation);
        StartStep(State.FinalReportDueUtc.Value);
        Notify(NotificationEvent.CheckInReminderBefore, "final-report-due", NotificationAudience.Enterprise,
            (NotificationFacts.PeriodName, AwaitedStep.PeriodName(State)), (NotificationFacts.DueDate, Facts.Iso(State.FinalReportDueUtc.Value)));
    }
}
