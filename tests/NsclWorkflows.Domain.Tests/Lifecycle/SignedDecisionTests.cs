using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Attachments;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Validation;
using DocumentKinds = NsclWorkflows.Domain.Documents.DocumentKinds;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// Approval waits for the signed decision: the leaders are asked to sign (not the enterprise told), and recording the
/// signed decision takes the register's number, tells the enterprise and starts implementation; what it refuses.
/// </summary>
public sealed class SignedDecisionTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DeadlinePlanner Planner = new(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions());

    /// <summary>Monday 3 March 2025, 09:00 in Đà Nẵng.</summary>
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    const long Amount = 300_000_000;

    readonly LifecycleMachine machine = new(Catalogue, Planner);

    static readonly ActionRequest Record = new(LifecycleAction.RecordSignedDecision, "lanh.dao", "Leader")
    {
        SignedOn = new DateOnly(2025, 3, 4),
        SignerName = "Nguyễn Văn Ký",
        SignerTitle = "Phó Giám đốc",
        SignedFile = "quyet-dinh-da-ky.pdf",
    };

    [Fact]
    public void Approve_InAwaitingApproval_WaitsForTheSignatureAndTellsTheLeadersNotTheEnterprise()
    {
        var a = Approved();

        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, a.Status);
        var notified = a.Lifecycle.LastNotifications.Single();
        Assert.Equal((NotificationEvent.DecisionSigningRequested, NotificationAudience.Leaders), (notified.Event, notified.Audience));
        Assert.Equal([DocumentKinds.ApprovalDecision], a.Lifecycle.LastDocuments);
        Assert.Empty(a.Lifecycle.CheckIns);
        Assert.Null(a.Lifecycle.SignedDecision);
        Assert.Equal([new OpenTask("Leader", "DecisionSigning", a.Lifecycle.StepDueUtc)], a.Lifecycle.OpenTasks);
        Assert.Equal(Planner.WorkingDaysFrom(Start.AddHours(4), Catalogue.DefaultPolicy.DecisionSigningWorkingDays), a.Lifecycle.StepDueUtc);
        Assert.Equal(Actor.Leader, LifecycleRules.ActorOf(LifecycleAction.RecordSignedDecision));
        Assert.Equal([LifecycleAction.RecordSignedDecision, LifecycleAction.Cancel], LifecycleRules.Allowed(a.Status));
    }

    [Fact]
    public void Apply_SignedDecision_TakesTheRegisterNumberTellsTheEnterpriseAndStartsImplementation()
    {
        var a = Approved();
        var step = Next(a, Record, hours: 30);

        var registration = machine.DecisionToRegister(a, step);
        var (audit, result) = machine.Apply(a, step, registered: Registered(registration, 15));

        Assert.NotNull(registration);
        Assert.Equal((a.Id, 2025, DecisionKinds.SupportApproval, "Nguyễn Văn Ký"), (registration.ApplicationId, registration.Year, registration.Kind, registration.SignerName));
        Assert.True(result.Applied, result.RefusalMessage);
        Assert.Equal(ApplicationStatus.InImplementation, a.Status);
        Assert.Equal(("15/QĐ-SKHCN", new DateOnly(2025, 3, 4), "quyet-dinh-da-ky.pdf"),
            (a.Lifecycle.SignedDecision!.NumberAndSymbol, a.Lifecycle.SignedDecision.SignedOn, a.Lifecycle.SignedDecision.File));
        var told = Assert.Single(result.Notifications);
        Assert.Equal((NotificationEvent.Approved, NotificationAudience.Enterprise), (told.Event, told.Audience));
        Assert.Equal(("15/QĐ-SKHCN", "2025-03-04", "300000000"),
            (told.Facts[NotificationFacts.DecisionNumber], told.Facts[NotificationFacts.DecisionDate], told.Facts[NotificationFacts.ApprovedAmountVnd]));
        Assert.Equal([DocumentKinds.SignedApprovalDecision], result.Documents);
        Assert.Equal(AuditKinds.DecisionSigned, audit!.Kind);
        Assert.Contains("15/QĐ-SKHCN", audit.Detail, StringComparison.Ordinal);
        Assert.Equal(2, a.Lifecycle.CheckIns.Count);
        Assert.True(a.Lifecycle.CheckIns[0].DueUtc > step.AtUtc);
    }

    public static TheoryData<string, string> Breaches() => new()
    {
        // what is wrong, the refusal code
        { "signed-tomorrow", "out_of_range" },
        { "signed-before-approval", "out_of_range" },
        { "file-not-a-pdf", RecordSignedDecision.AttachmentNotPdf },
        { "file-name-unsafe", RecordSignedDecision.AttachmentNotPdf },
        { "officer-not-leader", "forbidden_role" },
        { "no-signer", "required" },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void Apply_SignedDecisionBreakingARule_IsRefusedTakesNoNumberAndTellsNobody(string breach, string code)
    {
        var a = Approved();
        var action = breach switch
        {
            "signed-tomorrow" => Record with { SignedOn = new DateOnly(2025, 3, 5) }, // the step is on 4 March
            "signed-before-approval" => Record with { SignedOn = new DateOnly(2025, 3, 2) },
            "file-not-a-pdf" => Record with { SignedFile = "quyet-dinh.docx" },
            "file-name-unsafe" => Record with { SignedFile = "../khac/quyet-dinh.pdf" },
            "officer-not-leader" => Record with { ActorName = "chuyen.vien", ActorRole = "Officer" },
            _ => Record with { SignerName = null },
        };
        var step = Next(a, action, hours: 30);

        var registration = machine.DecisionToRegister(a, step);
        var (audit, result) = machine.Apply(a, step, registered: Registered(registration, 1));

        Assert.Null(registration);
        Assert.False(result.Applied);
        Assert.Equal(code, result.RefusalCode);
        Assert.Empty(result.Notifications);
        Assert.Equal(AuditKinds.ActionIgnored, audit!.Kind);
        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, a.Status);
        Assert.Null(a.Lifecycle.SignedDecision);
    }

    [Fact]
    public void Apply_SignedDecisionInAnotherStatus_IsRefusedAsInvalidTransitionWithoutANumber()
    {
        var a = Approved();
        Assert.True(machine.Apply(a, Next(a, Record, hours: 30), registered: Registered(machine.DecisionToRegister(a, Next(a, Record, hours: 30)), 3)).Result.Applied);
        var again = Next(a, Record, hours: 31);

        var registration = machine.DecisionToRegister(a, again);
        var (_, result) = machine.Apply(a, again, registered: Registered(registration, 4));

        Assert.Null(registration);
        Assert.Equal("invalid_transition", result.RefusalCode);
        Assert.Equal(3, a.Lifecycle.SignedDecision!.Number);
    }

    [Fact]
    public void Apply_SignedDecisionWithoutItsRegisterNumber_IsRefusedAndTheFileStillWaits()
    {
        var a = Approved();
        var step = Next(a, Record, hours: 30);

        var (_, result) = machine.Apply(a, step);

        Assert.Equal(LifecycleMachine.DecisionNotRegistered, result.RefusalCode);
        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, a.Status);
        Assert.Empty(result.Notifications);
        Assert.Contains(LifecycleAction.RecordSignedDecision, LifecycleRules.Allowed(a.Status));
    }

    [Fact]
    public void FileError_FileOfAnotherApplicationOrNotAPdfByContent_IsRefused()
    {
        var pdf = "%PDF-1.7\n"u8.ToArray();
        var disguised = "PK\u0003\u0004 not a pdf"u8.ToArray();
        StoredAttachment[] own = [new("quyet-dinh-da-ky.pdf", "application/pdf", 9, Start, "lanh.dao")];

        Assert.Null(RecordSignedDecision.FileError("quyet-dinh-da-ky.pdf", own, pdf));
        Assert.Equal(RecordSignedDecision.AttachmentNotFound, RecordSignedDecision.FileError("cua-ho-so-khac.pdf", own, pdf)!.Code);
        Assert.Equal(RecordSignedDecision.AttachmentNotPdf, RecordSignedDecision.FileError("quyet-dinh-da-ky.pdf", own, disguised)!.Code);
        Assert.Equal(RecordSignedDecision.AttachmentNotPdf, RecordSignedDecision.FileError("quyet-dinh-da-ky.pdf", own, [])!.Code);
    }

    [Fact]
    public void Check_BodyWithoutDateSignerOrFile_GivesAFieldErrorForEach()
    {
        var definition = ActionCatalog.Of(LifecycleAction.RecordSignedDecision);

        var errors = definition.Check(new RecordSignedDecision.Body(null, " ", null, "tai-lieu.docx"));

        Assert.Equal(["signedOn", "signerName", "signerTitle", "signedFile"], errors.Select(e => e.Field));
        Assert.Equal([ErrorCodes.Required, ErrorCodes.Required, ErrorCodes.Required, RecordSignedDecision.AttachmentNotPdf], errors.Select(e => e.Code));
    }

    [Fact]
    public void DeadlinePassed_DecisionStillUnsigned_TheDirectorsOfficeIsToldNotTheHeadOfDivision()
    {
        var a = Approved();

        var (audit, result) = machine.Apply(a, Next(a, null, kind: StepKind.DeadlinePassed));

        var told = Assert.Single(result.Notifications);
        Assert.Equal((NotificationEvent.DecisionSigningEscalated, NotificationAudience.DirectorsOffice), (told.Event, told.Audience));
        Assert.Contains("báo Văn phòng Sở để báo cáo Giám đốc Sở", audit!.Detail, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, a.Status);
    }

    /// <summary>An application walked through the machine to approval (steps an hour apart from <see cref="Start"/>).</summary>
    Application Approved()
    {
        var a = new Application("dddddddddddddddddddddddddd", "NSCL-2025-SIGN",
            new ApplicationSubmission("0101234567", "Công ty TNHH Ký", "Trần Thị B", "b@example.vn", "0912345678", "productivity-tools", "Nhiệm vụ", "Tóm tắt", Amount),
            Catalogue.Version, Start, Start.AddDays(5));
        Do(a, null, StepKind.Receive);
        Do(a, new(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer"));
        Do(a, new(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { ActorId = "oid-t", Positive = true, AmountVnd = Amount, Scores = Sheets.Appraisal() });
        Assert.True(Do(a, new(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = Amount, BudgetYear = 2025 }).Applied);
        return a;
    }

    StepResult Do(Application a, ActionRequest? action, StepKind kind = StepKind.Action) => machine.Apply(a, Next(a, action, kind: kind)).Result;

    static StepCommand Next(Application a, ActionRequest? action, int? hours = null, StepKind kind = StepKind.Action) =>
        new(a.Id, a.LastSequence + 1, kind, Start.AddHours(hours ?? a.LastSequence + 1)) { Action = action };

    static RegisteredDecision? Registered(DecisionRegistration? r, int number) => Signing.Registered(r, number);
}
