using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>The file's version: each decision consumes the version it was taken on; an action taken on an older one is refused and audited.</summary>
public sealed class VersionTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    readonly LifecycleMachine machine = new(Catalogue, new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));
    readonly Application application = new("dddddddddddddddddddddddddd", "NSCL-2025-VERS",
        new ApplicationSubmission("0101234567", "Công ty TNHH Phiên Bản", "Trần Thị B", "b@example.vn", "0912345678", "productivity-tools", "Nhiệm vụ", "Tóm tắt", 300_000_000),
        Catalogue.Version, Start, Start.AddDays(5));

    [Fact]
    public void Apply_TwoDecisionsTakenOnTheSameVersion_TheSecondIsRefusedAsStaleAndAudited()
    {
        Apply(null, StepKind.Receive);
        var seen = application.Lifecycle.Version;

        var (_, first) = Apply(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ A", "Officer") { ExpectedVersion = seen });
        var (audit, second) = Apply(new ActionRequest(LifecycleAction.RequestSupplementation, "Cán bộ B", "Officer")
            { ExpectedVersion = seen, MissingItems = ["Báo cáo tài chính"] });

        Assert.True(first.Applied);
        Assert.False(second.Applied);
        Assert.Equal(LifecycleMachine.StaleVersion, second.RefusalCode);
        Assert.Equal((AuditKinds.ActionIgnored, "Cán bộ B"), (audit!.Kind, audit.Actor));
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        Assert.Equal(seen + 1, application.Lifecycle.Version);
    }

    [Fact]
    public void Apply_RefusedDecision_StillConsumesItsVersion()
    {
        Apply(null, StepKind.Receive);

        var (_, refused) = Apply(new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 1, ExpectedVersion = 0 });

        Assert.Equal("invalid_transition", refused.RefusalCode);
        Assert.Equal(1, application.Lifecycle.Version);
    }

    [Fact]
    public void Apply_ActionWithoutAVersion_IsDecidedOnTheStateItMeets()
    {
        Apply(null, StepKind.Receive);
        Apply(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ A", "Officer"));

        var (_, result) = Apply(new ActionRequest(LifecycleAction.Withdraw, "enterprise", "Enterprise"));

        Assert.True(result.Applied);
        Assert.Equal(2, application.Lifecycle.Version);
    }

    (AuditEntry? Audit, StepResult Result) Apply(ActionRequest? action, StepKind kind = StepKind.Action) =>
        machine.Apply(application, new StepCommand(application.Id, application.LastSequence + 1, kind, Start.AddHours(application.LastSequence + 1)) { Action = action });
}
