using NsclWorkflows.Api.Operations;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Functions.Tests;

/// <summary>When the operator's list counts a running application workflow as stuck.</summary>
public sealed class WorkflowOperationsTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Margin = WorkflowOperationsHandler.StuckMargin;
    static readonly LifecycleMachine Machine = new(EmbeddedCatalogue.Load(), new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));

    [Fact]
    public void StuckSince_DeadlinePassedLongAgoWithNoStep_IsStuckSinceTheDeadline()
    {
        var application = Received();
        var due = NextDeadline(application);

        Assert.Equal(due, WorkflowOperationsHandler.StuckSince(application, due, Start, due + Margin + TimeSpan.FromMinutes(1), Margin));
    }

    [Fact]
    public void StuckSince_DeadlineJustPassed_IsNotStuckYet()
    {
        var application = Received();
        var due = NextDeadline(application);

        Assert.Null(WorkflowOperationsHandler.StuckSince(application, due, Start, due + Margin - TimeSpan.FromMinutes(1), Margin));
    }

    [Fact]
    public void StuckSince_WorkflowActedAtItsDeadline_IsNotStuck()
    {
        var application = Received();
        var due = NextDeadline(application);
        Machine.Apply(application, new StepCommand(application.Id, 2, StepKind.DeadlinePassed, due));

        Assert.Null(WorkflowOperationsHandler.StuckSince(application, NextDeadline(application), Start, due + Margin + TimeSpan.FromMinutes(1), Margin));
    }

    [Fact]
    public void StuckSince_ClosedApplicationWhoseWorkflowStillRuns_IsStuckAfterTheMargin()
    {
        var application = Received();
        Machine.Apply(application, new StepCommand(application.Id, 2, StepKind.Action, Start.AddHours(1))
        {
            Action = new ActionRequest(LifecycleAction.Withdraw, "enterprise", "Enterprise") { Note = "Rút" },
        });

        Assert.Null(WorkflowOperationsHandler.StuckSince(application, null, Start.AddHours(1), Start.AddHours(1) + Margin - TimeSpan.FromMinutes(1), Margin));
        Assert.Equal(Start.AddHours(1), WorkflowOperationsHandler.StuckSince(application, null, Start.AddHours(1), Start.AddHours(3), Margin));
    }

    [Fact]
    public void RetryingText_StatusAsTheSdkStoresIt_SaysWhatWhichRoundWhyAndWhenNext()
    {
        var status = new NsclWorkflows.Workflows.Common.RetryingStatus("TakeStepActivity", "step 4 (DeadlinePassed)", 3,
            new DateTime(2026, 12, 2, 4, 5, 6, DateTimeKind.Utc), "Azure.RequestFailedException: Service unavailable");
        var stored = Microsoft.DurableTask.Converters.JsonDataConverter.Default.Serialize(status);

        var text = WorkflowOperationsHandler.RetryingText(stored);

        Assert.Equal("Lần thử 3 không thành công (step 4 (DeadlinePassed)): Azure.RequestFailedException: Service unavailable. "
            + "Thử lại lúc 2026-12-02 04:05:06 UTC.", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"Đang chạy\"")]
    [InlineData("{\"other\":1}")]
    [InlineData("{not json")]
    public void RetryingText_AnythingElse_IsNull(string? stored) => Assert.Null(WorkflowOperationsHandler.RetryingText(stored));

    static Application Received()
    {
        var application = new Application(ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray()), "NSCL-2026-ABCDEF",
            new ApplicationSubmission("0401234567", "Công ty A", "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
                "Áp dụng 5S", "Triển khai 5S.", 100_000_000),
            EmbeddedCatalogue.Load().Version, Start, Start.AddDays(7));
        Machine.Apply(application, new StepCommand(application.Id, 1, StepKind.Receive, Start));
        return application;
    }

    static DateTimeOffset NextDeadline(Application application) => Machine.ResultOf(application, true, []).NextDeadlineUtc!.Value;
}
