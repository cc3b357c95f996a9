using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise supplements its file: it goes back to the completeness review.</summary>
public sealed class Resubmit() : ActionDefinition<Resubmit.Body, Resubmit.Payload>(LifecycleAction.Resubmit, "resubmit", Actor.Enterprise,
    (request, _, _) => new(request.Note, request.Attachments))
{
    public sealed record Body(string? Note, IReadOnlyList<string>? Attachments) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { Note = Block(Note), Attachments = Lines(Attachments) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Note(b => b.Note, required: true);
        body.TextList(b => b.Attachments);
    }

    public sealed record Payload(string? Note, IReadOnlyList<string>? Attachments);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var round = c.State.Supplementations[^1];
        round.ResubmittedAtUtc = c.At;
        round.ResubmissionNote = payload.Note;
        round.Attachments = payload.Attachments;
        c.MoveTo(ApplicationStatus.AwaitingCompletenessReview);
        c.StartStep(c.WorkingDays(c.Policy.CompletenessReviewWorkingDays));
        c.Notify(NotificationEvent.ResubmissionReceived, $"round-{round.Round}", NotificationAudience.Officers, (NotificationFacts.ResubmittedDate, Iso(c.At)));
        return c.Decision(c.Audit(request, AuditKinds.Resubmitted, payload.Note ?? "Doanh nghiệp đã nộp bổ sung hồ sơ."));
    }
}
