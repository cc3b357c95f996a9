using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// An officer reviews the period's report: accepted, its tranche (an equal share; the final evaluation pays the rest)
/// is committed and made payable (the accountant's recorded payment disburses it: <see cref="RecordPayment"/>) and the
/// next period opens; else the enterprise revises it.
/// </summary>
public sealed class ReviewCheckIn() : ActionDefinition<ReviewCheckIn.Body, ReviewCheckIn.Payload>(LifecycleAction.ReviewCheckIn, "review-check-in", Actor.Officer,
    Read)
{
    public sealed record Body(bool? Accepted, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { Positive = Accepted, Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Decision(b => b.Accepted);
        body.Text(b => b.Note, requiredWhen: b => b.Accepted == false);
    }

    /// <summary><see cref="TrancheVnd"/>: the period's share of the approved amount (computed here once).</summary>
    public sealed record Payload(bool Accepted, string? Note, long TrancheVnd);

    static Payload Read(ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var state = application.Lifecycle;
        var tranche = state.Approval is { } approval ? approval.AmountVnd / (state.CheckIns.Count + 1) / 1000 * 1000 : 0;
        return new(request.Positive == true, request.Note, tranche);
    }

    protected override IReadOnlyList<BudgetMovementRequest> Movements(Payload payload, ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var state = application.Lifecycle;
        if (!payload.Accepted || state.Approval is not { } approval || state.Current is not { } checkIn || payload.TrancheVnd <= 0)
        {
            return [];
        }

        return
        [
            Move(application, $"commit-{checkIn.Number}", Key(state, approval), BudgetMovementKind.Commit, payload.TrancheVnd, request, $"Chấp nhận báo cáo kỳ {checkIn.Number}", atUtc),
        ];
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var reviewed = state.Current!;
        reviewed.ReviewNote = payload.Note;
        reviewed.ReviewedBy = request.ActorName;
        if (!payload.Accepted)
        {
            reviewed.Status = CheckInStatus.RevisionRequested;
            c.StartStep(c.WorkingDays(c.Policy.EscalationDelayWorkingDays));
            c.Notify(NotificationEvent.CheckInReviewed, $"checkin-{reviewed.Number}-revise-{reviewed.Reports.Count}", NotificationAudience.Enterprise,
                (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), (NotificationFacts.ReviewResult, "Yêu cầu chỉnh sửa, bổ sung báo cáo"),
                (NotificationFacts.Note, payload.Note ?? string.Empty));
            return c.Decision(c.Audit(request, AuditKinds.CheckInRevisionRequested, payload.Note ?? "Yêu cầu chỉnh sửa báo cáo."));
        }

        reviewed.Status = CheckInStatus.Accepted;
        reviewed.AcceptedAtUtc = c.At;
        reviewed.TrancheVnd = payload.TrancheVnd;
        state.CommittedVnd += payload.TrancheVnd;
        var payable = payload.TrancheVnd > 0 ? c.PayableOrPaidElsewhere(reviewed.Number, payload.TrancheVnd) : null;
        c.Notify(NotificationEvent.CheckInReviewed, $"checkin-{reviewed.Number}-accepted", NotificationAudience.Enterprise,
            (NotificationFacts.PeriodName, AwaitedStep.PeriodName(state)), (NotificationFacts.ReviewResult, "Chấp nhận báo cáo"), (NotificationFacts.Note, payload.Note ?? string.Empty));
        c.NextCheckInOrFinal();
        var paying = payable is null ? string.Empty : $"; kinh phí đợt {reviewed.Number} ({Money(payload.TrancheVnd)}) chờ kế toán chi trả (hạn {Date(payable.DueUtc)})";
        return c.Decision(c.Audit(request, AuditKinds.CheckInAccepted, $"Chấp nhận báo cáo kỳ {reviewed.Number}{paying}."));
    }
}
