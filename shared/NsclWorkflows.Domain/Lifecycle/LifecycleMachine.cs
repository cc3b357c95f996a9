using System.Globalization;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The lifecycle of one application as a state machine: given the stored application and a step (a person's action,
/// a passed deadline), what changes, which budget movements go with it, who is told, what is due next and when the
/// workflow must act on its own. Pure: time comes with the step, deadlines from the planner, rules from the catalogue.
/// The workflow only waits and calls; every decision is here, tested without storage or Durable.
/// </summary>
public sealed class LifecycleMachine(ProgrammeCatalogue catalogue, DeadlinePlanner planner)
{
    public const string SystemActor = "system";

    /// <summary>
    /// The budget movements a step needs before it can be recorded (approval reserves; acceptance commits; endings
    /// release). None for an application funded elsewhere (<see cref="LifecycleState.IntegratedFundingFrom"/>).
    /// </summary>
    public static IReadOnlyList<BudgetMovementRequest> LedgerMovesFor(Application application, StepCommand step)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(step);
        var state = application.Lifecycle;
        if (step.Sequence <= application.LastSequence || step.Kind != StepKind.Action || step.Action is not { } action
            || !IsAllowedNow(application, action.Action) || !state.MovesPlanMoney)
        {
            // Nothing to move: an old or refused step, or support funded from another programme (lồng ghép), whose
            // lifecycle runs here with no movement in this plan's ledger.
            return [];
        }

        var id = application.Id;
        var approval = state.Approval;
        switch (action.Action)
        {
            case LifecycleAction.Approve when OverCap(state, action.AmountVnd) is not null:
                return []; // refused by the machine: nothing reserved
            case LifecycleAction.Approve:
                var year = action.BudgetYear ?? step.AtUtc.ToOffset(DeadlinePlanner.VietnamOffset).Year;
                return [Move(id, "reserve", new BudgetKey(state.BudgetLineId, year), BudgetMovementKind.Reserve, action.AmountVnd ?? 0, action, "Phê duyệt hỗ trợ", step.AtUtc)];
            case LifecycleAction.ReviewCheckIn when action.Positive == true && approval is not null && state.Current is { } checkIn:
                var tranche = TrancheFor(state, approval);
                return tranche <= 0 ? [] :
                [
                    Move(id, $"commit-{checkIn.Number}", Key(state, approval), BudgetMovementKind.Commit, tranche, action, $"Chấp nhận báo cáo kỳ {checkIn.Number}", step.AtUtc),
                    Move(id, $"disburse-{checkIn.Number}", Key(state, approval), BudgetMovementKind.Disburse, tranche, action, $"Giải ngân đợt {checkIn.Number}", step.AtUtc),
                ];
            case LifecycleAction.Evaluate when approval is not null:
                var reserved = approval.AmountVnd - state.CommittedVnd;
                if (action.Positive != true)
                {
                    return reserved <= 0 ? [] : [Move(id, "release-failed", Key(state, approval), BudgetMovementKind.Release, reserved, action, "Nghiệm thu không đạt", step.AtUtc)];
                }

                var finalAmount = Math.Min(action.AmountVnd ?? approval.AmountVnd, approval.AmountVnd);
                var last = Math.Max(0, finalAmount - state.CommittedVnd);
                var moves = new List<BudgetMovementRequest>();
                if (last > 0)
                {
                    moves.Add(Move(id, "commit-final", Key(state, approval), BudgetMovementKind.Commit, last, action, "Nghiệm thu đạt: đợt cuối", step.AtUtc));
                    moves.Add(Move(id, "disburse-final", Key(state, approval), BudgetMovementKind.Disburse, last, action, "Giải ngân đợt cuối", step.AtUtc));
                }

                if (reserved - last > 0)
                {
                    moves.Add(Move(id, "release-final", Key(state, approval), BudgetMovementKind.Release, reserved - last, action, "Kinh phí không sử dụng hết", step.AtUtc));
                }

                return moves;
            case LifecycleAction.Cancel when approval is not null && approval.AmountVnd - state.CommittedVnd > 0:
                return [Move(id, "release-cancel", Key(state, approval), BudgetMovementKind.Release, approval.AmountVnd - state.CommittedVnd, action, "Hủy nhiệm vụ: " + (action.Note ?? string.Empty), step.AtUtc)];
            default:
                return [];
        }
    }

    /// <summary>
    /// Applies a step. Returns the audit entry to append with the change (null: nothing to write, the step was applied
    /// before) and the result the workflow continues from. <paramref name="ledgerRefusal"/> is the ledger's refusal of
    /// <see cref="LedgerMovesFor"/>, if any, and <paramref name="refusedMovement"/> the movement it refused: a refused
    /// reserve (approval), commit or disburse (check-in accepted, evaluation passed) refuses the step; a refused release
    /// (cancellation, failed or under-spent evaluation) does not hold the decision back and is recorded for officers.
    /// </summary>
    public (AuditEntry? Audit, StepResult Result) Apply(Application application, StepCommand step, LedgerResult? ledgerRefusal = null,
        BudgetMovementRequest? refusedMovement = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(step);
        var state = application.Lifecycle;
        if (step.Sequence <= application.LastSequence)
        {
            // The step's activity ran again after its write: the same result, documents included.
            return (null, ResultOf(application, state.LastRefusalCode is null, state.LastNotifications, state.LastRefusalCode, state.LastRefusalMessage)
                with { Documents = state.LastDocuments, RetryDocuments = RetriesOf(application, step, state.LastDocuments) });
        }

        var kind = catalogue.FindKind(application.Submission.SupportKindId)
            ?? throw new InvalidOperationException($"Support kind {application.Submission.SupportKindId} is not in the catalogue.");
        var context = new StepContext(application, kind.Policy, kind, step);
        var audit = step.Kind switch
        {
            StepKind.Receive => Receive(context),
            StepKind.DeadlinePassed => DeadlinePassed(context),
            StepKind.NotificationFailed => NotificationFailed(context),
            StepKind.DocumentFailed => DocumentFailed(context),
            StepKind.InboxFailed => InboxFailed(context),
            StepKind.Action => Act(context, step.Action ?? throw new ArgumentException("An action step needs its action.", nameof(step)), ledgerRefusal, refusedMovement),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

        var documents = context.Applied && step.Action is { } done ? DocumentsOf(application, done.Action) : [];
        application.MarkApplied(step.Sequence, step.AtUtc);
        state.OpenTasks = OpenTasksOf(application);
        state.LastNotifications = context.Notifications;
        state.LastDocuments = documents;
        state.LastRefusalCode = context.RefusalCode;
        state.LastRefusalMessage = context.RefusalMessage;
        return (audit, ResultOf(application, context.Applied, context.Notifications, context.RefusalCode, context.RefusalMessage)
            with { Documents = documents, RetryDocuments = RetriesOf(application, step, documents) });
    }

    /// <summary>
    /// Documents that failed before, issued again with a step that moves the application (receipt, action, deadline),
    /// not with the steps that only record a failure (which would retry in a loop).
    /// </summary>
    static List<PendingDocument> RetriesOf(Application application, StepCommand step, IReadOnlyList<string> issuedNow) =>
        step.Kind is StepKind.Receive or StepKind.Action or StepKind.DeadlinePassed
            ? [.. application.Lifecycle.DocumentFailures.Where(f => !issuedNow.Contains(f.Kind)).Select(f => new PendingDocument(f.Kind, f.SourceId))]
            : [];

    /// <summary>Where the application stands now (status, deadline path, reminders still to come), from stored state alone.</summary>
    public StepResult ResultOf(Application application, bool applied, IReadOnlyList<NotificationRequest> notifications,
        string? refusalCode = null, string? refusalMessage = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var next = NextDeadline(application);
        return new StepResult(application.Status, applied, refusalCode, refusalMessage, next, NudgesOf(application, next), notifications);
    }

    /// <summary>The documents an applied action issues.</summary>
    static List<string> DocumentsOf(Application a, LifecycleAction action) => action switch
    {
        LifecycleAction.SubmitAppraisal when a.Status == ApplicationStatus.AwaitingApproval => [Documents.DocumentKinds.AppraisalRecord],
        LifecycleAction.Approve => [Documents.DocumentKinds.ApprovalDecision],
        LifecycleAction.Evaluate => [Documents.DocumentKinds.EvaluationMinutes],
        _ => [],
    };

    /// <summary>Whether <paramref name="action"/> is allowed in the application's current state.</summary>
    public static bool IsAllowedNow(Application application, LifecycleAction action)
    {
        ArgumentNullException.ThrowIfNull(application);
        return LifecycleRules.Allowed(application.Status, ImplementationOf(application.Lifecycle)).Contains(action);
    }

    /// <summary>The implementation state <see cref="LifecycleRules"/> needs, from the stored lifecycle.</summary>
    public static ImplementationState ImplementationOf(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = state.Current;
        return new ImplementationState(
            state.CurrentCheckIn,
            current?.DueUtc,
            current?.Status == CheckInStatus.Submitted,
            state.PendingExtension is not null,
            state.FinalReport is not null);
    }

    AuditEntry Receive(StepContext c)
    {
        var a = c.Application;
        var state = a.Lifecycle;
        a.RouteTo(catalogue, c.Kind);
        if (a.Status == ApplicationStatus.Submitted)
        {
            a.AcknowledgeReceipt(c.At);
        }

        a.MoveTo(ApplicationStatus.AwaitingCompletenessReview, c.At);
        StartStep(state, a.CompletenessDeadlineUtc);
        c.Notify(NotificationEvent.Receipt, "receipt", NotificationAudience.Enterprise, (NotificationFacts.DueDate, Iso(a.CompletenessDeadlineUtc)));
        return c.Audit(AuditKinds.ReceiptAcknowledged, SystemActor, $"Đã tiếp nhận hồ sơ; chuyển {Units.Name(state.Unit)} xử lý.");
    }

    static AuditEntry DeadlinePassed(StepContext c)
    {
        var a = c.Application;
        var state = a.Lifecycle;
        switch (a.Status)
        {
            case ApplicationStatus.SupplementationRequested:
                a.MoveTo(ApplicationStatus.Withdrawn, c.At);
                state.StepDueUtc = null;
                state.ClosingReason = "Quá hạn bổ sung hồ sơ mà doanh nghiệp chưa nộp bổ sung; hồ sơ được rút tự động.";
                c.Notify(NotificationEvent.Expired, "supplementation-expired", NotificationAudience.Enterprise, (NotificationFacts.Reason, state.ClosingReason));
                c.Notify(NotificationEvent.Withdrawn, "supplementation-expired", NotificationAudience.Officers,
                    (NotificationFacts.WithdrawnDate, Iso(c.At)), (NotificationFacts.Reason, state.ClosingReason));
                return c.Audit(AuditKinds.SupplementationExpired, SystemActor, state.ClosingReason, ApplicationStatus.SupplementationRequested);
            default:
                state.StepEscalations++;
                var what = AwaitedStep.Name(a);
                var occurrence = $"{a.Status}-{state.CurrentCheckIn}-escalation-{state.StepEscalations}";
                var due = (NotificationFacts.DueDate, Iso(state.StepDueUtc ?? c.At));
                if (a.Status == ApplicationStatus.UnderAppraisal)
                {
                    c.Notify(NotificationEvent.AppraisalEscalated, occurrence, NotificationAudience.HeadOfDivision, due);
                }
                else if (a.Status == ApplicationStatus.AwaitingApproval)
                {
                    c.Notify(NotificationEvent.ApprovalEscalated, occurrence, NotificationAudience.HeadOfDivision, due);
                }
                else if (AwaitedStep.IsEnterprise(a))
                {
                    c.Notify(NotificationEvent.CheckInEscalated, occurrence, NotificationAudience.Officers, (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), due);
                }
                else
                {
                    c.Notify(NotificationEvent.StepEscalated, occurrence, NotificationAudience.HeadOfDivision, (NotificationFacts.StepName, what), due);
                }

                var to = AwaitedStep.IsEnterprise(a) ? "chuyển cán bộ phụ trách" : "báo cáo lãnh đạo phòng";
                return c.Audit(AuditKinds.Escalated, SystemActor, $"Quá hạn {what}: {to} (lần {state.StepEscalations}).");
        }
    }

    static AuditEntry NotificationFailed(StepContext c)
    {
        var detail = c.Step.Detail ?? "Không gửi được thư thông báo.";
        c.Application.Lifecycle.NotificationFailures.Add(detail);
        return c.Audit(AuditKinds.NotificationFailed, SystemActor, detail);
    }

    static AuditEntry DocumentFailed(StepContext c)
    {
        var kind = c.Step.DocumentKind ?? string.Empty;
        var failures = c.Application.Lifecycle.DocumentFailures;
        var index = failures.FindIndex(f => f.Kind == kind);
        var before = index >= 0 ? failures[index] : null;
        var failure = new DocumentFailure(kind, before?.SourceId ?? c.Step.DocumentSourceId ?? string.Empty, Printable(c.Step.Detail ?? string.Empty), c.At)
        {
            Attempts = (before?.Attempts ?? 0) + 1,
            Title = Documents.DocumentTitles.Vietnamese(kind),
        };
        if (index >= 0)
        {
            failures[index] = failure;
        }
        else
        {
            failures.Add(failure);
        }

        return c.Audit(AuditKinds.DocumentFailed, SystemActor,
            $"Không lập được {LowerFirst(Documents.DocumentTitles.Vietnamese(kind))} (lần {failure.Attempts}); hệ thống sẽ lập lại ở bước xử lý tiếp theo.");
    }

    /// <summary>An error message as pages may show it: no control, surrogate or noncharacter code units (the message may quote the bad input), at most 500 characters.</summary>
    static string Printable(string text)
    {
        var kept = new string([.. text.Where(ch => !char.IsControl(ch) && !char.IsSurrogate(ch) && ch is not ('\uFFFE' or '\uFFFF'))]);
        return kept.Length <= 500 ? kept : kept[..500] + "…";
    }

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    static AuditEntry InboxFailed(StepContext c)
    {
        c.Application.Lifecycle.InboxFailure = c.Step.Detail ?? "Không cập nhật được hộp việc.";
        return c.Audit(AuditKinds.InboxFailed, SystemActor, "Không cập nhật được hộp việc của cán bộ; hộp việc sẽ được cập nhật ở bước xử lý tiếp theo.");
    }

    AuditEntry Act(StepContext c, ActionRequest action, LedgerResult? ledgerRefusal, BudgetMovementRequest? refusedMovement)
    {
        var a = c.Application;
        if (!IsAllowedNow(a, action.Action))
        {
            c.Refuse("invalid_transition", $"Thao tác {action.Action} không phù hợp với trạng thái \"{ApplicationStatusText.Vietnamese(a.Status)}\".");
            return c.Audit(AuditKinds.ActionIgnored, action.ActorName, c.RefusalMessage!);
        }

        if (ledgerRefusal is not { Refused: true } || action.Action == LifecycleAction.Approve)
        {
            var audit = Decide(c, action, ledgerRefusal);
            if (c.Applied)
            {
                a.Lifecycle.LastLedgerRefusal = null;
            }

            return audit;
        }

        // The ledger refused a movement of this step. Money the ledger does not back is not paid out: a refused commit
        // or disbursement refuses the step (nothing changes; the officer can act again once the ledger is put right,
        // and the movements already applied are replays then). A refused release does not hold back the decision
        // (cancellation, evaluation): the decision stands and the unreleased amount is recorded for reconciliation.
        var state = a.Lifecycle;
        var what = refusedMovement?.Reason ?? "Biến động kinh phí";
        var message = ledgerRefusal.RefusalMessage ?? "Sổ kinh phí từ chối.";
        if (refusedMovement?.Kind != BudgetMovementKind.Release)
        {
            var issue = $"{what}: sổ kinh phí từ chối ({message}); thao tác chưa được ghi nhận.";
            state.LastLedgerRefusal = issue;
            c.Refuse(ledgerRefusal.RefusalCode ?? "budget_refused", issue);
            return c.Audit(AuditKinds.LedgerRefused, action.ActorName, issue, a.Status, action.ActorRole);
        }

        var decided = Decide(c, action, ledgerRefusal);
        var note = $"{what}: sổ kinh phí không giải phóng được {Money(refusedMovement.AmountVnd)} ({message}); cần đối chiếu sổ kinh phí.";
        state.LedgerIssues.Add(note);
        return decided with { Detail = $"{decided.Detail} {note}" };
    }

    AuditEntry Decide(StepContext c, ActionRequest action, LedgerResult? ledgerRefusal)
    {
        var a = c.Application;

        var state = a.Lifecycle;
        var before = a.Status;
        var policy = c.Policy;
        switch (action.Action)
        {
            case LifecycleAction.AcceptCompleteness:
                a.RecordDecision(action.ActorName, action.Note, c.At);
                EnterAppraisal(c);
                return c.Audit(AuditKinds.CompletenessAccepted, action.ActorName, action.Note ?? "Hồ sơ đầy đủ; chuyển thẩm định.", before, action.ActorRole);

            case LifecycleAction.RequestSupplementation:
                var days = action.WorkingDays is > 0 ? action.WorkingDays.Value : policy.SupplementationWorkingDays;
                var deadline = planner.WorkingDaysFrom(c.At, days);
                var items = action.MissingItems ?? [];
                state.Supplementations.Add(new SupplementationRound(state.Supplementations.Count + 1, action.ActorName, items, action.Note, c.At, deadline));
                a.MoveTo(ApplicationStatus.SupplementationRequested, c.At);
                StartStep(state, deadline);
                c.Notify(NotificationEvent.SupplementationRequested, $"round-{state.Supplementations.Count}", NotificationAudience.Enterprise,
                    (NotificationFacts.MissingItems, string.Join("; ", items)), (NotificationFacts.DueDate, Iso(deadline)), (NotificationFacts.Note, action.Note ?? string.Empty));
                return c.Audit(AuditKinds.SupplementationRequested, action.ActorName,
                    $"Yêu cầu bổ sung ({string.Join("; ", items)}), hạn {Date(deadline)}.", before, action.ActorRole);

            case LifecycleAction.Resubmit:
                var round = state.Supplementations[^1];
                round.ResubmittedAtUtc = c.At;
                round.ResubmissionNote = action.Note;
                round.Attachments = action.Attachments;
                a.MoveTo(ApplicationStatus.AwaitingCompletenessReview, c.At);
                StartStep(state, planner.WorkingDaysFrom(c.At, policy.CompletenessReviewWorkingDays));
                c.Notify(NotificationEvent.ResubmissionReceived, $"round-{round.Round}", NotificationAudience.Officers, (NotificationFacts.ResubmittedDate, Iso(c.At)));
                return c.Audit(AuditKinds.Resubmitted, action.ActorName, action.Note ?? "Doanh nghiệp đã nộp bổ sung hồ sơ.", before, action.ActorRole);

            case LifecycleAction.SubmitAppraisal:
                if (action.Positive == true && OverCap(c, action.AmountVnd) is { } appraisalCap)
                {
                    c.Refuse(ErrorCodes.ExceedsKindMaximum, $"Kinh phí đề xuất vượt mức hỗ trợ tối đa của nội dung \"{c.Kind.Name}\" ({Money(appraisalCap)}).");
                    return c.Audit(AuditKinds.ActionIgnored, action.ActorName, c.RefusalMessage!, before, action.ActorRole);
                }

                var scores = action.Scores ?? [];
                var appraisal = new AppraisalRecord(action.ActorName, scores, scores.Sum(s => s.Score), action.Positive ?? false,
                    action.AmountVnd ?? 0, action.Note, c.At) { AppraiserId = action.ActorId };
                state.Appraisals.RemoveAll(x => SameAppraiser(x, action));
                state.Appraisals.Add(appraisal);
                if (state.Appraisals.Count < state.AppraisalsRequired)
                {
                    return c.Audit(AuditKinds.AppraisalSubmitted, action.ActorName,
                        $"Phiếu thẩm định {state.Appraisals.Count}/{state.AppraisalsRequired}: {appraisal.TotalScore} điểm.", before, action.ActorRole);
                }

                // The council's recommendation: support only if a majority recommends it, at the lowest amount recommended.
                var supporters = state.Appraisals.Where(x => x.RecommendsSupport).ToList();
                state.RecommendedAmountVnd = supporters.Count * 2 > state.Appraisals.Count ? supporters.Min(x => x.RecommendedAmountVnd) : 0;
                a.MoveTo(ApplicationStatus.AwaitingApproval, c.At);
                StartStep(state, planner.WorkingDaysFrom(c.At, policy.ApprovalWorkingDays));
                c.Notify(NotificationEvent.ApprovalRequested, "approval", NotificationAudience.Leaders,
                    (NotificationFacts.ProposedAmountVnd, Raw(state.RecommendedAmountVnd.Value)), (NotificationFacts.DueDate, Iso(state.StepDueUtc!.Value)));
                return c.Audit(AuditKinds.AppraisalSubmitted, action.ActorName,
                    $"Thẩm định xong: đề xuất {Money(state.RecommendedAmountVnd.Value)}; chuyển phê duyệt.", before, action.ActorRole);

            case LifecycleAction.Approve:
                if (ledgerRefusal is { Refused: true })
                {
                    state.LastApprovalRefusal = ledgerRefusal.RefusalMessage;
                    c.Refuse(ledgerRefusal.RefusalCode ?? "budget_refused", ledgerRefusal.RefusalMessage ?? "Sổ kinh phí từ chối.");
                    return c.Audit(AuditKinds.ApprovalRefused, action.ActorName, c.RefusalMessage!, before, action.ActorRole);
                }

                if (OverCap(c, action.AmountVnd) is { } approvalCap)
                {
                    c.Refuse(ErrorCodes.ExceedsKindMaximum, $"Kinh phí phê duyệt vượt mức hỗ trợ tối đa của nội dung \"{c.Kind.Name}\" ({Money(approvalCap)}).");
                    return c.Audit(AuditKinds.ApprovalRefused, action.ActorName, c.RefusalMessage!, before, action.ActorRole);
                }

                var year = action.BudgetYear ?? c.At.ToOffset(DeadlinePlanner.VietnamOffset).Year;
                var approved = new ApprovalRecord(action.ActorName, action.AmountVnd ?? 0, year, action.Note, c.At);
                state.Approval = approved;
                state.LastApprovalRefusal = null;
                a.RecordDecision(action.ActorName, action.Note, c.At);
                StartImplementation(c, approved);
                c.Notify(NotificationEvent.Approved, "approved", NotificationAudience.Enterprise, (NotificationFacts.ApprovedAmountVnd, Raw(approved.AmountVnd)),
                    (NotificationFacts.DecisionDate, Iso(c.At)), (NotificationFacts.Note, action.Note ?? string.Empty));
                return c.Audit(AuditKinds.Approved, action.ActorName,
                    state.IntegratedFundingFrom is { } fundedFrom
                        ? $"Phê duyệt hỗ trợ {Money(approved.AmountVnd)} (dòng {state.BudgetLineId}, kinh phí lồng ghép từ {fundedFrom}; không sử dụng kinh phí của Kế hoạch)."
                        : $"Phê duyệt hỗ trợ {Money(approved.AmountVnd)} (dòng {state.BudgetLineId}, năm {year}).", before, action.ActorRole);

            case LifecycleAction.Reject:
                state.RejectionReason = action.Note;
                a.RecordDecision(action.ActorName, action.Note, c.At);
                Close(c, ApplicationStatus.Rejected, action.Note);
                c.Notify(NotificationEvent.Rejected, "rejected", NotificationAudience.Enterprise, (NotificationFacts.Reason, action.Note ?? string.Empty),
                    (NotificationFacts.DecisionDate, Iso(c.At)));
                return c.Audit(AuditKinds.Rejected, action.ActorName, action.Note ?? "Không phê duyệt.", before, action.ActorRole);

            case LifecycleAction.SubmitCheckIn:
                var open = state.Current!;
                open.Reports.Add(new ReportRecord(action.Note ?? string.Empty, action.PercentDone, action.AmountVnd, action.Attachments ?? [], c.At));
                open.Status = CheckInStatus.Submitted;
                StartStep(state, planner.WorkingDaysFrom(c.At, policy.EscalationDelayWorkingDays));
                return c.Audit(AuditKinds.CheckInSubmitted, action.ActorName,
                    $"Nộp báo cáo kỳ {open.Number}: {action.PercentDone ?? 0}% khối lượng.", before, action.ActorRole);

            case LifecycleAction.ReviewCheckIn:
                var reviewed = state.Current!;
                reviewed.ReviewNote = action.Note;
                reviewed.ReviewedBy = action.ActorName;
                if (action.Positive != true)
                {
                    reviewed.Status = CheckInStatus.RevisionRequested;
                    StartStep(state, planner.WorkingDaysFrom(c.At, policy.EscalationDelayWorkingDays));
                    c.Notify(NotificationEvent.CheckInReviewed, $"checkin-{reviewed.Number}-revise-{reviewed.Reports.Count}", NotificationAudience.Enterprise,
                        (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), (NotificationFacts.ReviewResult, "Yêu cầu chỉnh sửa, bổ sung báo cáo"),
                        (NotificationFacts.Note, action.Note ?? string.Empty));
                    return c.Audit(AuditKinds.CheckInRevisionRequested, action.ActorName, action.Note ?? "Yêu cầu chỉnh sửa báo cáo.", before, action.ActorRole);
                }

                reviewed.Status = CheckInStatus.Accepted;
                reviewed.AcceptedAtUtc = c.At;
                var tranche = TrancheFor(state, state.Approval!);
                reviewed.TrancheVnd = tranche;
                state.CommittedVnd += tranche;
                state.DisbursedVnd += tranche;
                c.Notify(NotificationEvent.CheckInReviewed, $"checkin-{reviewed.Number}-accepted", NotificationAudience.Enterprise,
                    (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), (NotificationFacts.ReviewResult, "Chấp nhận báo cáo"), (NotificationFacts.Note, action.Note ?? string.Empty));
                NextCheckInOrFinal(c);
                return c.Audit(AuditKinds.CheckInAccepted, action.ActorName,
                    $"Chấp nhận báo cáo kỳ {reviewed.Number}; giải ngân {Money(tranche)}.", before, action.ActorRole);

            case LifecycleAction.RequestExtension:
                var due = action.NewDueDate!.Value;
                state.PendingExtension = new ExtensionRecord(state.CurrentCheckIn, due, action.Note, c.At);
                return c.Audit(AuditKinds.ExtensionRequested, action.ActorName,
                    $"Đề nghị gia hạn kỳ {state.CurrentCheckIn} đến {due:dd/MM/yyyy}: {action.Note}", before, action.ActorRole);

            case LifecycleAction.DecideExtension:
                var extension = state.PendingExtension!;
                extension.Granted = action.Positive == true;
                extension.DecidedBy = action.ActorName;
                extension.DecisionNote = action.Note;
                state.Extensions.Add(extension);
                state.PendingExtension = null;
                if (extension.Granted == true && state.Current is { } extended)
                {
                    extended.DueUtc = planner.IsCompressed ? c.At + ((extended.DueUtc - c.At).Duration() * 2) : DeadlinePlanner.EndOfLocalDay(extension.NewDueDate);
                    StartStep(state, extended.DueUtc);
                }

                c.Notify(NotificationEvent.ExtensionDecided, $"checkin-{state.CurrentCheckIn}-extension-{state.Extensions.Count}", NotificationAudience.Enterprise,
                    (NotificationFacts.Decision, extension.Granted == true ? "Đồng ý gia hạn" : "Không đồng ý gia hạn"),
                    (NotificationFacts.NewDueDate, extension.Granted == true && state.Current is { } cur ? Iso(cur.DueUtc) : string.Empty),
                    (NotificationFacts.Reason, action.Note ?? string.Empty));
                return c.Audit(extension.Granted == true ? AuditKinds.ExtensionGranted : AuditKinds.ExtensionRefused, action.ActorName,
                    extension.Granted == true ? $"Gia hạn kỳ {extension.CheckIn} đến {(state.Current is { } now ? Date(now.DueUtc) : string.Empty)}." : $"Không gia hạn: {action.Note}",
                    before, action.ActorRole);

            case LifecycleAction.SubmitFinalReport:
                state.FinalReport = new ReportRecord(action.Note ?? string.Empty, action.PercentDone, action.AmountVnd, action.Attachments ?? [], c.At);
                StartStep(state, planner.WorkingDaysFrom(c.At, policy.FinalEvaluationWorkingDays));
                return c.Audit(AuditKinds.FinalReportSubmitted, action.ActorName, "Nộp báo cáo tổng kết, chờ nghiệm thu.", before, action.ActorRole);

            case LifecycleAction.Evaluate:
                var passed = action.Positive == true;
                var approval = state.Approval!;
                var finalAmount = passed ? Math.Min(action.AmountVnd ?? approval.AmountVnd, approval.AmountVnd) : state.CommittedVnd;
                state.Evaluation = new EvaluationRecord(action.ActorName, passed, action.Scores ?? [], finalAmount, action.Note, c.At);
                if (passed && finalAmount > state.CommittedVnd)
                {
                    state.DisbursedVnd += finalAmount - state.CommittedVnd;
                    state.CommittedVnd = finalAmount;
                }

                a.RecordDecision(action.ActorName, action.Note, c.At);
                Close(c, passed ? ApplicationStatus.Completed : ApplicationStatus.Failed, action.Note);
                c.Notify(NotificationEvent.FinalEvaluationResult, "evaluation", NotificationAudience.Enterprise,
                    (NotificationFacts.Result, passed ? "Đạt" : "Không đạt"), (NotificationFacts.EvaluationDate, Iso(c.At)), (NotificationFacts.Note, action.Note ?? string.Empty));
                return c.Audit(passed ? AuditKinds.EvaluationPassed : AuditKinds.EvaluationFailed, action.ActorName,
                    passed ? $"Nghiệm thu đạt; kinh phí quyết toán {Money(finalAmount)}." : $"Nghiệm thu không đạt: {action.Note}", before, action.ActorRole);

            case LifecycleAction.Withdraw:
                Close(c, ApplicationStatus.Withdrawn, action.Note ?? "Doanh nghiệp rút hồ sơ.");
                c.Notify(NotificationEvent.Withdrawn, "withdrawn", NotificationAudience.Officers, (NotificationFacts.WithdrawnDate, Iso(c.At)),
                    (NotificationFacts.Reason, state.ClosingReason!));
                return c.Audit(AuditKinds.Withdrawn, action.ActorName, state.ClosingReason!, before, action.ActorRole);

            case LifecycleAction.Cancel:
                Close(c, ApplicationStatus.Cancelled, action.Note);
                c.Notify(NotificationEvent.Cancelled, "cancelled", NotificationAudience.Enterprise, (NotificationFacts.Reason, action.Note ?? string.Empty));
                return c.Audit(AuditKinds.Cancelled, action.ActorName, $"Hủy nhiệm vụ: {action.Note}", before, action.ActorRole);

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Action, "Unknown action.");
        }
    }

    /// <summary>
    /// Whether an appraisal is the acting appraiser's own (replaced by a new one): by the stable id when both have one
    /// (two people who share a display name are two appraisers); by the name otherwise, for appraisals or actions
    /// recorded before ids existed.
    /// </summary>
    static bool SameAppraiser(AppraisalRecord recorded, ActionRequest action) =>
        recorded.AppraiserId is { } recordedId && action.ActorId is { } actorId
            ? string.Equals(recordedId, actorId, StringComparison.Ordinal)
            : recorded.Appraiser == action.ActorName;

    void EnterAppraisal(StepContext c)
    {
        var state = c.Application.Lifecycle;
        c.Application.MoveTo(ApplicationStatus.UnderAppraisal, c.At);
        state.AppraisalsRequired = Math.Max(1, c.Policy.AppraisersRequired);
        StartStep(state, planner.WorkingDaysFrom(c.At, c.Policy.AppraisalWorkingDays));
        c.Notify(NotificationEvent.AppraisalAssigned, "appraisal", NotificationAudience.Appraisers, (NotificationFacts.DueDate, Iso(state.StepDueUtc!.Value)));
    }

    void StartImplementation(StepContext c, ApprovalRecord approval)
    {
        var state = c.Application.Lifecycle;
        state.CheckIns.Clear();
        for (var i = 1; i <= Math.Max(1, c.Policy.CheckInCount); i++)
        {
            state.CheckIns.Add(new CheckInRecord { Number = i, DueUtc = planner.MonthsFrom(approval.AtUtc, c.Policy.CheckInIntervalMonths * i), Status = CheckInStatus.Open });
        }

        state.CurrentCheckIn = 1;
        c.Application.MoveTo(ApplicationStatus.InImplementation, c.At);
        StartStep(state, state.CheckIns[0].DueUtc);
    }

    void NextCheckInOrFinal(StepContext c)
    {
        var state = c.Application.Lifecycle;
        if (state.CurrentCheckIn < state.CheckIns.Count)
        {
            state.CurrentCheckIn++;
            var next = state.Current!;
            if (next.DueUtc <= c.At)
            {
                next.DueUtc = planner.WorkingDaysFrom(c.At, c.Policy.EscalationDelayWorkingDays);
            }

            StartStep(state, next.DueUtc);
            return;
        }

        state.CurrentCheckIn = state.CheckIns.Count + 1;
        state.FinalReportDueUtc = planner.WorkingDaysFrom(c.At, c.Policy.FinalEvaluationWorkingDays);
        c.Application.MoveTo(ApplicationStatus.AwaitingFinalEvaluation, c.At);
        StartStep(state, state.FinalReportDueUtc.Value);
        c.Notify(NotificationEvent.CheckInReminderBefore, "final-report-due", NotificationAudience.Enterprise,
            (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), (NotificationFacts.DueDate, Iso(state.FinalReportDueUtc.Value)));
    }

    static void Close(StepContext c, ApplicationStatus status, string? reason)
    {
        var state = c.Application.Lifecycle;
        state.ClosingReason = reason;
        state.StepDueUtc = null;
        state.PendingExtension = null;
        c.Application.MoveTo(status, c.At);
    }

    static void StartStep(LifecycleState state, DateTimeOffset dueUtc)
    {
        state.StepDueUtc = dueUtc;
        state.StepEscalations = 0;
    }

    /// <summary>
    /// When the workflow acts on its own if nobody does: the due time for the enterprise's supplementation (then it
    /// is withdrawn); for officers' steps the due time, then every escalation delay again; for the enterprise's
    /// check-ins and final report the escalation delay after the due time, then again.
    /// </summary>
    DateTimeOffset? NextDeadline(Application a)
    {
        var state = a.Lifecycle;
        if (LifecycleRules.IsFinal(a.Status) || state.StepDueUtc is not { } due)
        {
            return null;
        }

        var policy = catalogue.FindKind(a.Submission.SupportKindId)?.Policy ?? catalogue.DefaultPolicy;
        var enterpriseWaits = AwaitedStep.IsEnterprise(a);
        if (a.Status == ApplicationStatus.SupplementationRequested)
        {
            return due;
        }

        var first = enterpriseWaits && a.Status != ApplicationStatus.SupplementationRequested ? planner.WorkingDaysFrom(due, policy.EscalationDelayWorkingDays) : due;
        var at = first;
        for (var i = 0; i < state.StepEscalations; i++)
        {
            at = planner.WorkingDaysFrom(at, Math.Max(1, policy.EscalationDelayWorkingDays));
        }

        return at;
    }

    /// <summary>Reminders of the current step at the policy's offsets from its due time, up to the next deadline.</summary>
    List<Nudge> NudgesOf(Application a, DateTimeOffset? nextDeadline)
    {
        var state = a.Lifecycle;
        if (nextDeadline is null || state.StepDueUtc is not { } due || state.StepEscalations > 0)
        {
            return [];
        }

        var policy = catalogue.FindKind(a.Submission.SupportKindId)?.Policy ?? catalogue.DefaultPolicy;
        var enterprise = AwaitedStep.IsEnterprise(a);
        NotificationEvent? evt = a.Status switch
        {
            ApplicationStatus.SupplementationRequested => NotificationEvent.SupplementationReminder,
            ApplicationStatus.UnderAppraisal => NotificationEvent.AppraisalReminder,
            ApplicationStatus.AwaitingApproval => NotificationEvent.ApprovalReminder,
            _ when enterprise => NotificationEvent.CheckInReminderBefore,
            _ => null, // officers' own steps (completeness review, check-in review, evaluation): the inbox, then escalation
        };
        if (evt is null)
        {
            return [];
        }

        var nudges = new List<Nudge>();
        foreach (var offset in policy.ReminderOffsetDays.Order())
        {
            // Only enterprise steps get reminders after the due date; officers' overdue steps escalate instead.
            if (offset > 0 && !enterprise)
            {
                continue;
            }

            var at = planner.ReminderAt(due, offset);
            if (at >= nextDeadline.Value || at <= a.UpdatedAtUtc)
            {
                continue;
            }

            var e = evt == NotificationEvent.CheckInReminderBefore
                ? offset switch { < 0 => NotificationEvent.CheckInReminderBefore, 0 => NotificationEvent.CheckInReminderDue, _ => NotificationEvent.CheckInReminderOverdue }
                : evt.Value;
            var step = $"{a.Status}-{state.CurrentCheckIn}-{state.Supplementations.Count}-{Date(due).Replace('/', '-')}";
            var occurrence = $"{step}-reminder{offset:+0;-0;0}";
            var dueFact = (NotificationFacts.DueDate, Iso(due));
            var request = e switch
            {
                NotificationEvent.SupplementationReminder => Request(a, e, occurrence, NotificationAudience.Enterprise,
                    (NotificationFacts.MissingItems, string.Join("; ", state.Supplementations[^1].MissingItems)), dueFact),
                NotificationEvent.AppraisalReminder => Request(a, e, occurrence, NotificationAudience.Appraisers, dueFact),
                NotificationEvent.ApprovalReminder => Request(a, e, occurrence, NotificationAudience.Leaders, dueFact),
                _ => Request(a, e, occurrence, NotificationAudience.Enterprise, (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), dueFact),
            };
            nudges.Add(new Nudge(at, request));
        }

        return nudges;
    }

    static List<OpenTask> OpenTasksOf(Application a)
    {
        var state = a.Lifecycle;
        var due = state.StepDueUtc;
        return a.Status switch
        {
            ApplicationStatus.Submitted or ApplicationStatus.AwaitingCompletenessReview => [new OpenTask("Officer", "CompletenessReview", due)],
            ApplicationStatus.UnderAppraisal => [new OpenTask("Appraiser", "Appraisal", due)],
            ApplicationStatus.AwaitingApproval => [new OpenTask("Leader", "Approval", due)],
            ApplicationStatus.InImplementation => Implementation(state, due),
            ApplicationStatus.AwaitingFinalEvaluation => state.FinalReport is null
                ? [new OpenTask("Officer", "AwaitingFinalReport", due)]
                : [new OpenTask("Leader", "FinalEvaluation", due)],
            _ => [],
        };

        static List<OpenTask> Implementation(LifecycleState state, DateTimeOffset? due)
        {
            var tasks = new List<OpenTask>
            {
                new("Officer", state.Current?.Status == CheckInStatus.Submitted ? "CheckInReview" : "AwaitingCheckIn", due),
            };
            if (state.PendingExtension is not null)
            {
                tasks.Add(new OpenTask("Officer", "ExtensionDecision", due));
            }

            return tasks;
        }
    }

    /// <summary>Each accepted check-in disburses an equal share; the final evaluation pays the rest.</summary>
    static long TrancheFor(LifecycleState state, ApprovalRecord approval)
    {
        var shares = state.CheckIns.Count + 1;
        return approval.AmountVnd / shares / 1000 * 1000;
    }

    /// <summary>The kind's cap for this application when <paramref name="amountVnd"/> exceeds it (the domain's own check of the cap; the API refuses it first as a field error).</summary>
    static long? OverCap(StepContext c, long? amountVnd) => OverCap(c.Application.Lifecycle, amountVnd);

    static long? OverCap(LifecycleState state, long? amountVnd) =>
        amountVnd is { } amount && state.SupportCapVnd is { } cap && amount > cap ? cap : null;

    static BudgetKey Key(LifecycleState state, ApprovalRecord approval) => new(state.BudgetLineId, approval.BudgetYear);

    static BudgetMovementRequest Move(string applicationId, string name, BudgetKey key, BudgetMovementKind kind, long amount, ActionRequest action,
        string reason, DateTimeOffset at) =>
        new($"{applicationId}:{name}", key, applicationId, kind, amount, action.ActorName, reason, at);

    static string Date(DateTimeOffset utc) => Text.VietnameseFormat.Date(utc);

    static string Money(long vnd) => Text.VietnameseFormat.Dong(vnd);

    /// <summary>
    /// A notification with the facts its event takes (<see cref="NotificationFacts.For"/>); optional facts left empty
    /// are omitted. The application's own facts (enterprise, tracking code, link) are added by the notification service.
    /// </summary>
    static NotificationRequest Request(Application a, NotificationEvent evt, string occurrence, NotificationAudience audience, params (string Key, string Value)[] facts)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in facts)
        {
            if (value.Length > 0)
            {
                all[key] = value;
            }
        }

        return new NotificationRequest(a.Id, evt, occurrence, audience, a.Lifecycle.Unit, all);
    }

    /// <summary>An instant as the notification facts take it (ISO 8601, UTC).</summary>
    static string Iso(DateTimeOffset utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static string Raw(long vnd) => vnd.ToString(CultureInfo.InvariantCulture);

    sealed class StepContext(Application application, WorkflowPolicy policy, SupportKind kind, StepCommand step)
    {
        public Application Application { get; } = application;

        public WorkflowPolicy Policy { get; } = policy;

        public SupportKind Kind { get; } = kind;

        public StepCommand Step { get; } = step;

        public DateTimeOffset At => Step.AtUtc;

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
            Notifications.Add(Request(Application, evt, occurrence, audience, facts));

        public AuditEntry Audit(string kind, string actor, string detail, ApplicationStatus? before = null, string? role = null)
        {
            var from = before ?? Application.Status;
            return new AuditEntry(Application.Id, At, kind, actor, detail)
            {
                Role = role ?? (actor == SystemActor ? SystemActor : null),
                FromStatus = from.ToString(),
                ToStatus = Application.Status.ToString(),
            };
        }
    }
}
