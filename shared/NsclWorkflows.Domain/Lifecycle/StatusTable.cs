using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using static NsclWorkflows.Domain.Lifecycle.LifecycleAction;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>What happens when a step's deadline passes with nobody acting.</summary>
public enum DeadlinePath
{
    /// <summary>At the due time the file is withdrawn (the enterprise did not supplement it).</summary>
    WithdrawAtDue,

    /// <summary>Officers' steps: escalated at the due time, then every escalation delay again.</summary>
    EscalateAtDue,

    /// <summary>The enterprise's reports: escalated an escalation delay after the due time (reminders come first), then again.</summary>
    EscalateAfterGrace,
}

/// <summary>A notification of a step (a reminder or an escalation): its event(s), to whom, and the facts it needs beyond the due date.</summary>
public sealed record StepNotice(NotificationEvent Event, NotificationAudience Audience, Func<Application, (string Key, string Value)[]>? Facts = null)
{
    /// <summary>For reminders: the event on the due day and after it (the same event unless the step names others).</summary>
    public NotificationEvent? OnDue { get; init; }

    public NotificationEvent? After { get; init; }

    public NotificationEvent EventAt(int offsetDays) => offsetDays switch { < 0 => Event, 0 => OnDue ?? Event, _ => After ?? Event };

    public (string Key, string Value)[] FactsOf(Application application) => Facts?.Invoke(application) ?? [];
}

/// <summary>
/// What an application waits for in one status (or one phase of it, <see cref="When"/>): the step as people name it,
/// who is awaited, the officers' open task, the reminders and the escalation, the deadline's path, and the actions
/// the status offers (in the order pages show them; an action may need more, <see cref="Actions.ActionDefinition.Permits"/>).
/// </summary>
public sealed record Wait(Func<LifecycleState, string> Name, bool Enterprise, OpenTaskSpec? Task, DeadlinePath Path, IReadOnlyList<LifecycleAction> Actions)
{
    public Func<ImplementationState, bool> When { get; init; } = _ => true;

    /// <summary>Reminders before (and for the enterprise after) the due time; null: the inbox, then escalation.</summary>
    public StepNotice? Reminder { get; init; }

    /// <summary>Who is told when the deadline passes (null on <see cref="DeadlinePath.WithdrawAtDue"/>).</summary>
    public StepNotice? Escalation { get; init; }

    /// <summary>A second open task while the state says so (an extension request to decide).</summary>
    public (OpenTaskSpec Task, Func<LifecycleState, bool> When)? SideTask { get; init; }
}

/// <summary>An officers' task: which role acts on which step.</summary>
public sealed record OpenTaskSpec(string Role, string Step);

/// <summary>
/// The lifecycle, one declaration per status: read by <see cref="LifecycleRules"/> (allowed actions),
/// <see cref="AwaitedStep"/> (names, who is awaited), the open tasks, the reminders and the deadline paths
/// (<see cref="Deadlines"/>). A final status has no entry: nothing is awaited and nothing allowed.
/// </summary>
public static class StatusTable
{
    static readonly OpenTaskSpec CompletenessReview = new("Officer", "CompletenessReview");

    static readonly Wait Completeness = new(_ => "kiểm tra tính đầy đủ, hợp lệ của hồ sơ", false, CompletenessReview, DeadlinePath.EscalateAtDue,
        [AcceptCompleteness, RequestSupplementation, Withdraw])
    { Escalation = StepEscalated() };

    static readonly StepNotice EnterpriseReport = new(NotificationEvent.CheckInReminderBefore, NotificationAudience.Enterprise, Period)
    { OnDue = NotificationEvent.CheckInReminderDue, After = NotificationEvent.CheckInReminderOverdue };

    static readonly StepNotice ReportEscalated = new(NotificationEvent.CheckInEscalated, NotificationAudience.Officers, Period);

