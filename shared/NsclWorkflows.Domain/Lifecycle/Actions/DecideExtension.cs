using NsclWorkflows.Domain.Calendar;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>An officer grants (the report's due date moves) or refuses the pending extension request.</summary>
public sealed class DecideExtension() : ActionDefinition<DecideExtension.Body, DecideExtension.Payload>(LifecycleAction.DecideExtension, "decide-extension", Actor.Officer,
    (request, _, _) => new(request.Positive == true, request.Note))
{
    public sealed record Body(bool? Granted, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { Positive = Granted, Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Decision(b => b.Granted);
        body.Text(b => b.Note, requiredWhen: b => b.Granted == false);
    }

    public sealed record Payload(bool Granted, string? Note);

    public override bool Permits(ImplementationState state) => state is null ? throw new ArgumentNullException(nameof(state)) : state.ExtensionPending;

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var extension = state.PendingExtension!;
        extension.Granted = payload.Granted;
        extension.DecidedBy = request.ActorName;
        extension.DecisionNote = payload.Note;
        state.ExtensionsList.Add(extension);
        state.PendingExtension = null;
        var current = state.Current;
        if (payload.Granted && current is not null)
        {
            current.DueUtc = c.Planner.IsCompressed ? c.At + ((current.DueUtc - c.At).Duration() * 2) : DeadlinePlanner.EndOfLocalDay(extension.NewDueDate);
            c.StartStep(current.DueUtc);
        }

        c.Notify(NotificationEvent.ExtensionDecided, $"checkin-{state.CurrentCheckIn}-extension-{state.Extensions.Count}", NotificationAudience.Enterprise,
            (NotificationFacts.Decision, payload.Granted ? "Đồng ý gia hạn" : "Không đồng ý gia hạn"),
            (NotificationFacts.NewDueDate, payload.Granted && current is not null ? Iso(current.DueUtc) : string.Empty),
            (NotificationFacts.Reason, payload.Note ?? string.Empty));
        return c.Decision(c.Audit(request, payload.Granted ? AuditKinds.ExtensionGranted : AuditKinds.ExtensionRefused,
            payload.Granted ? $"Gia hạn kỳ {extension.CheckIn} đến {(current is not null ? Date(current.DueUtc) : string.Empty)}." : $"Không gia hạn: {payload.Note}"));
    }
}
