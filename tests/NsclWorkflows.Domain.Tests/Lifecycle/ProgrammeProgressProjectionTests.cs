using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// The lifecycle's part of the year-end report, and the one wording of the awaited step that it shares with the
/// escalation e-mails and the audit trail (<see cref="AwaitedStep"/>).
/// </summary>
public class ProgrammeProgressProjectionTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly VietnamStatutoryCalendar Calendar = VietnamStatutoryCalendar.FromEmbeddedData();
    static readonly DateTimeOffset Submitted = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    static int next;

    static Application InState(ApplicationStatus status, Action<LifecycleState> shape, string enterprise = "Công ty Ánh Dương")
    {
        var n = Interlocked.Increment(ref next);
        var created = new Application($"app{n:D23}", $"NSCL-2025-AAA{n:D3}",
            new ApplicationSubmission("0401234567", enterprise, "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
                "Áp dụng 5S", "Triển khai 5S tại xưởng.", 100_000_000),
            Catalogue.Version, Submitted, Submitted.AddDays(7));
        var lifecycle = new LifecycleState { Unit = Units.ScienceAndTechnology, BudgetLineId = "IV.1" };
        shape(lifecycle);
        return Application.RestoreLifecycle(Application.Restore(created, status, Submitted, null, "chuyen.vien", null, Submitted), lifecycle, 5);
    }

    static void TwoCheckIns(LifecycleState s, int current, CheckInStatus status)
    {
        s.CheckIns = [new CheckInRecord { Number = 1, DueUtc = Submitted.AddMonths(3) }, new CheckInRecord { Number = 2, DueUtc = Submitted.AddMonths(6) }];
        s.CurrentCheckIn = current;
        s.CheckIns[current - 1].Status = status;
    }

    [Theory]
    [InlineData(ApplicationStatus.AwaitingCompletenessReview, 0, CheckInStatus.Open, false, "kiểm tra tính đầy đủ, hợp lệ của hồ sơ", false)]
    [InlineData(ApplicationStatus.SupplementationRequested, 0, CheckInStatus.Open, false, "doanh nghiệp bổ sung hồ sơ", true)]
    [InlineData(ApplicationStatus.UnderAppraisal, 0, CheckInStatus.Open, false, "thẩm định", false)]
    [InlineData(ApplicationStatus.AwaitingApproval, 0, CheckInStatus.Open, false, "phê duyệt", false)]
    [InlineData(ApplicationStatus.InImplementation, 1, CheckInStatus.Open, false, "nộp báo cáo định kỳ lần 1/2", true)]
    [InlineData(ApplicationStatus.InImplementation, 2, CheckInStatus.RevisionRequested, false, "nộp báo cáo định kỳ lần 2/2", true)]
    [InlineData(ApplicationStatus.InImplementation, 2, CheckInStatus.Submitted, false, "xem xét báo cáo định kỳ lần 2/2", false)]
    [InlineData(ApplicationStatus.AwaitingFinalEvaluation, 2, CheckInStatus.Accepted, false, "nộp báo cáo tổng kết", true)]
    [InlineData(ApplicationStatus.AwaitingFinalEvaluation, 2, CheckInStatus.Accepted, true, "đánh giá, nghiệm thu", false)]
    public void AwaitedStep_EachState_NamedOnceAndWhoseTurnItIs(ApplicationStatus status, int checkIn, CheckInStatus checkInStatus, bool finalReport,
        string expected, bool enterprise)
    {
        var application = InState(status, s =>
        {
            if (checkIn > 0)
            {
                TwoCheckIns(s, checkIn, checkInStatus);
            }

            s.FinalReport = finalReport ? new ReportRecord("Báo cáo tổng kết", 100, null, [], Submitted) : null;
        });

        Assert.Equal(expected, AwaitedStep.Name(application));
        Assert.Equal(char.ToUpperInvariant(expected[0]) + expected[1..], AwaitedStep.Title(application));
        Assert.Equal(enterprise, AwaitedStep.IsEnterprise(application));
    }

    [Fact]
    public void Project_OverdueOnTheReportDate_OldestFirstWithTheStepAndWorkingDaysLate()
    {
        var asOf = new DateOnly(2025, 12, 15);
        var lateReport = InState(ApplicationStatus.InImplementation, s =>
        {
            TwoCheckIns(s, 1, CheckInStatus.Open);
            s.StepDueUtc = new DateTimeOffset(2025, 12, 1, 16, 59, 0, TimeSpan.Zero); // 23:59 on 1 December in Vietnam
            s.Approval = new ApprovalRecord("lanh.dao", 90_000_000, 2025, null, Submitted.AddDays(20));
        }, "Công ty <Trễ> & Cộng sự");
        var lateAppraisal = InState(ApplicationStatus.UnderAppraisal, s => s.StepDueUtc = new DateTimeOffset(2025, 11, 3, 16, 59, 0, TimeSpan.Zero));
        var dueLaterToday = InState(ApplicationStatus.AwaitingApproval, s => s.StepDueUtc = new DateTimeOffset(2025, 12, 15, 16, 0, 0, TimeSpan.Zero));
        var notYet = InState(ApplicationStatus.AwaitingApproval, s => s.StepDueUtc = new DateTimeOffset(2025, 12, 16, 16, 59, 0, TimeSpan.Zero));
        var closed = InState(ApplicationStatus.Withdrawn, s => s.StepDueUtc = new DateTimeOffset(2025, 6, 2, 16, 59, 0, TimeSpan.Zero));

        var progress = ProgrammeProgressProjection.Project([lateReport, notYet, closed, lateAppraisal, dueLaterToday], Catalogue, Calendar, 2025, asOf);

        Assert.Equal([lateAppraisal.TrackingCode, lateReport.TrackingCode, dueLaterToday.TrackingCode], progress.Overdue.Select(o => o.TrackingCode));
        Assert.Equal(["Thẩm định", "Nộp báo cáo định kỳ lần 1/2", "Phê duyệt"], progress.Overdue.Select(o => o.What));
        var report = progress.Overdue[1];
        Assert.Equal((new DateOnly(2025, 12, 1), Calendar.WorkingDaysBetween(new DateOnly(2025, 12, 1), asOf), "Công ty <Trễ> & Cộng sự"),
            (report.DueDate, report.WorkingDaysOverdue, report.EnterpriseName));
        Assert.Equal(10, report.WorkingDaysOverdue); // 2–5, 8–12, 15 December: Monday to Friday, no holiday
        Assert.Equal([lateReport.TrackingCode], progress.Enterprises.Select(s => s.TrackingCode));
    }
}