    static readonly Dictionary<ApplicationStatus, Wait[]> Entries = new()
    {
        [ApplicationStatus.Submitted] = [Completeness],
        [ApplicationStatus.AwaitingCompletenessReview] = [Completeness],
        [ApplicationStatus.SupplementationRequested] =
        [
            new(_ => "doanh nghiệp bổ sung hồ sơ", true, null, DeadlinePath.WithdrawAtDue, [Resubmit, Withdraw])
            {
                Reminder = new(NotificationEvent.SupplementationReminder, NotificationAudience.Enterprise,
                    a => [(NotificationFacts.MissingItems, string.Join('\n', a.Lifecycle.Supplementations[^1].MissingItems))]),
            },
        ],
        [ApplicationStatus.UnderAppraisal] =
        [
            new(_ => "thẩm định", false, new("Appraiser", "Appraisal"), DeadlinePath.EscalateAtDue, [SubmitAppraisal, Withdraw, RecordCouncilResult])
            {
                Reminder = new(NotificationEvent.AppraisalReminder, NotificationAudience.Appraisers),
                Escalation = new(NotificationEvent.AppraisalEscalated, NotificationAudience.HeadOfDivision),
            },
        ],
        [ApplicationStatus.AwaitingApproval] =
        [
            new(_ => "phê duyệt", false, new("Leader", "Approval"), DeadlinePath.EscalateAtDue, [Approve, Reject, Withdraw])
            {
                Reminder = new(NotificationEvent.ApprovalReminder, NotificationAudience.Leaders),
                Escalation = new(NotificationEvent.ApprovalEscalated, NotificationAudience.DirectorsOffice),
            },
        ],
        [ApplicationStatus.AwaitingDecisionSigning] =
        [
            new(_ => "ký, ban hành quyết định phê duyệt", false, new("Leader", "DecisionSigning"), DeadlinePath.EscalateAtDue, [RecordSignedDecision, Cancel])
            {
                Reminder = new(NotificationEvent.DecisionSigningReminder, NotificationAudience.Leaders),
                // The leaders' step: the Director's office is told (as for an overdue approval), not the head of division.
                Escalation = new(NotificationEvent.DecisionSigningEscalated, NotificationAudience.DirectorsOffice),
            },
        ],
        [ApplicationStatus.InImplementation] =
        [
            new(s => $"xem xét {AwaitedStep.PeriodName(s)}", false, new("Officer", "CheckInReview"), DeadlinePath.EscalateAtDue,
                [ReviewCheckIn, RequestExtension, DecideExtension, RecordPayment, Cancel])
            { When = s => s.ReportPending, Escalation = StepEscalated(), SideTask = ExtensionDecision },
            new(s => $"nộp {AwaitedStep.PeriodName(s)}", true, new("Officer", "AwaitingCheckIn"), DeadlinePath.EscalateAfterGrace,
                [SubmitCheckIn, RequestExtension, DecideExtension, RecordPayment, Cancel])
            { Reminder = EnterpriseReport, Escalation = ReportEscalated, SideTask = ExtensionDecision },
        ],
        [ApplicationStatus.AwaitingFinalEvaluation] =
        [
            new(_ => "đánh giá, nghiệm thu", false, new("Leader", "FinalEvaluation"), DeadlinePath.EscalateAtDue, [Evaluate, RecordPayment, Cancel, RecordCouncilEvaluation])
            { When = s => s.FinalReportSubmitted, Escalation = StepEscalated() },
            new(_ => "nộp báo cáo tổng kết", true, new("Officer", "AwaitingFinalReport"), DeadlinePath.EscalateAfterGrace, [SubmitFinalReport, RecordPayment, Cancel])
            { Reminder = EnterpriseReport, Escalation = ReportEscalated },
        ],
        [ApplicationStatus.AwaitingFinalPayment] =
        [
            // No step deadline of its own: each open payable is the accountant's task with its due-by date, reminders and
            // escalation (PaymentTask, PaymentReminder, PaymentEscalated), as it is in the statuses before.
            new(s => $"chi trả {s.OpenPayables.FirstOrDefault()?.Name ?? "kinh phí"}", false, null, DeadlinePath.EscalateAtDue, [RecordPayment]),
        ],
        [ApplicationStatus.AwaitingRecognitionSigning] =
        [
            // As the approval decision's signing: the leaders' step, reminded, then the Director's office told. The final
            // tranche (if any) is payable meanwhile.
            new(_ => "ký, ban hành quyết định công nhận kết quả thực hiện nhiệm vụ", false, new("Leader", "RecognitionSigning"), DeadlinePath.EscalateAtDue,
                [RecordSignedRecognition, RecordPayment])
            {
                Reminder = new(NotificationEvent.RecognitionSigningReminder, NotificationAudience.Leaders),
                Escalation = new(NotificationEvent.RecognitionSigningEscalated, NotificationAudience.DirectorsOffice),
            },
        ],
        [ApplicationStatus.AwaitingEnterpriseConfirmation] =
        [
            // Ordered or assigned: the enterprise confirms through its link (reminded with the same e-mail); not confirmed
            // by the due date, the Department stops processing.
            new(_ => "doanh nghiệp xác nhận nhận nhiệm vụ", true, null, DeadlinePath.WithdrawAtDue, [ConfirmAssignment, Withdraw])
            {
                Reminder = new(NotificationEvent.AssignmentOffered, NotificationAudience.Enterprise,
                    a => [(NotificationFacts.SelectionName, Applications.Selections.Vietnamese(a.Submission.Selection))]),
            },
        ],
    };

