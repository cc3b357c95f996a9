using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Activities;

public class ActivityRulesTests
{
    static readonly Programme Programme = EmbeddedCatalogue.Load().Programme;
    static readonly DateTimeOffset Now = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    static readonly ResponsibleOfficer Officer = new("officer-1", "Nguyễn Văn An");

    static ActivityPlanRequest LeanClass(long cost = 40_000_000) => new(
        "Lớp tập huấn Lean cho doanh nghiệp quận Liên Chiểu", "I.3", 2025, cost,
        new DateOnly(2025, 4, 10), new DateOnly(2025, 4, 12), "2 lớp, khoảng 80 học viên");

    static ProgrammeActivity Planned(long cost = 40_000_000) => ActivityRules.Plan("HD-1", LeanClass(cost), Officer, Programme, Now).Activity!;

    [Fact]
    public void Plan_ValidRequest_ReservesEstimatedCostUnderTheItemsLeadUnit()
    {
        var outcome = ActivityRules.Plan("HD-1", LeanClass(), Officer, Programme, Now);

        Assert.True(outcome.IsValid);
        Assert.Equal(ActivityState.Planned, outcome.Activity!.State);
        Assert.Equal("skhcn", outcome.Activity.LeadUnit);
        var reserve = Assert.Single(outcome.Movements);
        Assert.Equal(BudgetMovementKind.Reserve, reserve.Kind);
        Assert.Equal(40_000_000, reserve.AmountVnd);
        Assert.Equal(new BudgetKey("I.3", 2025), reserve.Key);
        Assert.Equal("HD-1", reserve.ApplicationId);
    }

    [Theory]
    [InlineData("IV")]
    [InlineData("total")]
    [InlineData("IX.9")]
    public void Plan_LineNotAnItem_FieldError(string line)
    {
        var outcome = ActivityRules.Plan("HD-1", LeanClass() with { LineId = line }, Officer, Programme, Now);

        Assert.Contains(outcome.Errors, e => e.Field == "lineId" && e.Code == ActivityErrorCodes.UnknownLine);
        Assert.Empty(outcome.Movements);
    }

    [Fact]
    public void Plan_HostileTextAndBadDates_FieldErrorsForEach()
    {
        var outcome = ActivityRules.Plan("HD-1", LeanClass() with
        {
            Title = "Lớp\u202Etập huấn",
            ExpectedOutputs = "ok\uFFFF",
            PlannedEnd = new DateOnly(2025, 4, 1),
            EstimatedCostVnd = 0,
        }, Officer, Programme, Now);

        Assert.Contains(outcome.Errors, e => e.Field == "title" && e.Code == ErrorCodes.InvalidCharacters);
        Assert.Contains(outcome.Errors, e => e.Field == "expectedOutputs" && e.Code == ErrorCodes.InvalidCharacters);
        Assert.Contains(outcome.Errors, e => e.Field == "plannedEnd");
        Assert.Contains(outcome.Errors, e => e.Field == "estimatedCostVnd");
        Assert.Null(outcome.Activity);
    }

    [Fact]
    public void RecordSpending_CommitAndDisburse_MovesReservedToCommittedToDisbursed()
    {
        var outcome = ActivityRules.RecordSpending(Planned(), "S1", new(30_000_000, 30_000_000, "HĐ 12/2025", null), "officer-1", Now);

        Assert.True(outcome.IsValid);
        Assert.Equal([BudgetMovementKind.Commit, BudgetMovementKind.Disburse], outcome.Movements.Select(m => m.Kind));
        Assert.Equal(ActivityState.InProgress, outcome.Activity!.State);
        Assert.Equal(10_000_000, outcome.Activity.HeldReservedVnd);
        Assert.Equal(0, outcome.Activity.HeldCommittedVnd);
        Assert.Equal(30_000_000, outcome.Activity.DisbursedVnd);
    }

    [Fact]
    public void RecordSpending_CommitBeyondEstimate_ReservesTheShortfallFirst()
    {
        var outcome = ActivityRules.RecordSpending(Planned(10_000_000), "S1", new(12_000_000, null, "HĐ 1", null), "officer-1", Now);

        Assert.Equal([BudgetMovementKind.Reserve, BudgetMovementKind.Commit], outcome.Movements.Select(m => m.Kind));
        Assert.Equal(2_000_000, outcome.Movements[0].AmountVnd);
        Assert.Equal(0, outcome.Activity!.HeldReservedVnd);
    }

