using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Tests.Calls;

/// <summary>Orders and direct assignments in the machine: the enterprise confirms before appraisal, or the Department stops at the deadline.</summary>
public sealed class AssignmentTests
{
    readonly LifecycleMachine machine = new(CallRulesTests.Catalogue, new DeadlinePlanner(CallRulesTests.Calendar, new DeadlineOptions()));
    int sequence;

    [Theory]
    [InlineData(Selections.Order, "đặt hàng")]
    [InlineData(Selections.DirectAssignment, "giao trực tiếp")]
    public void Apply_ReceiptOfAnAssignment_WaitsForTheEnterpriseAndSendsItsLink(string selection, string how)
    {
        var application = New(selection);

        var (audit, result) = machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));

        Assert.Equal(ApplicationStatus.AwaitingEnterpriseConfirmation, application.Status);
        var mail = Assert.Single(result.Notifications);
        Assert.Equal((NotificationEvent.AssignmentOffered, NotificationAudience.Enterprise, how), (mail.Event, mail.Audience, mail.Facts[NotificationFacts.SelectionName]));
        Assert.Contains(how, audit!.Detail, StringComparison.Ordinal);
        Assert.Equal([LifecycleAction.ConfirmAssignment, LifecycleAction.Withdraw], LifecycleRules.Allowed(application.Status));
    }

    [Fact]
    public void Apply_EnterpriseConfirms_GoesToAppraisal()
    {
        var application = New(Selections.Order);
        machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));

        var (audit, result) = machine.Apply(application, Step(new ActionRequest(LifecycleAction.ConfirmAssignment, "enterprise", "Enterprise"), CallRulesTests.Now.AddHours(1)));

        Assert.True(result.Applied);
        Assert.Equal((ApplicationStatus.UnderAppraisal, AuditKinds.AssignmentConfirmed), (application.Status, audit!.Kind));
        Assert.Contains(result.Notifications, n => n.Event == NotificationEvent.AppraisalAssigned);
    }

    [Fact]
    public void Apply_EnterpriseConfirmsCorrectingItsParticulars_TheFileCarriesThemAndTheAuditNamesEachChange()
    {
        var submission = new SubmissionValidator(CallRulesTests.Catalogue).Validate(Tests.Applications.SubmissionDrafts.Valid() with { SupportKindId = "pilot-model" }).Value!;
        var application = new Application("dddddddddddddddddddddddddd", "NSCL-2026-ORDER", submission with { Selection = Selections.Order },
            CallRulesTests.Catalogue.Version, CallRulesTests.Now, CallRulesTests.Now.AddDays(5));
        machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));
        var correction = new ParticularsCorrection
        {
            Phone = "0905 123 456", LegalRepresentativeName = "Phạm Văn Long", CoFunding = [new CoFundingDraft("khac", "Quỹ hỗ trợ của Hiệp hội", 25_000_000)],
        };
        var confirm = new ActionRequest(LifecycleAction.ConfirmAssignment, "enterprise", "Enterprise") { Particulars = correction, Note = "Đồng ý" };

        var (audit, result) = machine.Apply(application, Step(confirm, CallRulesTests.Now.AddHours(1)));

        Assert.True(result.Applied);
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        Assert.Equal(("0905123456", "Phạm Văn Long", 25_000_000L), (application.Submission.Phone, application.Submission.LegalRepresentativeName, application.Submission.CoFundingVnd));
        Assert.Equal((submission.Title, submission.RequestedAmountVnd, Selections.Order), (application.Submission.Title, application.Submission.RequestedAmountVnd, application.Submission.Selection));
        Assert.Contains("Số điện thoại: 02363822000 → 0905123456", audit!.Detail, StringComparison.Ordinal);
        Assert.Contains("Người đại diện theo pháp luật: Trần Văn Minh → Phạm Văn Long", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("Quỹ hỗ trợ của Hiệp hội: 25.000.000 đồng", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfirmationWithABadCorrection_TheSubmissionsFieldErrorAndNothingChanges()
    {
        var submission = new SubmissionValidator(CallRulesTests.Catalogue).Validate(Tests.Applications.SubmissionDrafts.Valid() with { SupportKindId = "pilot-model" }).Value!;
        var application = new Application("dddddddddddddddddddddddddd", "NSCL-2026-ORDER", submission with { Selection = Selections.Order },
            CallRulesTests.Catalogue.Version, CallRulesTests.Now, CallRulesTests.Now.AddDays(5));
        machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));
        var confirm = new ActionRequest(LifecycleAction.ConfirmAssignment, "enterprise", "Enterprise") { Particulars = new ParticularsCorrection { DistrictId = "khong-co" } };

        var errors = Domain.Lifecycle.Actions.ActionCatalog.Of(LifecycleAction.ConfirmAssignment).Validate(confirm, application, CallRulesTests.Catalogue, CallRulesTests.Now);
        var (_, result) = machine.Apply(application, Step(confirm, CallRulesTests.Now.AddHours(1)));

        Assert.Equal((SubmissionFields.DistrictId, Validation.ErrorCodes.NotInList), (Assert.Single(errors).Field, errors[0].Code));
        Assert.False(result.Applied);
        Assert.Equal((ApplicationStatus.AwaitingEnterpriseConfirmation, submission.DistrictId), (application.Status, application.Submission.DistrictId));
    }

    [Fact]
    public void Apply_NotConfirmedByTheDeadline_TheDepartmentStopsAndSaysWhy()
    {
        var application = New(Selections.DirectAssignment);
        machine.Apply(application, Step(null, CallRulesTests.Now, StepKind.Receive));

        var (audit, _) = machine.Apply(application, Step(null, application.Lifecycle.StepDueUtc!.Value.AddSeconds(1), StepKind.DeadlinePassed));

        Assert.Equal(ApplicationStatus.Expired, application.Status);
        Assert.Equal(AuditKinds.Expired, audit!.Kind);
        Assert.StartsWith("Quá hạn xác nhận mà doanh nghiệp chưa xác nhận nhận nhiệm vụ", application.Lifecycle.ClosingReason, StringComparison.Ordinal);
    }

    StepCommand Step(ActionRequest? action, DateTimeOffset at, StepKind kind = StepKind.Action)
    {
        sequence++;
        return new StepCommand("dddddddddddddddddddddddddd", sequence, kind, at) { Action = action };
    }

    static Application New(string selection) => new("dddddddddddddddddddddddddd", "NSCL-2026-ORDER",
        new ApplicationSubmission("0101234567", "Công ty TNHH Được Đặt Hàng", "Trần Thị B", "b@example.vn", "0912345678", "pilot-model", "Mô hình điểm", "Tóm tắt", 300_000_000)
        {
            Selection = selection,
        },
        CallRulesTests.Catalogue.Version, CallRulesTests.Now, CallRulesTests.Now.AddDays(5));
}