    /// <summary>
    /// The accountant's task for each payable tranche not paid yet (in any status it is open in), due by its due-by date:
    /// <see cref="PaymentReminder"/> before and on that day, then <see cref="PaymentEscalated"/> at it and every escalation delay after.
    /// </summary>
    public static readonly OpenTaskSpec PaymentTask = new("Accountant", "Payment");

    /// <summary>The reminder of an unpaid payable: to the unit's accountants.</summary>
    public static readonly StepNotice PaymentReminder = new(NotificationEvent.PaymentReminder, NotificationAudience.Accountants);

    /// <summary>An unpaid payable past its due-by date: to the head of division (as other officers' overdue steps).</summary>
    public static readonly StepNotice PaymentEscalated = new(NotificationEvent.StepEscalated, NotificationAudience.HeadOfDivision);

    static (OpenTaskSpec, Func<LifecycleState, bool>) ExtensionDecision => (new("Officer", "ExtensionDecision"), s => s.PendingExtension is not null);

    /// <summary>Every step an officer's open task can name (the inbox's step filter takes these and nothing else).</summary>
    public static IReadOnlyList<string> TaskSteps { get; } =
        [.. Entries.Values.SelectMany(w => w).Select(w => w.Task?.Step).OfType<string>().Append(ExtensionDecision.Item1.Step).Append(PaymentTask.Step)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>What the application waits for in <paramref name="status"/>; null in a final status.</summary>
    public static Wait? WaitOf(ApplicationStatus status, ImplementationState? implementation = null)
    {
        var state = implementation ?? ImplementationState.None;
        return Entries.TryGetValue(status, out var waits) ? waits.FirstOrDefault(w => w.When(state)) : null;
    }

    /// <summary>What <paramref name="application"/> waits for now; null when it is closed.</summary>
    public static Wait? WaitOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return WaitOf(application.Status, LifecycleMachine.ImplementationOf(application.Lifecycle));
    }

    /// <summary>Every status with an entry (the open ones).</summary>
    public static IEnumerable<ApplicationStatus> OpenStatuses => Entries.Keys;

    static StepNotice StepEscalated() =>
        new(NotificationEvent.StepEscalated, NotificationAudience.HeadOfDivision, a => [(NotificationFacts.StepName, AwaitedStep.Name(a))]);

    static (string Key, string Value)[] Period(Application a) => [(NotificationFacts.PeriodName, AwaitedStep.PeriodName(a.Lifecycle))];
}