    [Fact]
    public void RecordSpending_DisburseBeyondCommitted_FieldError()
    {
        var outcome = ActivityRules.RecordSpending(Planned(), "S1", new(null, 5_000_000, "UNC 3", null), "officer-1", Now);

        Assert.Contains(outcome.Errors, e => e.Field == "disbursedVnd" && e.Code == ActivityErrorCodes.DisburseExceedsCommitted);
    }

    [Fact]
    public void RecordSpending_NoDocumentReference_FieldError()
    {
        var outcome = ActivityRules.RecordSpending(Planned(), "S1", new(1_000_000, null, "  ", null), "officer-1", Now);

        Assert.Contains(outcome.Errors, e => e.Field == "documentReference" && e.Code == ErrorCodes.Required);
    }

    [Fact]
    public void Close_WithOutputsAndPaidCommitments_ReleasesTheRest()
    {
        var a = ActivityRules.RecordSpending(Planned(), "S1", new(30_000_000, 30_000_000, "HĐ 12", null), "o", Now).Activity!;
        a = ActivityRules.RecordOutput(a, "O1", new(ActivityOutputKind.ClassesHeld, 2, null), "o", Now).Activity!;
        a = ActivityRules.RecordOutput(a, "O2", new(ActivityOutputKind.Participants, 85, "12 doanh nghiệp"), "o", Now).Activity!;

        var outcome = ActivityRules.Close(a, "Hoàn thành", "o", Now);

        Assert.Equal(ActivityState.Closed, outcome.Activity!.State);
        var release = Assert.Single(outcome.Movements);
        Assert.Equal((BudgetMovementKind.Release, 10_000_000L), (release.Kind, release.AmountVnd));
        Assert.Equal(0, outcome.Activity.HeldReservedVnd);
        Assert.Equal(85, outcome.Activity.Quantity(ActivityOutputKind.Participants));
    }

    [Fact]
    public void Close_WithoutOutputsOrWithUnpaidCommitment_Refused()
    {
        var a = ActivityRules.RecordSpending(Planned(), "S1", new(30_000_000, null, "HĐ 12", null), "o", Now).Activity!;

        var outcome = ActivityRules.Close(a, null, "o", Now);

        Assert.Contains(outcome.Errors, e => e.Field == "outputs");
        Assert.Contains(outcome.Errors, e => e.Field == "disbursedVnd");
        Assert.False(outcome.IsStateConflict);
    }

    [Fact]
    public void Cancel_Planned_ReleasesEstimateAndLaterChangesAreStateConflicts()
    {
        var cancelled = ActivityRules.Cancel(Planned(), "Không đủ học viên", "o", Now);

        Assert.Equal(ActivityState.Cancelled, cancelled.Activity!.State);
        Assert.Equal(40_000_000, Assert.Single(cancelled.Movements).AmountVnd);
        var again = ActivityRules.RecordOutput(cancelled.Activity, "O1", new(ActivityOutputKind.ClassesHeld, 1, null), "o", Now);
        Assert.True(again.IsStateConflict);
        Assert.True(ActivityRules.Close(cancelled.Activity, null, "o", Now).IsStateConflict);
    }

    [Fact]
    public void Cancel_AfterCommitment_Refused()
    {
        var a = ActivityRules.RecordSpending(Planned(), "S1", new(1_000_000, null, "HĐ 1", null), "o", Now).Activity!;

        Assert.Contains(ActivityRules.Cancel(a, "Lý do", "o", Now).Errors, e => e.Code == ActivityErrorCodes.SpendingRecorded);
    }

    [Fact]
    public void MarkResultDue_AfterPlannedEnd_ResultDueOnlyThen()
    {
        Assert.Null(ActivityRules.MarkResultDue(Planned(), new DateOnly(2025, 4, 12), Now));
        Assert.Equal(ActivityState.ResultDue, ActivityRules.MarkResultDue(Planned(), new DateOnly(2025, 4, 13), Now)!.State);
    }

    [Theory]
    [InlineData("I.1")]
    [InlineData("I.2")]
    [InlineData("I.3")]
    [InlineData("I.4")]
    [InlineData("II.1")]
    [InlineData("III.1")]
    [InlineData("IV.1")]
    [InlineData("V.1")]
    [InlineData("V.2")]
    public void Plan_EveryFundedItemOfTheAppendix_Accepted(string line)
    {
        var outcome = ActivityRules.Plan("HD-1", LeanClass() with { LineId = line }, Officer, Programme, Now);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }
}
