using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>A leader refuses support, with the reason the enterprise is sent.</summary>
public sealed class Reject() : ActionDefinition<NoteBody, Reject.Payload>(LifecycleAction.Reject, "reject", Actor.Leader,
    (request, _, _) => new(request.Note))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note, required: true);

    public sealed record Payload(string? Reason);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.State.RejectionReason = payload.Reason;
        c.RecordDecision(request.ActorName, payload.Reason);
        c.Close(ApplicationStatus.Rejected, payload.Reason);
        c.Notify(NotificationEvent.Rejected, "rejected", NotificationAudience.Enterprise, (NotificationFacts.Reason, payload.Reason ?? string.Empty),
            (NotificationFacts.DecisionDate, Iso(c.At)));
        return c.Decision(c.Audit(request, AuditKinds.Rejected, payload.Reason ?? "Không phê duyệt."));
    }
}
