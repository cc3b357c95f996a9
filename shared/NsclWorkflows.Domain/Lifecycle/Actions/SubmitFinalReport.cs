namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise submits its final report; the leader then evaluates the task.</summary>
public sealed class SubmitFinalReport() : ActionDefinition<SubmitFinalReport.Body, SubmitFinalReport.Payload>(LifecycleAction.SubmitFinalReport, "submit-final-report", Actor.Enterprise,
    (request, _, _) => new(request.Note ?? string.Empty, request.PercentDone, request.AmountVnd, request.Attachments ?? []))
{
    public sealed record Body(string? Note, IReadOnlyList<string>? Attachments, long? AmountVnd) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { Note = Block(Note), Attachments = Lines(Attachments), AmountVnd = AmountVnd };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Note(b => b.Note, required: true);
        body.TextList(b => b.Attachments);
        body.Amount(b => b.AmountVnd);
    }

    public sealed record Payload(string Text, int? PercentDone, long? SpentVnd, IReadOnlyList<string> Attachments);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.State.FinalReport = new ReportRecord(payload.Text, payload.PercentDone, payload.SpentVnd, payload.Attachments, c.At);
        c.StartStep(c.WorkingDays(c.Policy.FinalEvaluationWorkingDays));
        return c.Decision(c.Audit(request, AuditKinds.FinalReportSubmitted, "Nộp báo cáo tổng kết, chờ nghiệm thu."));
    }
}
