using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using DocumentKinds = NsclWorkflows.Domain.Documents.DocumentKinds;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>The lifecycle machine's decisions on one application, step by step, without storage or Durable.</summary>
public sealed class LifecycleMachineTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    readonly LifecycleMachine machine = new(Catalogue, new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));
    readonly Application application = new(
        "aaaaaaaaaaaaaaaaaaaaaaaaaa", "NSCL-2025-TEST",
        new ApplicationSubmission("0101234567", "Công ty TNHH Thử Nghiệm", "Trần Thị B", "b@example.vn", "0912345678",
            "productivity-tools", "Áp dụng 5S", "Tóm tắt", 300_000_000),
        Catalogue.Version, Start, Start.AddDays(5));
    int sequence;

    [Fact]
    public void Apply_StepRunAgainAfterItsWrite_ReturnsTheSameDocuments()
    {
        ToAppraisal();
        var step = Next(StepKind.Action, Appraisal("Nguyễn Văn A", "oid-a"));
        var (_, first) = machine.Apply(application, step);

        var (audit, again) = machine.Apply(application, step);

        Assert.Equal([DocumentKinds.AppraisalRecord], first.Documents);
        Assert.Null(audit);
        Assert.Equal(first.Documents, again.Documents);
        Assert.Equal(first.Notifications, again.Notifications);
    }

    [Fact]
    public void Apply_RefusedStepRunAgain_IsStillRefused()
    {
        ToAppraisal();
        var step = Next(StepKind.Action, new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 1 });
        var (_, first) = machine.Apply(application, step);

        var (_, again) = machine.Apply(application, step);

        Assert.False(first.Applied);
        Assert.Equal((first.Applied, first.RefusalCode, first.RefusalMessage), (again.Applied, again.RefusalCode, again.RefusalMessage));
    }

    [Fact]
    public void Apply_TwoAppraisersWithOneName_CountAsTwoAppraisals()
    {
        ToAppraisal();
        application.Lifecycle.AppraisalsRequired = 2;

        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A", "oid-1")));
        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A", "oid-2")));

        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
        Assert.Equal(["oid-1", "oid-2"], application.Lifecycle.Appraisals.Select(a => a.AppraiserId));
    }

    [Fact]
    public void Apply_OneAppraiserAppraisingAgain_ReplacesTheirAppraisal()
    {
        ToAppraisal();
        application.Lifecycle.AppraisalsRequired = 2;

        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A", "oid-1")));
        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A (đổi tên)", "oid-1")));

        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        Assert.Equal("Nguyễn Văn A (đổi tên)", Assert.Single(application.Lifecycle.Appraisals).Appraiser);
    }

    [Fact]
    public void Apply_AppraisalsWithoutIds_FallBackToTheName()
    {
        ToAppraisal();
        application.Lifecycle.AppraisalsRequired = 2;

        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A", null)));
        machine.Apply(application, Next(StepKind.Action, Appraisal("Nguyễn Văn A", null)));

        Assert.Single(application.Lifecycle.Appraisals);
    }

    [Fact]
    public void Apply_CheckInWhoseCommitTheLedgerRefuses_IsRefusedAndRecorded()
    {
        ToImplementation();
        machine.Apply(application, Next(StepKind.Action, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 1", PercentDone = 40 }));
        var review = Next(StepKind.Action, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true });
        var commit = machine.LedgerMovesFor(application, review)[0];

        var (audit, result) = machine.Apply(application, review, Refusal(LedgerRefusalCodes.CommitExceedsReserved), commit);

        Assert.Equal(BudgetMovementKind.Commit, commit.Kind);
        Assert.False(result.Applied);
        Assert.Equal(LedgerRefusalCodes.CommitExceedsReserved, result.RefusalCode);
        Assert.Equal(CheckInStatus.Submitted, application.Lifecycle.CheckIns[0].Status);
        Assert.Equal(0, application.Lifecycle.CommittedVnd);
        Assert.Equal(AuditKinds.LedgerRefused, audit!.Kind);
        Assert.Contains("Chấp nhận báo cáo kỳ 1", application.Lifecycle.LastLedgerRefusal, StringComparison.Ordinal);
        Assert.Empty(application.Lifecycle.LedgerIssues);
    }

    [Fact]
    public void Apply_CancellationWhoseReleaseTheLedgerRefuses_CancelsAndRecordsTheUnreleasedAmount()
    {
        ToImplementation();
        var cancel = Next(StepKind.Action, new ActionRequest(LifecycleAction.Cancel, "Lãnh đạo", "Leader") { Note = "Ngừng hoạt động" });
        var release = machine.LedgerMovesFor(application, cancel)[0];

        var (audit, result) = machine.Apply(application, cancel, Refusal(LedgerRefusalCodes.ReleaseExceedsReserved), release);

        Assert.True(result.Applied);
        Assert.Equal(ApplicationStatus.Cancelled, application.Status);
        Assert.Equal(AuditKinds.Cancelled, audit!.Kind);
        Assert.Contains("chưa hủy tạm giữ được", audit.Detail, StringComparison.Ordinal);
        Assert.Single(application.Lifecycle.LedgerIssues);
    }

    [Fact]
    public void Apply_DocumentFailed_IsRecordedAndRetriedWithTheNextStepOnly()
    {
        ToAppraisal();
        var failed = Next(StepKind.DocumentFailed) with { Detail = "XmlException: hexadecimal value 0xFFFF", DocumentKind = DocumentKinds.AppraisalRecord, DocumentSourceId = "application-x:3" };

        var (audit, recorded) = machine.Apply(application, failed);
        var (_, next) = machine.Apply(application, Next(StepKind.DeadlinePassed));

        Assert.Equal(AuditKinds.DocumentFailed, audit!.Kind);
        Assert.Contains("Biên bản", audit.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(recorded.RetryDocuments);
        Assert.Equal([new PendingDocument(DocumentKinds.AppraisalRecord, "application-x:3")], next.RetryDocuments);
        Assert.Equal("XmlException: hexadecimal value 0xFFFF", Assert.Single(application.Lifecycle.DocumentFailures).Error);
    }

    [Fact]
    public void Apply_ActionFailed_AuditedInThePersonsNameNothingElseChangesAndTheEnterpriseSeesNoErrorText()
    {
        ToAppraisal();
        var version = application.Lifecycle.Version;
        var officer = new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định viên", "Appraiser");
        var enterprise = new ActionRequest(LifecycleAction.Withdraw, EnterpriseDisclosure.EnterpriseActor, "Enterprise");

        var (audit, result) = machine.Apply(application, Next(StepKind.ActionFailed, officer) with { Detail = "InvalidOperationException: <hỏng>\u0001" });
        var (enterpriseAudit, _) = machine.Apply(application, Next(StepKind.ActionFailed, enterprise) with { Detail = "Azure.RequestFailedException: bảng lỗi" });

        Assert.Equal(AuditKinds.ActionFailed, audit!.Kind);
        Assert.Equal(("Thẩm định viên", "Appraiser"), (audit.Actor, audit.Role));
        Assert.Contains("lỗi hệ thống: InvalidOperationException: <hỏng>.", audit.Detail, StringComparison.Ordinal); // control characters dropped
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        Assert.Equal(version, application.Lifecycle.Version);
        Assert.Equal(ApplicationStatus.UnderAppraisal, result.Status);
        Assert.Empty(machine.LedgerMovesFor(application, Next(StepKind.ActionFailed, officer)));
        Assert.Null(EnterpriseDisclosure.HistoryEntry(audit));
        var shown = EnterpriseDisclosure.HistoryEntry(enterpriseAudit!);
        Assert.NotNull(shown);
        Assert.DoesNotContain("Azure", shown.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ApprovalOverdue_EscalatesToTheDirectorsOfficeNotTheHeadOfDivision()
    {
        ToAppraisal();
        machine.Apply(application, Next(StepKind.Action, Appraisal("Thẩm định", "oid-t")));
        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);

        var (audit, result) = machine.Apply(application, Next(StepKind.DeadlinePassed));

        var escalation = Assert.Single(result.Notifications, n => n.Event == NotificationEvent.ApprovalEscalated);
        Assert.Equal(NotificationAudience.DirectorsOffice, escalation.Audience);
        Assert.DoesNotContain(result.Notifications, n => n.Audience == NotificationAudience.HeadOfDivision);
        Assert.Equal("Quá hạn phê duyệt: báo Văn phòng Sở để báo cáo Giám đốc Sở (lần 1).", audit!.Detail);
    }

    [Fact]
    public void Apply_SupplementationOverdue_TheDepartmentStopsAndReturnsTheFileAndListsTheItemsOneALine()
    {
        machine.Apply(application, Next(StepKind.Receive));
        var (_, requested) = machine.Apply(application, Next(StepKind.Action,
            new ActionRequest(LifecycleAction.RequestSupplementation, "Cán bộ", "Officer") { MissingItems = ["Giấy phép kinh doanh", "Báo cáo tài chính năm 2024"] }));

        var (audit, expired) = machine.Apply(application, Next(StepKind.DeadlinePassed));

        Assert.Equal("Giấy phép kinh doanh\nBáo cáo tài chính năm 2024",
            Assert.Single(requested.Notifications, n => n.Event == NotificationEvent.SupplementationRequested).Facts[NotificationFacts.MissingItems]);
        Assert.Equal("Quá hạn bổ sung mà doanh nghiệp chưa nộp hồ sơ bổ sung; Sở dừng xử lý, trả hồ sơ.", application.Lifecycle.ClosingReason);
        Assert.Equal(ApplicationStatus.Expired, application.Status); // "Withdrawn" is only what the enterprise does
        Assert.True(expired.IsFinal);
        Assert.DoesNotContain("rút", audit!.Detail, StringComparison.OrdinalIgnoreCase);
        var enterprise = Assert.Single(expired.Notifications, n => n.Event == NotificationEvent.Expired);
        Assert.Equal("Quá hạn bổ sung mà doanh nghiệp chưa nộp hồ sơ bổ sung.", enterprise.Facts[NotificationFacts.Reason]);
        var officers = Assert.Single(expired.Notifications, n => n.Event == NotificationEvent.Withdrawn);
        Assert.DoesNotContain("rút", officers.Facts[NotificationFacts.Reason], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Apply_EnterpriseWithdrawsWithAReason_OfficersAreToldTheEnterpriseWithdrewAndWhy()
    {
        ToAppraisal();

        var (_, result) = machine.Apply(application, Next(StepKind.Action,
            new ActionRequest(LifecycleAction.Withdraw, EnterpriseDisclosure.EnterpriseActor, "Enterprise") { Note = "Thay đổi kế hoạch sản xuất." }));

        var officers = Assert.Single(result.Notifications, n => n.Event == NotificationEvent.Withdrawn);
        Assert.Equal("Doanh nghiệp rút hồ sơ. Lý do: Thay đổi kế hoạch sản xuất.", officers.Facts[NotificationFacts.Reason]);
    }

    void ToAppraisal()
    {
        machine.Apply(application, Next(StepKind.Receive));
        machine.Apply(application, Next(StepKind.Action, new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer")));
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
    }

    void ToImplementation()
    {
        ToAppraisal();
        machine.Apply(application, Next(StepKind.Action, Appraisal("Thẩm định", "oid-t")));
        machine.Apply(application, Next(StepKind.Action, new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = 200_000_000, BudgetYear = 2025 }));
        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, application.Status);
        Signing.Sign(machine, application, Next(StepKind.Action));
        Assert.Equal(ApplicationStatus.InImplementation, application.Status);
    }

    StepCommand Next(StepKind kind, ActionRequest? action = null)
    {
        sequence++;
        return new StepCommand(application.Id, sequence, kind, Start.AddHours(sequence)) { Action = action };
    }

    static ActionRequest Appraisal(string name, string? id) => new(LifecycleAction.SubmitAppraisal, name, "Appraiser")
    {
        ActorId = id,
        Positive = true,
        AmountVnd = 200_000_000,
        Scores = Sheets.Appraisal(),
    };

    static LedgerResult Refusal(string code) =>
        new(false, false, code, "Sổ kinh phí không khớp.", new LedgerBalance(new BudgetKey("IV.1", 2025), 800_000_000, 0, 0, 0));
}
