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

    [Fact]
    public void Apply_OneActionIdTwice_TheSecondCopyChangesNothingAndWritesNothing()
    {
        Apply(null, StepKind.Receive);
        var note = new ActionRequest(LifecycleAction.AddNote, "Cán bộ A", "Officer") { Note = "Đã gọi điện cho doanh nghiệp.", ActionId = "a1" };
        var (firstAudit, _) = Apply(note);
        var sequence = application.LastSequence;

        var (secondAudit, second) = Apply(note);

        Assert.NotNull(firstAudit);
        Assert.Null(secondAudit); // nothing written: the note is in the trail once
        Assert.False(second.Applied);
        Assert.Empty(second.Notifications);
        Assert.Equal(sequence, application.LastSequence);
        Assert.Equal(["a1"], application.Lifecycle.TakenActionIds);
    }

    [Fact]
    public void Apply_ApprovalIdTwiceWithoutAVersion_TheBudgetIsReservedOnce()
    {
        Apply(null, StepKind.Receive);
        Apply(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ A", "Officer"));
        Apply(new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { Positive = true, AmountVnd = 200_000_000, Scores = Sheets.Appraisal() });
        var approve = new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 200_000_000, BudgetYear = 2025, ActionId = "approve-1" };
        var next = new StepCommand(application.Id, application.LastSequence + 1, StepKind.Action, Start.AddDays(1)) { Action = approve };
        Assert.NotEmpty(machine.LedgerMovesFor(application, next));
        machine.Apply(application, next);

        var again = new StepCommand(application.Id, application.LastSequence + 1, StepKind.Action, Start.AddDays(2)) { Action = approve };

        Assert.Empty(machine.LedgerMovesFor(application, again));
        Assert.Null(machine.DecisionToRegister(application, again));
        Assert.Null(machine.Apply(application, again).Audit);
    }

    [Fact]
    public void Apply_ActionUnderANumberRecordedAlready_IsTakenByItsIdOnce()
    {
        // After a host kill the workflow may give step 2's number to another action than the one a dead episode recorded
        // as step 2 (issue 18): that action is taken, not answered with step 2's result.
        Apply(null, StepKind.Receive);
        Apply(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ A", "Officer") { ActionId = "accept-1" });
        var reused = application.LastSequence;
        var withdraw = new StepCommand(application.Id, reused, StepKind.Action, Start.AddDays(1))
        {
            Action = new ActionRequest(LifecycleAction.Withdraw, "enterprise", "Enterprise") { Note = "Doanh nghiệp rút hồ sơ.", ActionId = "withdraw-1" },
        };

        var (audit, result) = machine.Apply(application, withdraw);
        var (again, _) = machine.Apply(application, withdraw);
        var (deadline, _) = machine.Apply(application, new StepCommand(application.Id, reused, StepKind.DeadlinePassed, Start.AddDays(2)));

        Assert.NotNull(audit);
        Assert.True(result.Applied);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(reused, application.LastSequence); // the last number never goes back
        Assert.Null(again); // its activity running again: taken once
        Assert.Null(deadline); // a system step keeps its number's result
        Assert.Equal(["accept-1", "withdraw-1"], application.Lifecycle.TakenActionIds);
    }

    [Fact]
    public void TakenActionIds_KeepsTheLastFifty()
    {
        Apply(null, StepKind.Receive);
        for (var i = 0; i < LifecycleState.TakenActionIdsKept + 5; i++)
        {
            Apply(new ActionRequest(LifecycleAction.AddNote, "Cán bộ A", "Officer") { Note = "Ghi chú " + i, ActionId = "n" + i });
        }

        Assert.Equal(LifecycleState.TakenActionIdsKept, application.Lifecycle.TakenActionIds.Count);
        Assert.Equal("n5", application.Lifecycle.TakenActionIds[0]);
    }

    (AuditEntry? Audit, StepResult Result) Apply(ActionRequest? action, StepKind kind = StepKind.Action) =>
        machine.Apply(application, new StepCommand(application.Id, application.LastSequence + 1, kind, Start.AddHours(application.LastSequence + 1)) { Action = action });
}
