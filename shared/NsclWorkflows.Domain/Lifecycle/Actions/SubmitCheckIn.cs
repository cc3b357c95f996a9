namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise reports on the current period; an officer reviews the report.</summary>
public sealed class SubmitCheckIn() : ActionDefinition<SubmitCheckIn.Payload>(LifecycleAction.SubmitCheckIn, "submit-check-in", Actor.Enterprise,
    [PayloadField.Note(required: true), PayloadField.WholeNumber("percentDone", 0, 100, (r, v) => r with { PercentDone = v }, required: true), PayloadField.Amount(), PayloadField.Attachments()], (request, _, _) => new(request.Note ?? string.Empty, request.PercentDone, request.AmountVnd, request.Attachments ?? []))
{
    public sealed record Payload(string Text, int? PercentDone, long? SpentVnd, IReadOnlyList<string> Attachments);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var open = c.State.Current!;
        open.Reports.Add(new ReportRecord(payload.Text, payload.PercentDone, payload.SpentVnd, payload.Attachments, c.At));
        open.Status = CheckInStatus.Submitted;
        c.StartStep(c.WorkingDays(c.Policy.EscalationDelayWorkingDays));
        return c.Decision(c.Audit(request, AuditKinds.CheckInSubmitted, $"Nộp báo cáo kỳ {open.Number}: {payload.PercentDone ?? 0}% khối lượng."));
    }
}
