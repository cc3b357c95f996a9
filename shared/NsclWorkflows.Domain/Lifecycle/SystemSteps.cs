using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>The steps the workflow takes on its own: receipt, a passed deadline, and the failures it records.</summary>
internal static class SystemSteps
{
    const string System = LifecycleMachine.SystemActor;

    public static Decision Receive(StepContext c)
    {
        var a = c.Application;
        a.RouteTo(c.Catalogue, c.Kind);
        if (a.Status == ApplicationStatus.Submitted)
        {
            a.AcknowledgeReceipt(c.At);
        }

        if (a.Submission.Selection is { } selection)
        {
            // Ordered or assigned by an officer: the enterprise confirms through its link before appraisal.
            var how = Selections.Vietnamese(selection);
            c.MoveTo(ApplicationStatus.AwaitingEnterpriseConfirmation);
            c.StartStep(c.WorkingDays(c.Policy.SupplementationWorkingDays));
            c.Notify(NotificationEvent.AssignmentOffered, "assignment", NotificationAudience.Enterprise, (NotificationFacts.SelectionName, how),
                (NotificationFacts.DueDate, Iso(c.State.StepDueUtc!.Value)));
            return c.Decision(c.Audit(AuditKinds.ReceiptAcknowledged, System,
                $"Nhiệm vụ {how}; đã gửi đường liên kết để doanh nghiệp xác nhận; {Units.Name(c.State.Unit)} xử lý."));
        }

        c.MoveTo(ApplicationStatus.AwaitingCompletenessReview);
        c.StartStep(a.CompletenessDeadlineUtc);
        c.Notify(NotificationEvent.Receipt, "receipt", NotificationAudience.Enterprise, (NotificationFacts.DueDate, Iso(a.CompletenessDeadlineUtc)));
        return c.Decision(c.Audit(AuditKinds.ReceiptAcknowledged, System, $"Đã tiếp nhận hồ sơ; chuyển {Units.Name(c.State.Unit)} xử lý."));
    }

    /// <summary>The deadline's path of the status (<see cref="StatusTable"/>): processing stopped and the file returned, or the step escalated to whom the table names.</summary>
    public static Decision DeadlinePassed(StepContext c)
    {
        var a = c.Application;
        var state = c.State;
        var wait = StatusTable.WaitOf(a);
        if (wait?.Path == DeadlinePath.WithdrawAtDue)
        {
            var before = a.Status;
            c.MoveTo(ApplicationStatus.Expired);
            state.StepDueUtc = null;
            // Processing stops and the file is returned: the Department's act ("rút" is only what the enterprise does).
            var overdue = before == ApplicationStatus.AwaitingEnterpriseConfirmation
                ? "Quá hạn xác nhận mà doanh nghiệp chưa xác nhận nhận nhiệm vụ"
                : "Quá hạn bổ sung mà doanh nghiệp chưa nộp hồ sơ bổ sung";
            state.ClosingReason = overdue + "; Sở dừng xử lý, trả hồ sơ.";
            c.Notify(NotificationEvent.Expired, "supplementation-expired", NotificationAudience.Enterprise, (NotificationFacts.Reason, overdue + "."));
            c.Notify(NotificationEvent.Withdrawn, "supplementation-expired", NotificationAudience.Officers,
                (NotificationFacts.WithdrawnDate, Iso(c.At)), (NotificationFacts.Reason, state.ClosingReason));
            return c.Decision(c.Audit(before == ApplicationStatus.AwaitingEnterpriseConfirmation ? AuditKinds.Expired : AuditKinds.SupplementationExpired, System, state.ClosingReason, before));
        }

        if (new Deadlines(c.Catalogue, c.Planner).PaymentDeadline(a) is { } payment && payment.At <= c.At)
        {
            return PaymentOverdue(c, payment.Payable);
        }

        state.StepEscalations++;
        var what = AwaitedStep.Name(a);
        var occurrence = $"{a.Status}-{state.CurrentCheckIn}-escalation-{state.StepEscalations}";
        var escalation = wait?.Escalation ?? new StepNotice(NotificationEvent.StepEscalated, NotificationAudience.HeadOfDivision,
            x => [(NotificationFacts.StepName, AwaitedStep.Name(x))]);
        c.Notify(escalation.Event, occurrence, escalation.Audience, [.. escalation.FactsOf(a), (NotificationFacts.DueDate, Iso(state.StepDueUtc ?? c.At))]);
        var to = wait?.Enterprise == true ? "chuyển cán bộ phụ trách"
            : escalation.Audience == NotificationAudience.DirectorsOffice ? "báo Văn phòng Sở để báo cáo Giám đốc Sở" : "báo cáo Trưởng phòng";
        return c.Decision(c.Audit(AuditKinds.Escalated, System, $"Quá hạn {what}: {to} (lần {state.StepEscalations})."));
    }

