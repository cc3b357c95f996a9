namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise submits its final report; the leader then evaluates the task.</summary>
public sealed class SubmitFinalReport() : ActionDefinition<SubmitFinalReport.Payload>(LifecycleAction.SubmitFinalReport, "submit-final-report", Actor.Enterprise,
    [PayloadField.Note(required: true), PayloadField.Attachments(), PayloadField.Amount()], (request, _, _) => new(request.Note ?? string.Empty, request.PercentDone, request.AmountVnd, request.Attachments ?? []))
{
    public sealed record Payload(string Text, int? PercentDone, long? SpentVnd, IReadOnlyList<string> Attachments);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.State.FinalReport = new ReportRecord(payload.Text, payload.PercentDone, payload.SpentVnd, payload.Attachments, c.At);
        c.StartStep(c.WorkingDays(c.Policy.FinalEvaluationWorkingDays));
        return c.Decision(c.Audit(request, AuditKinds.FinalReportSubmitted, "Nộp báo cáo tổng kết, chờ nghiệm thu."));
    }
}
