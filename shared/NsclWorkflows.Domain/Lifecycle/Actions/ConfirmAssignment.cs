namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// The enterprise confirms, through its link, the task the Department ordered from it or assigned to it directly (đặt
/// hàng, giao trực tiếp; <see cref="Applications.ApplicationSubmission.Selection"/>): the file goes to appraisal as any
/// file does (its appraisers are told).
/// </summary>
public sealed class ConfirmAssignment() : ActionDefinition<NoteBody, ConfirmAssignment.Payload>(LifecycleAction.ConfirmAssignment, "confirm-assignment",
    Actor.Enterprise, (request, _, _) => new(request.Note))
{
    protected override void Rules(InlineValidator<NoteBody> body) => body.Note(b => b.Note);

    public sealed record Payload(string? Note);

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        c.EnterAppraisal();
        var how = Applications.Selections.Vietnamese(c.Application.Submission.Selection);
        return c.Decision(c.Audit(request, AuditKinds.AssignmentConfirmed,
            payload.Note is null ? $"Doanh nghiệp xác nhận nhận nhiệm vụ {how}; chuyển thẩm định." : $"Doanh nghiệp xác nhận nhận nhiệm vụ {how}; chuyển thẩm định. {payload.Note}"));
    }
}