    /// <summary>A payable not paid by its due-by date: the head of division is told (again every escalation delay); nothing else changes.</summary>
    static Decision PaymentOverdue(StepContext c, PayableRecord payable)
    {
        payable.Escalations++;
        var what = $"chi trả {payable.Name}";
        var escalation = StatusTable.PaymentEscalated;
        c.Notify(escalation.Event, $"payment-{payable.Id}-escalation-{payable.Escalations}", escalation.Audience,
            (NotificationFacts.StepName, what), (NotificationFacts.DueDate, Iso(payable.DueUtc)));
        return c.Decision(c.Audit(AuditKinds.Escalated, System, $"Quá hạn {what} ({Money(payable.AmountVnd)}, hạn {Date(payable.DueUtc)}): báo cáo Trưởng phòng (lần {payable.Escalations})."));
    }

        public static Decision NotificationFailed(StepContext c)
    {
        var detail = c.Step.Detail ?? "Không gửi được thư thông báo.";
        c.State.NotificationFailuresList.Add(detail);
        return c.Decision(c.Audit(AuditKinds.NotificationFailed, System, detail));
    }

    public static Decision DocumentFailed(StepContext c)
    {
        var kind = c.Step.DocumentKind ?? string.Empty;
        var failures = c.State.DocumentFailuresList;
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

        return c.Decision(c.Audit(AuditKinds.DocumentFailed, System,
            $"Không lập được {LowerFirst(Documents.DocumentTitles.Vietnamese(kind))} (lần {failure.Attempts}); hệ thống sẽ lập lại ở bước xử lý tiếp theo."));
    }

    public static Decision InboxFailed(StepContext c)
    {
        c.State.InboxFailure = c.Step.Detail ?? "Không cập nhật được hộp việc.";
        return c.Decision(c.Audit(AuditKinds.InboxFailed, System, "Không cập nhật được hộp việc của cán bộ; hộp việc sẽ được cập nhật ở bước xử lý tiếp theo."));
    }

    /// <summary>A person's action that could not be recorded (a system error, not a refusal): audited in their name, nothing else changes.</summary>
    public static Decision ActionFailed(StepContext c)
    {
        var detail = $"Thao tác chưa được thực hiện do lỗi hệ thống: {Printable(c.Step.Detail ?? "không rõ nguyên nhân")}. Vui lòng thực hiện lại; "
            + "nếu vẫn lỗi, báo quản trị hệ thống.";
        return c.Decision(c.Step.Action is { } action
            ? c.Audit(AuditKinds.ActionFailed, action.ActorName, detail, role: action.ActorRole)
            : c.Audit(AuditKinds.ActionFailed, System, detail));
    }

    /// <summary>An error message as pages may show it: no control, surrogate or noncharacter code units (the message may quote the bad input), at most 500 characters.</summary>
    static string Printable(string text)
    {
        var kept = new string([.. text.Where(ch => !char.IsControl(ch) && !char.IsSurrogate(ch) && ch is not ('\uFFFE' or '\uFFFF'))]);
        return kept.Length <= 500 ? kept : kept[..500] + "…";
    }

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
