using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The enterprise asks for a later due date of the current report (one request at a time).</summary>
public sealed class RequestExtension() : ActionDefinition<RequestExtension.Body, RequestExtension.Payload>(LifecycleAction.RequestExtension, "request-extension", Actor.Enterprise,
    (request, _, _) => new(request.NewDueDate, request.Note))
{
    public sealed record Body(DateOnly? NewDueDate, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with { NewDueDate = NewDueDate, Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Date(b => b.NewDueDate, required: true);
        body.Note(b => b.Note, required: true);
    }

    public sealed record Payload(DateOnly? NewDueDate, string? Reason);

    public override bool Permits(ImplementationState state) => state is null ? throw new ArgumentNullException(nameof(state)) : !state.ExtensionPending;

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue)
    {
        if (payload.NewDueDate is not { } date)
        {
            return [new FieldError("newDueDate", ErrorCodes.Required, "Vui lòng nhập ngày đề nghị gia hạn.")];
        }

        return application.Lifecycle.Current is { } current && date <= DateOnly.FromDateTime(current.DueUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime)
            ? [new FieldError("newDueDate", ErrorCodes.OutOfRange, "Ngày gia hạn phải sau hạn báo cáo hiện tại.")]
            : [];
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var due = payload.NewDueDate!.Value;
        state.PendingExtension = new ExtensionRecord(state.CurrentCheckIn, due, payload.Reason, c.At);
        return c.Decision(c.Audit(request, AuditKinds.ExtensionRequested,
            $"Đề nghị gia hạn kỳ {state.CurrentCheckIn} đến {due:dd/MM/yyyy}: {payload.Reason}"));
    }
}
