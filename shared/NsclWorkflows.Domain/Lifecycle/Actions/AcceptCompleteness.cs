namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>An officer finds the file complete: it goes to appraisal.</summary>
public sealed class AcceptCompleteness() : ActionDefinition<NoteBody, AcceptCompleteness.Payload>(LifecycleAction.AcceptCompleteness, "accept-completeness", Actor.Officer,
    (request, _, _) => new(request.Note))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note);

    public sealed record Payload(string? Note);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.RecordDecision(request.ActorName, payload.Note);
        c.EnterAppraisal();
        return c.Decision(c.Audit(request, AuditKinds.CompletenessAccepted, payload.Note ?? "Hồ sơ đầy đủ, hợp lệ; chuyển thẩm định."));
    }
}
