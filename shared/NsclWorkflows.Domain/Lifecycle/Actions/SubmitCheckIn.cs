namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise reports on the current period; an officer reviews the report.</summary>
public sealed class SubmitCheckIn() : ActionDefinition<SubmitCheckIn.Body, SubmitCheckIn.Payload>(LifecycleAction.SubmitCheckIn, "submit-check-in", Actor.Enterprise,
    (request, _, _) => new(request.Note ?? string.Empty, request.PercentDone, request.AmountVnd, request.Attachments ?? []))
{
    public sealed record Body(string? Note, int? PercentDone, long? AmountVnd, IReadOnlyList<string>? Attachments) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) =>
            envelope with { Note = Block(Note), PercentDone = PercentDone, AmountVnd = AmountVnd, Attachments = Lines(Attachments) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Note(b => b.Note, required: true);
        body.WholeNumber(b => b.PercentDone, 0, 100, required: true);
        body.Amount(b => b.AmountVnd);
        body.TextList(b => b.Attachments);
    }

    public sealed record Payload(string Text, int? PercentDone, long? SpentVnd, IReadOnlyList<string> Attachments);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var open = c.State.Current!;
        open.ReportsList.Add(new ReportRecord(payload.Text, payload.PercentDone, payload.SpentVnd, payload.Attachments, c.At));
        open.Status = CheckInStatus.Submitted;
        c.StartStep(c.WorkingDays(c.Policy.EscalationDelayWorkingDays));
        return c.Decision(c.Audit(request, AuditKinds.CheckInSubmitted, $"Nộp báo cáo kỳ {open.Number}: {payload.PercentDone ?? 0}% khối lượng."));
    }
}
