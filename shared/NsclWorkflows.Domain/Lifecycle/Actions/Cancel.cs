namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// A leader cancels an approved task: what was reserved and not yet committed is released. A tranche already payable
/// (an accepted report's) stays owed: the file waits for its payment (<see cref="ApplicationStatus.AwaitingFinalPayment"/>)
/// and is Cancelled with it.
/// </summary>
public sealed class Cancel() : ActionDefinition<NoteBody, Cancel.Payload>(LifecycleAction.Cancel, "cancel", Actor.Leader,
    (request, application, atUtc) => new(request.Note, application.Lifecycle.Approval is { } approval ? approval.AmountVnd - application.Lifecycle.CommittedVnd : 0))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note, required: true);

    public sealed record Payload(string? Reason, long Unspent);

    protected override IReadOnlyList<BudgetMovementRequest> Movements(Payload payload, ActionRequest request, Application application, DateTimeOffset atUtc) =>
        application.Lifecycle.Approval is { } approval && payload.Unspent > 0
            ? [Move(application, "release-cancel", Key(application.Lifecycle, approval), BudgetMovementKind.Release, payload.Unspent, request,
                "Hủy nhiệm vụ: " + (payload.Reason ?? string.Empty), atUtc)]
            : [];

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.CloseOrAwaitPayment(ApplicationStatus.Cancelled, payload.Reason);
        c.Notify(NotificationEvent.Cancelled, "cancelled", NotificationAudience.Enterprise, (NotificationFacts.Reason, payload.Reason ?? string.Empty));
        return c.Decision(c.Audit(request, AuditKinds.Cancelled, $"Hủy nhiệm vụ: {payload.Reason}"));
    }
}
