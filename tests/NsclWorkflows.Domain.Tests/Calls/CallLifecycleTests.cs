using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Tests.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Calls;

/// <summary>A file of a call in the lifecycle machine: appraised only after the close, approved from the call's envelope.</summary>
public sealed class CallLifecycleTests
{
    readonly LifecycleMachine machine = new(CallRulesTests.Catalogue, new DeadlinePlanner(CallRulesTests.Calendar, new DeadlineOptions()));
    readonly Call call = CallRulesTests.Opened();
    int sequence;

    [Fact]
    public void Apply_AppraisalBeforeTheCallCloses_RefusedCallStillOpenAndNothingRecorded()
    {
        var application = ToAppraisal(at: CallRulesTests.Now.AddHours(2));

        var (_, result) = machine.Apply(application, Step(Appraisal(300_000_000), call.ClosesAtUtc.AddSeconds(-1)));

        Assert.False(result.Applied);
        Assert.Equal(CallErrorCodes.CallStillOpen, result.RefusalCode);
        Assert.Contains("13/03/2026", result.RefusalMessage, StringComparison.Ordinal);
        Assert.Empty(application.Lifecycle.Appraisals);
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
    }

    [Fact]
    public void Apply_CompletenessAcceptedWhileTheCallIsOpen_AppraisalDueCountsFromTheClose()
    {
        var application = ToAppraisal(at: CallRulesTests.Now.AddHours(2));

        // 15 working days after Friday 13 March 2026 (its close): Friday 3 April, at the end of the day in Đà Nẵng.
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 23, 59, 59, TimeSpan.FromHours(7)), application.Lifecycle.StepDueUtc);
    }

    [Fact]
    public void Apply_AppraisalAfterTheClose_Recorded()
    {
        var application = ToAppraisal(at: CallRulesTests.Now.AddHours(2));

        var (_, result) = machine.Apply(application, Step(Appraisal(300_000_000), call.ClosesAtUtc));

        Assert.True(result.Applied, result.RefusalMessage);
        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
    }

    [Fact]
    public void LedgerMovesFor_ApprovalOfAFileOfTheCall_DrawsFromTheCallsEnvelopeInItsYear()
    {
        var application = ToApproval();
        var approve = Step(new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 300_000_000 }, call.ClosesAtUtc.AddDays(40));

        var move = Assert.Single(machine.LedgerMovesFor(application, approve));

        Assert.Equal((BudgetMovementKind.Draw, call.Id, new BudgetKey("IV.1", 2026), 300_000_000L), (move.Kind, move.FromHolderId, move.Key, move.AmountVnd));
        Assert.True(machine.Apply(application, approve).Result.Applied);
        Assert.Equal(2026, application.Lifecycle.Approval!.BudgetYear);
    }

    [Fact]
    public void Apply_ApprovalInAnotherYearThanTheCalls_Refused()
    {
        var application = ToApproval();

        var (_, result) = machine.Apply(application, Step(new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 300_000_000, BudgetYear = 2027 },
            call.ClosesAtUtc.AddDays(2)));

        Assert.False(result.Applied);
        Assert.Equal(ErrorCodes.OutOfRange, result.RefusalCode);
    }

    [Fact]
    public void Apply_ApprovalTheLedgerRefusesBeyondTheEnvelope_NotApproved()
    {
        var application = ToApproval();
        var approve = Step(new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 300_000_000 }, call.ClosesAtUtc.AddDays(2));
        var refusal = new LedgerResult(false, false, LedgerRefusalCodes.EnvelopeExceeded, "Kinh phí của đợt chỉ còn 100.000.000 đồng.",
            new LedgerBalance(new BudgetKey("IV.1", 2026), 800_000_000, 500_000_000, 0, 0));

        var (_, result) = machine.Apply(application, approve, refusal, machine.LedgerMovesFor(application, approve)[0]);

        Assert.False(result.Applied);
        Assert.Equal(LedgerRefusalCodes.EnvelopeExceeded, result.RefusalCode);
        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
    }

    [Fact]
    public void Apply_RollingFileWithoutACall_AppraisedAtOnce()
    {
        var application = New("productivity-tools", joinCall: false);
        machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));
        machine.Apply(application, Step(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer"), CallRulesTests.Now.AddHours(1)));

        Assert.True(machine.Apply(application, Step(Appraisal(300_000_000), CallRulesTests.Now.AddHours(2))).Result.Applied);
    }

    Application ToAppraisal(DateTimeOffset at)
    {
        var application = New("science-technology-task", joinCall: true);
        machine.Apply(application, Step(null, at, StepKind.Receive));
        machine.Apply(application, Step(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer"), at.AddMinutes(5)));
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        return application;
    }

    Application ToApproval()
    {
        var application = ToAppraisal(CallRulesTests.Now.AddHours(2));
        Assert.True(machine.Apply(application, Step(Appraisal(300_000_000), call.ClosesAtUtc.AddHours(1))).Result.Applied);
        return application;
    }

    static ActionRequest Appraisal(long amount) => new(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
    {
        ActorId = "oid-t",
        Positive = true,
        AmountVnd = amount,
        Scores = Sheets.Appraisal(),
    };

    StepCommand Step(ActionRequest? action, DateTimeOffset at, StepKind kind = StepKind.Action)
    {
        sequence++;
        return new StepCommand("cccccccccccccccccccccccccc", sequence, kind, at) { Action = action };
    }

    Application New(string kind, bool joinCall)
    {
        var application = new Application("cccccccccccccccccccccccccc", "NSCL-2026-CALL",
            new ApplicationSubmission("0101234567", "Công ty TNHH Thử Nghiệm", "Trần Thị B", "b@example.vn", "0912345678", kind, "Nhiệm vụ thử", "Tóm tắt", 300_000_000)
            {
                CallId = joinCall ? call.Id : null,
            },
            CallRulesTests.Catalogue.Version, CallRulesTests.Now, CallRulesTests.Now.AddDays(5));
        application.RouteTo(CallRulesTests.Catalogue, CallRulesTests.Catalogue.FindKind(kind)!);
        if (joinCall)
        {
            application.JoinCall(call);
        }

        return application;
    }
}
