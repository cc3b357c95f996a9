using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>Recording a signed decision in machine tests, with what the decision register answers (its numbering is tested on Azurite).</summary>
static class Signing
{
    /// <summary>The leader's record of the decision, signed on the (Vietnam) day of the step.</summary>
    public static ActionRequest Action(DateTimeOffset stepAtUtc) => new(LifecycleAction.RecordSignedDecision, "Lãnh đạo", "Leader")
    {
        SignedOn = DateOnly.FromDateTime(stepAtUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
        SignerName = "Nguyễn Văn Ký",
        SignerTitle = "Phó Giám đốc",
        SignedFile = "quyet-dinh-da-ky.pdf",
    };

    /// <summary>Signs <paramref name="application"/> at <paramref name="step"/> (its action replaced by the leader's record), number 1.</summary>
    public static StepResult Sign(LifecycleMachine machine, Application application, StepCommand step)
    {
        var signing = step with { Action = Action(step.AtUtc) };
        return machine.Apply(application, signing, registered: Registered(machine.DecisionToRegister(application, signing), 1)).Result;
    }

    public static RegisteredDecision? Registered(DecisionRegistration? r, int number) => r is null ? null
        : new(r.Year, number, r.Symbol, r.ApplicationId, r.TrackingCode, r.Unit, r.Kind, r.SignedOn, r.SignerName, r.SignerTitle, r.RecordedBy, r.AtUtc);
}
