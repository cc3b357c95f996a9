namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// An officer of the handling unit writes a note on the open file (a phone call, a site visit, what a meeting agreed):
/// kept in the history for officers, not shown to the enterprise (its audit kind is not one it is shown). A note is an
/// annotation: allowed in every open status, it changes no status, no deadline and no reminder, and no version.
/// </summary>
public sealed class AddNote() : ActionDefinition<NoteBody, AddNote.Payload>(LifecycleAction.AddNote, "add-note", Actor.Officer,
    (request, _, _) => new(request.Note ?? string.Empty))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note, required: true);

    /// <summary>The audit kind of a note (officers' history only).</summary>
    public const string NoteAdded = "NoteAdded";

    public sealed record Payload(string Text);

    public override bool IsAnnotation => true;

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload) =>
        c.Decision(c.Audit(request, NoteAdded, payload.Text));
}
