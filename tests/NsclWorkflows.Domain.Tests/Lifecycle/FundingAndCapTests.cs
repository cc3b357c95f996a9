using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// Lines and units (issue 13.3) and caps (13.4) as the machine applies them: support funded elsewhere (lồng ghép) goes
/// to the line's lead unit and moves no money through its whole lifecycle; support on this plan's lines still does;
/// a recommendation or approval above the kind's cap is refused and reserves nothing.
/// </summary>
public sealed class FundingAndCapTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    readonly LifecycleMachine machine = new(Catalogue, new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));
    int sequence;

    [Theory]
    [InlineData("e-commerce", "IV.5", Units.IndustryAndTrade)]
    [InlineData("traceability-gap", "IV.4", Units.Agriculture)]
    [InlineData("digital-management", "IV.3", Units.ScienceAndTechnology)]
    public void Apply_IntegratedKindThroughCompletion_GoesToTheLeadUnitAndMovesNoMoney(string kind, string line, string unit)
    {
        var application = New(kind, 150_000_000);
        var moves = new List<BudgetMovementRequest>();

        Walk(application, moves, 150_000_000);

        Assert.Equal(ApplicationStatus.Completed, application.Status);
        Assert.Equal((line, unit), (application.Lifecycle.BudgetLineId, application.Lifecycle.Unit));
        Assert.False(application.Lifecycle.MovesPlanMoney);
        Assert.Equal(Catalogue.Programme.FindLine(line)!.FundedFrom, application.Lifecycle.IntegratedFundingFrom);
        Assert.Empty(moves);
    }

    [Fact]
    public void Apply_PlanFundedKindThroughCompletion_ReservesCommitsAndDisburses()
    {
        var application = New("productivity-tools", 150_000_000);
        var moves = new List<BudgetMovementRequest>();

        Walk(application, moves, 150_000_000);

        Assert.Equal(ApplicationStatus.Completed, application.Status);
        Assert.Equal(("IV.1", Units.ScienceAndTechnology), (application.Lifecycle.BudgetLineId, application.Lifecycle.Unit));
        Assert.True(application.Lifecycle.MovesPlanMoney);
        Assert.Equal(150_000_000, moves.Where(m => m.Kind == BudgetMovementKind.Reserve).Sum(m => m.AmountVnd));
        Assert.Equal(150_000_000, moves.Where(m => m.Kind == BudgetMovementKind.Disburse).Sum(m => m.AmountVnd));
        Assert.All(moves, m => Assert.Equal("IV.1", m.Key.LineId));
    }

    [Fact]
    public void Apply_IntegratedApproval_AuditSaysWhereTheMoneyComesFrom()
    {
        var application = New("e-commerce", 100_000_000);
        ToApproval(application, 100_000_000);

        var (audit, result) = machine.Apply(application, Next(application, Approve(100_000_000)));

        Assert.True(result.Applied);
        Assert.Contains("kinh phí lồng ghép từ Kế hoạch số 121/KH-UBND", audit!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AppraisalAboveTheExpertCap_IsRefused()
    {
        var application = New("expert-training", 40_000_000, persons: 2);
        ToAppraisal(application);

        var (_, result) = machine.Apply(application, Next(application, Appraisal(40_000_001)));

        Assert.Equal(40_000_000, application.Lifecycle.SupportCapVnd);
        Assert.False(result.Applied);
        Assert.Equal(ErrorCodes.ExceedsKindMaximum, result.RefusalCode);
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        Assert.Empty(application.Lifecycle.Appraisals);
    }

    [Fact]
    public void Apply_ApprovalAboveTheCap_IsRefusedAndReservesNothing()
    {
        var application = New("expert-training", 20_000_000, persons: 1);
        ToApproval(application, 20_000_000);
        application.Lifecycle.RecommendedAmountVnd = 25_000_000; // as if the cap had been bypassed at appraisal
        var approve = Next(application, Approve(25_000_000));

        var moves = machine.LedgerMovesFor(application, approve);
        var (_, result) = machine.Apply(application, approve);

        Assert.Empty(moves);
        Assert.False(result.Applied);
        Assert.Equal(ErrorCodes.ExceedsKindMaximum, result.RefusalCode);
        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
    }

    [Fact]
    public void Apply_ApprovalAtTheCapForThreeNominees_Passes()
    {
        var application = New("expert-training", 60_000_000, persons: 3);
        ToApproval(application, 60_000_000);
        var approve = Next(application, Approve(60_000_000));

        var moves = machine.LedgerMovesFor(application, approve);
        var (_, result) = machine.Apply(application, approve);

        Assert.True(result.Applied);
        Assert.Equal([("I.2", 60_000_000L)], moves.Select(m => (m.Key.LineId, m.AmountVnd)));
    }

    void Walk(Application application, List<BudgetMovementRequest> moves, long amount)
    {
        ToApproval(application, amount);
        Step(application, moves, Approve(amount));
        Assert.True(Signing.Sign(machine, application, Next(application, null)).Applied);
        var checkIns = Catalogue.FindKind(application.Submission.SupportKindId)!.Policy.CheckInCount;
        for (var i = 0; i < checkIns; i++)
        {
            Step(application, moves, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = $"Kỳ {i + 1}", PercentDone = 40 });
            Step(application, moves, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true });
        }

        Step(application, moves, new ActionRequest(LifecycleAction.SubmitFinalReport, "enterprise", "Enterprise") { Note = "Hoàn thành" });
        Step(application, moves, new ActionRequest(LifecycleAction.Evaluate, "Lãnh đạo", "Leader") { Positive = true });

        // The accountant pays what is payable (nothing for a kind funded elsewhere): each payment disburses.
        foreach (var payable in application.Lifecycle.OpenPayables.ToList())
        {
            var paidOn = DateOnly.FromDateTime(Start.AddHours(sequence + 1).ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
            Step(application, moves, new ActionRequest(LifecycleAction.RecordPayment, "Kế toán", "Accountant")
                { PayableId = payable.Id, AmountVnd = payable.AmountVnd, PaidOn = paidOn, TreasuryReference = $"KB-{payable.Id}" });
        }
    }

    void Step(Application application, List<BudgetMovementRequest> moves, ActionRequest action)
    {
        var step = Next(application, action);
        moves.AddRange(machine.LedgerMovesFor(application, step));
        var (_, result) = machine.Apply(application, step);
        Assert.True(result.Applied, $"{action.Action}: {result.RefusalMessage}");
    }

    void ToAppraisal(Application application)
    {
        machine.Apply(application, Next(application, null, StepKind.Receive));
        machine.Apply(application, Next(application, new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer")));
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
    }

    void ToApproval(Application application, long amount)
    {
        ToAppraisal(application);
        machine.Apply(application, Next(application, Appraisal(amount)));
        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
    }

    static ActionRequest Appraisal(long amount) => new(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
    {
        ActorId = "oid-t",
        Positive = true,
        AmountVnd = amount,
        Scores = Sheets.Appraisal(),
    };

    static ActionRequest Approve(long amount) => new(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = amount, BudgetYear = 2025 };

    StepCommand Next(Application application, ActionRequest? action, StepKind kind = StepKind.Action)
    {
        sequence++;
        return new StepCommand(application.Id, sequence, kind, Start.AddHours(sequence)) { Action = action };
    }

    static Application New(string kind, long amount, int persons = 0) => new(
        "bbbbbbbbbbbbbbbbbbbbbbbbbb", "NSCL-2026-TEST",
        new ApplicationSubmission("0101234567", "Công ty TNHH Thử Nghiệm", "Trần Thị B", "b@example.vn", "0912345678", kind, "Nhiệm vụ thử", "Tóm tắt", amount)
        {
            Nominees = persons == 0 ? null : [.. Enumerable.Range(1, persons).Select(i => new Nominee($"Người {i}", "Sở Khoa học và Công nghệ", "Chuyên viên"))],
            OrganisationType = persons == 0 ? null : OrganisationTypes.PublicBody,
        },
        Catalogue.Version, Start, Start.AddDays(5));
}
