using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise withdraws its file before a decision on support.</summary>
public sealed class Withdraw() : ActionDefinition<NoteBody, Withdraw.Payload>(LifecycleAction.Withdraw, "withdraw", Actor.Enterprise,
    (request, _, _) => new(request.Note))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note);

    public sealed record Payload(string? Reason);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var reason = payload.Reason ?? "Doanh nghiệp rút hồ sơ.";
        c.Close(ApplicationStatus.Withdrawn, reason);
        // The officers' e-mail says who stopped the file: the same e-mail tells of a file stopped at the supplementation deadline.
        var told = payload.Reason is null ? reason : $"Doanh nghiệp rút hồ sơ. Lý do: {reason}";
        c.Notify(NotificationEvent.Withdrawn, "withdrawn", NotificationAudience.Officers, (NotificationFacts.WithdrawnDate, Iso(c.At)), (NotificationFacts.Reason, told));
        return c.Decision(c.Audit(request, AuditKinds.Withdrawn, reason));
    }
}
