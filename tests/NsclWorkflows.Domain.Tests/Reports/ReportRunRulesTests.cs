using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Domain.Tests.Reports;

public sealed class ReportRunRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Today = new(2026, 6, 1);

    static ReportRunRequest SixMonthly(DateOnly? due = null) => new(
        "sixMonthly", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "Ủy ban nhân dân thành phố Đà Nẵng", due ?? new DateOnly(2026, 7, 10), null,
        "1234/UBND-KT", new DateOnly(2026, 5, 28));

    static ReportRun Opened() => ReportRunRules.Open(SixMonthly(), "run-1", "Nguyễn Văn Đức", Now, Today).Value!;

    [Fact]
    public void Open_SixMonthlyForUbnd_HasItsTitlePeriodRequestAndCutOffAtThePeriodsEnd()
    {
        var run = Opened();

        Assert.Equal(ReportKind.SixMonthly, run.Kind);
        Assert.Equal("Báo cáo 6 tháng đầu năm 2026", run.Title);
        Assert.Equal(new DateOnly(2026, 6, 30), run.DataCutOff);
        Assert.Equal(("1234/UBND-KT", new DateOnly(2026, 5, 28)), (run.RequestNumber, run.RequestDate));
        Assert.Equal(ReportRunState.Gathering, run.State);
        Assert.Equal(new DateOnly(2026, 7, 3), ReportRunRules.LeadUnitDeadline(run, Today));
    }

    [Fact]
    public void Open_MissingOrWrongFields_NamesEachField()
    {
        var result = ReportRunRules.Open(
            new("weekly", new DateOnly(2026, 6, 30), new DateOnly(2026, 1, 1), " ", new DateOnly(2026, 5, 1), null, "12/UBND", null), "run-2", "x", Now, Today);

        Assert.False(result.IsValid);
        Assert.Equal(["kind", "periodTo", "addressee", "dueDate", "requestDate"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Open_MidTermReview_CoversThePlansYearsByDefault()
    {
        var run = ReportRunRules.Open(new("midTermReview", null, null, "Bộ Khoa học và Công nghệ", new DateOnly(2026, 6, 30), null, null, null), "run-3", "x", Now, Today).Value!;

        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31)), (run.PeriodFrom, run.PeriodTo));
        Assert.Equal("Báo cáo sơ kết giai đoạn 2022-2025", run.Title);
    }

    [Fact]
    public void SubmitLeadUnit_WithItsFigures_RecordsThemOnceAndRefusesASecondAnswer()
    {
        var run = Opened() with
        {
            State = ReportRunState.AwaitingLeadUnits,
            LeadUnits = [new("sct", "Sở Công Thương", "sct@danang.gov.vn"), new("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "snn@danang.gov.vn")],
        };

        var answered = ReportRunRules.SubmitLeadUnit(run, "sct", [new("Doanh nghiệp tham gia sàn thương mại điện tử", 12, "doanh nghiệp")], "Đã hỗ trợ 12 doanh nghiệp.", "Trần Thị B", Now);
        var again = ReportRunRules.SubmitLeadUnit(answered.Value!, "sct", [new("x", 1, "y")], null, "Trần Thị B", Now);
        var unknown = ReportRunRules.SubmitLeadUnit(run, "skhcn", [new("x", 1, "y")], null, "x", Now);

        Assert.True(answered.IsValid);
        var sct = answered.Value!.LeadUnits.Single(u => u.UnitId == "sct");
        Assert.Equal(12m, Assert.Single(sct.Figures).Value);
        Assert.False(answered.Value.LeadUnits.Single(u => u.UnitId == "snnptnt").HasAnswered);
        Assert.Equal("already_submitted", Assert.Single(again.Errors).Code);
        Assert.Equal("unknown_unit", Assert.Single(unknown.Errors).Code);
    }

    [Fact]
    public void SaveNarrative_TwoEditorsFromTheSameRevision_TheSecondIsRefused()
    {
        var run = Opened() with { State = ReportRunState.Drafting };
        var draft = new ReportNarrative("Đánh giá", "Khó khăn", "Kiến nghị", "Phương hướng");

        var first = ReportRunRules.SaveNarrative(run, draft, 0, "Cán bộ A", Now);
        var second = ReportRunRules.SaveNarrative(first.Value!, draft with { GeneralAssessment = "Khác" }, 0, "Cán bộ B", Now);

        Assert.Equal(1, first.Value!.Narrative.Revision);
        Assert.Equal("edited_by_someone_else", Assert.Single(second.Errors).Code);
        Assert.Contains("Cán bộ A", second.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitForApprovalAndDecide_IncompleteNarrativeIsRefused_ReturnNeedsAReason_ApprovalMovesToBuilding()
    {
        var drafting = Opened() with { State = ReportRunState.Drafting };
        Assert.Equal("narrative_incomplete", Assert.Single(ReportRunRules.SubmitForApproval(drafting).Errors).Code);

        var complete = ReportRunRules.SaveNarrative(drafting, new("Đánh giá", "Khó khăn", "Kiến nghị", "Phương hướng"), 0, "A", Now).Value!;
        var submitted = ReportRunRules.SubmitForApproval(complete).Value!;
        Assert.Equal("reason", Assert.Single(ReportRunRules.Decide(submitted, false, " ", "Lãnh đạo", Now).Errors).Field);
        Assert.Equal(ReportRunState.Drafting, ReportRunRules.Decide(submitted, false, "Bổ sung số liệu quý II", "Lãnh đạo", Now).Value!.State);

        var approved = ReportRunRules.Decide(submitted, true, null, "Lãnh đạo", Now).Value!;
        Assert.Equal((ReportRunState.Building, "Lãnh đạo"), (approved.State, approved.ApprovedBy));
    }

    [Fact]
    public void TokenOpens_OnlyTheUnitsOwnToken()
    {
        var unit = new LeadUnitInput("sct", "Sở Công Thương", "sct@danang.gov.vn") { TokenHash = ReportRunRules.HashToken("secret-sct") };

        Assert.True(ReportRunRules.TokenOpens(unit, "secret-sct"));
        Assert.False(ReportRunRules.TokenOpens(unit, "secret-snn"));
        Assert.False(ReportRunRules.TokenOpens(unit, null));
        Assert.False(ReportRunRules.TokenOpens(unit with { TokenHash = null }, "secret-sct"));
    }
    [Fact]
    public void Times_DueOn10July_RemindsUnitsAt0800On1JulyEscalatesAtTheEndOf3JulyThenTheReportsOwnDates()
    {
        var times = ReportRunRules.Times(Opened(), Now, compressedDay: null);

        var vietnam = TimeSpan.FromHours(7);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, vietnam), times.LeadUnitReminderUtc);
        Assert.Equal(new DateTimeOffset(2026, 7, 3, 23, 59, 59, vietnam), times.LeadUnitDeadlineUtc);
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 8, 0, 0, vietnam), times.DueReminderUtc);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 23, 59, 59, vietnam), times.DueUtc);
        Assert.Equal(TimeSpan.FromDays(7), times.RepeatEscalation);
    }

    [Fact]
    public void Times_CompressedDay_KeepsTheOrderWithinSeconds()
    {
        var times = ReportRunRules.Times(Opened(), Now, TimeSpan.FromSeconds(2));

        Assert.True(Now < times.LeadUnitReminderUtc && times.LeadUnitReminderUtc < times.LeadUnitDeadlineUtc
            && times.LeadUnitDeadlineUtc < times.DueReminderUtc && times.DueReminderUtc < times.DueUtc, times.ToString());
        Assert.Equal(Now + TimeSpan.FromSeconds(2 * 40), times.DueUtc); // 1 June → end of 10 July: 40 days of 2 s
    }

    [Fact]
    public void LedgerCut_MovementsAfterTheEndOfTheCutOffDay_AreTakenBackOut()
    {
        var key = new NsclWorkflows.Domain.Budget.BudgetKey("I.3", 2025);
        var now = new NsclWorkflows.Domain.Budget.LedgerBalance(key, 100_000_000, ReservedVnd: 9_000_000, CommittedVnd: 2_000_000, DisbursedVnd: 1_000_000);
        var cut = LedgerCut.EndOf(new DateOnly(2025, 12, 31));
        NsclWorkflows.Domain.Budget.LedgerEntry Entry(NsclWorkflows.Domain.Budget.BudgetMovementKind kind, long amount, DateTimeOffset at) =>
            new("m-" + kind + at.Ticks, key, "a", kind, amount, "t", "r", at);
        var entries = new[]
        {
            Entry(NsclWorkflows.Domain.Budget.BudgetMovementKind.Reserve, 5_000_000, cut.AddMinutes(-30)),  // 23:29 on the cut-off day: in
            Entry(NsclWorkflows.Domain.Budget.BudgetMovementKind.Reserve, 7_000_000, cut.AddMinutes(1)),    // after: out
            Entry(NsclWorkflows.Domain.Budget.BudgetMovementKind.Commit, 3_000_000, cut.AddDays(2)),        // after: back to reserved
            Entry(NsclWorkflows.Domain.Budget.BudgetMovementKind.Disburse, 1_000_000, cut.AddDays(3)),      // after: back to committed
        };

        var atCutOff = LedgerCut.AsOf(now, entries, cut);

        Assert.Equal((5_000_000L, 0L, 0L), (atCutOff.ReservedVnd, atCutOff.CommittedVnd, atCutOff.DisbursedVnd));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 59, 59, 999, TimeSpan.Zero), cut);
    }
}
