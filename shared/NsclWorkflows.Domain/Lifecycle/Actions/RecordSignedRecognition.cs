using System.Globalization;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Decisions;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// A leader records the signed recognition decision (quyết định công nhận kết quả thực hiện nhiệm vụ) of a file whose
/// final evaluation passed where the catalogue says the Department issues one (<see cref="RecognitionPolicy"/>): the
/// signed PDF (an attachment of the application), the date and the signer, as for the approval decision
/// (<see cref="RecordSignedDecision"/>, the same body and checks). The number is the decision register's, in the same
/// yearly series as every decision of the Department. Only then is the enterprise told the result (with the number), and
/// the file closes, or waits for its final payment.
/// </summary>
public sealed class RecordSignedRecognition() : ActionDefinition<RecordSignedDecision.Body, RecordSignedDecision.Payload>(
    LifecycleAction.RecordSignedRecognition, "record-signed-recognition", Actor.Leader, Read)
{
    public override string? FileField => "signedFile";

    protected override void Rules(InlineValidator<RecordSignedDecision.Body> body) => RecordSignedDecision.SignedRules(body);

    /// <summary>Not signed before the evaluation it recognises (its Vietnam date is the payload's <c>ApprovedOn</c>).</summary>
    static RecordSignedDecision.Payload Read(ActionRequest request, Application application, DateTimeOffset atUtc) =>
        new(request.SignedOn, request.SignerName ?? string.Empty, request.SignerTitle ?? string.Empty, request.SignedFile ?? string.Empty,
            request.ActorRole, VietnamDate(atUtc), application.Lifecycle.Evaluation is { } evaluation ? VietnamDate(evaluation.AtUtc) : null);

    protected override IReadOnlyList<FieldError> Validate(RecordSignedDecision.Payload payload, Application application, ProgrammeCatalogue catalogue) =>
        RecordSignedDecision.SignedErrors(payload, "nghiệm thu");

    public override DecisionRegistration? RegistrationFor(ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        return request.SignedOn is { } signedOn
            ? new DecisionRegistration(application.Id, application.TrackingCode, application.Lifecycle.Unit, DecisionKinds.ResultRecognition, signedOn,
                Text.VietnameseText.NormaliseLine(request.SignerName ?? string.Empty), Text.VietnameseText.NormaliseLine(request.SignerTitle ?? string.Empty),
                request.ActorName, atUtc)
            : null;
    }

    internal override Decision Decide(StepContext c, ActionRequest request, RecordSignedDecision.Payload payload)
    {
        var registered = c.Registered ?? throw new InvalidOperationException("A signed recognition decision is decided with its register number.");
        var state = c.State;
        var evaluation = state.Evaluation ?? throw new InvalidOperationException("A recognition decision needs the evaluation it recognises.");
        var signedOn = payload.SignedOn!.Value;
        state.SignedRecognition = new SignedDecisionRecord(registered.Number, registered.Symbol, registered.Year, signedOn, payload.SignerName, payload.SignerTitle,
            payload.File, request.ActorName, c.At);
        c.CloseOrAwaitPayment(ApplicationStatus.Completed, evaluation.Note);
        c.Notify(NotificationEvent.FinalEvaluationResult, "evaluation", NotificationAudience.Enterprise,
            (NotificationFacts.Result, "Đạt"), (NotificationFacts.EvaluationDate, Iso(evaluation.AtUtc)), (NotificationFacts.Note, evaluation.Note ?? string.Empty),
            (NotificationFacts.DecisionNumber, registered.NumberAndSymbol), (NotificationFacts.DecisionDate, signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var detail = $"Quyết định công nhận kết quả thực hiện nhiệm vụ số {registered.NumberAndSymbol} ngày {signedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} "
            + $"({payload.SignerTitle} {payload.SignerName} ký); đã thông báo kết quả nghiệm thu (đạt) cho doanh nghiệp.";
        return c.Decision(c.Audit(request, AuditKinds.RecognitionSigned, detail)) with { Documents = [Documents.DocumentKinds.SignedRecognitionDecision] };
    }

    static DateOnly VietnamDate(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
}
