namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>An officer finds the file complete: it goes to appraisal.</summary>
public sealed class AcceptCompleteness() : ActionDefinition<AcceptCompleteness.Body, AcceptCompleteness.Payload>(LifecycleAction.AcceptCompleteness, "accept-completeness", Actor.Officer,
    (request, _, _) => new(request.Note))
{
    public sealed record Body(string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body) => body.Note(b => b.Note);

    public sealed record Payload(string? Note);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.RecordDecision(request.ActorName, payload.Note);
        c.EnterAppraisal();
        return c.Decision(c.Audit(request, AuditKinds.CompletenessAccepted, payload.Note ?? "Hồ sơ đầy đủ; chuyển thẩm định."));
    }
}
