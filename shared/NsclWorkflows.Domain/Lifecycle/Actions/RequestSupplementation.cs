using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>An officer asks the enterprise for missing documents, by a deadline (then the file is withdrawn).</summary>
public sealed class RequestSupplementation() : ActionDefinition<RequestSupplementation.Body, RequestSupplementation.Payload>(LifecycleAction.RequestSupplementation, "request-supplementation", Actor.Officer,
    (request, _, _) => new(request.MissingItems ?? [], request.WorkingDays, request.Note))
{
    public sealed record Body(IReadOnlyList<string>? MissingItems, int? WorkingDays, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) =>
            envelope with { MissingItems = Lines(MissingItems), WorkingDays = WorkingDays, Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.TextList(b => b.MissingItems, required: true);
        body.WholeNumber(b => b.WorkingDays, 1, 60);
        body.Note(b => b.Note);
    }

    public sealed record Payload(IReadOnlyList<string> MissingItems, int? WorkingDays, string? Note);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var deadline = c.WorkingDays(payload.WorkingDays is > 0 ? payload.WorkingDays.Value : c.Policy.SupplementationWorkingDays);
        var items = string.Join("; ", payload.MissingItems);
        state.SupplementationsList.Add(new SupplementationRound(state.Supplementations.Count + 1, request.ActorName, payload.MissingItems, payload.Note, c.At, deadline));
        c.MoveTo(ApplicationStatus.SupplementationRequested);
        c.StartStep(deadline);
        c.Notify(NotificationEvent.SupplementationRequested, $"round-{state.Supplementations.Count}", NotificationAudience.Enterprise,
            (NotificationFacts.MissingItems, string.Join('\n', payload.MissingItems)), (NotificationFacts.DueDate, Iso(deadline)), (NotificationFacts.Note, payload.Note ?? string.Empty));
        return c.Decision(c.Audit(request, AuditKinds.SupplementationRequested, $"Yêu cầu bổ sung ({items}), hạn {Date(deadline)}."));
    }
}
