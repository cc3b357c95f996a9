using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using DocumentKinds = NsclWorkflows.Domain.Documents.DocumentKinds;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// The machine, table-driven: every situation a file can be in (each status, and each phase of implementation) × every
/// action (with its yes/no variants) → refused, or the decision: status, budget movements, notifications, documents.
/// The same matrix for a kind funded elsewhere (lồng ghép): the same decisions and no movement (and nothing payable: its
/// tranches are not this plan's to pay, so the situations with a payable are the plan-funded kind's only). Each accepted
/// check-in's tranche is paid by the accountant on the way to later situations.
/// </summary>
public sealed class MachineTableTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DeadlinePlanner Planner = new(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions());
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    const long Amount = 300_000_000;
    const long Tranche = Amount / 3; // two check-ins and the final evaluation share the approved amount

    readonly LifecycleMachine machine = new(Catalogue, Planner);

    /// <summary>The shipped catalogue with the Department issuing recognition decisions (recognitionPolicy.issuesDecision).</summary>
    internal static readonly ProgrammeCatalogue Recognising = RecognisingCatalogue();

    readonly LifecycleMachine recognising = new(Recognising, Planner);

    internal static ProgrammeCatalogue RecognisingCatalogue()
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("NsclWorkflows.Domain.Catalogue.catalogue.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        Assert.Contains("\"issuesDecision\": false", json, StringComparison.Ordinal);
        return CatalogueLoader.Parse(json.Replace("\"issuesDecision\": false", "\"issuesDecision\": true", StringComparison.Ordinal));
    }

    static readonly string[] Situations =
    [
        "Submitted", "AwaitingCompletenessReview", "SupplementationRequested", "UnderAppraisal", "AwaitingApproval", "AwaitingDecisionSigning",
        "CheckInOpen", "CheckInSubmitted", "ExtensionPending", "CheckInSubmittedExtensionPending", "FinalReportDue", "FinalReportSubmitted",
        "Completed", "Failed", "Rejected", "Withdrawn", "Cancelled", "Expired", "CompletenessAccepted", "PaymentDue", "AwaitingFinalPayment",
        "AwaitingEnterpriseConfirmation", "AwaitingRecognitionSigning",
    ];

    /// <summary>Situations with a payable tranche: only where the plan's ledger pays (not for a kind funded elsewhere).</summary>
    static readonly string[] PayableSituations = ["PaymentDue", "AwaitingFinalPayment", "AwaitingRecognitionSigning"];

    static readonly (string Situation, ApplicationStatus Status)[] Open =
    [
        ("Submitted", ApplicationStatus.Submitted), ("AwaitingCompletenessReview", ApplicationStatus.AwaitingCompletenessReview),
        ("SupplementationRequested", ApplicationStatus.SupplementationRequested), ("UnderAppraisal", ApplicationStatus.UnderAppraisal),
        ("AwaitingApproval", ApplicationStatus.AwaitingApproval), ("AwaitingDecisionSigning", ApplicationStatus.AwaitingDecisionSigning),
        ("CheckInOpen", ApplicationStatus.InImplementation),
        ("CheckInSubmitted", ApplicationStatus.InImplementation), ("ExtensionPending", ApplicationStatus.InImplementation),
        ("CheckInSubmittedExtensionPending", ApplicationStatus.InImplementation), ("FinalReportDue", ApplicationStatus.AwaitingFinalEvaluation),
        ("FinalReportSubmitted", ApplicationStatus.AwaitingFinalEvaluation), ("PaymentDue", ApplicationStatus.InImplementation),
        ("AwaitingFinalPayment", ApplicationStatus.AwaitingFinalPayment),
        ("AwaitingEnterpriseConfirmation", ApplicationStatus.AwaitingEnterpriseConfirmation),
        ("AwaitingRecognitionSigning", ApplicationStatus.AwaitingRecognitionSigning),
    ];

    static readonly Dictionary<string, ActionRequest> Variants = new()
    {
        ["accept-completeness"] = new(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer") { Note = "Đủ" },
        ["request-supplementation"] = new(LifecycleAction.RequestSupplementation, "Cán bộ", "Officer") { MissingItems = ["Báo cáo tài chính"], WorkingDays = 10 },
        ["resubmit"] = new(LifecycleAction.Resubmit, "enterprise", "Enterprise") { Note = "Đã bổ sung" },
        ["submit-appraisal:yes"] = new(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { ActorId = "oid-t", Positive = true, AmountVnd = Amount, Scores = Sheets.Appraisal() },
        ["submit-appraisal:no"] = new(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { ActorId = "oid-t", Positive = false, AmountVnd = 0, Scores = Sheets.Appraisal(0.2m) },
        ["approve"] = new(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = Amount, BudgetYear = 2025 },
        ["reject"] = new(LifecycleAction.Reject, "Lãnh đạo", "Leader") { Note = "Không phù hợp" },
        ["submit-check-in"] = new(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Tiến độ", PercentDone = 50 },
        ["review-check-in:accept"] = new(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true },
        ["review-check-in:revise"] = new(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = false, Note = "Bổ sung số liệu" },
        ["request-extension"] = new(LifecycleAction.RequestExtension, "enterprise", "Enterprise") { NewDueDate = new DateOnly(2030, 1, 1), Note = "Chờ thiết bị" },
        ["decide-extension:grant"] = new(LifecycleAction.DecideExtension, "Cán bộ", "Officer") { Positive = true },
        ["decide-extension:refuse"] = new(LifecycleAction.DecideExtension, "Cán bộ", "Officer") { Positive = false, Note = "Không có lý do" },
        ["submit-final-report"] = new(LifecycleAction.SubmitFinalReport, "enterprise", "Enterprise") { Note = "Hoàn thành" },
        ["evaluate:pass"] = new(LifecycleAction.Evaluate, "Lãnh đạo", "Leader") { Positive = true },
        ["evaluate:fail"] = new(LifecycleAction.Evaluate, "Lãnh đạo", "Leader") { Positive = false, Note = "Không đạt" },
        ["withdraw"] = new(LifecycleAction.Withdraw, "enterprise", "Enterprise") { Note = "Rút" },
        ["cancel"] = new(LifecycleAction.Cancel, "Lãnh đạo", "Leader") { Note = "Ngừng" },
        ["add-note"] = new(LifecycleAction.AddNote, "Cán bộ", "Officer") { Note = "Đã gọi điện cho doanh nghiệp" },
        ["record-signed-decision"] = new(LifecycleAction.RecordSignedDecision, "Lãnh đạo", "Leader")
            { SignedOn = new DateOnly(2025, 3, 3), SignerName = "Nguyễn Văn Ký", SignerTitle = "Phó Giám đốc", SignedFile = "quyet-dinh.pdf" },

        // The payable, its amount and the day are the file's (Payment fills them in): the oldest open payable, paid today.
        ["record-payment"] = new(LifecycleAction.RecordPayment, "Kế toán", "Accountant") { TreasuryReference = "KB-2025-000123" },

        // A council's result, as its secretary's close of the session sends it (never over HTTP).
        ["record-council-result"] = new(LifecycleAction.RecordCouncilResult, "Hội đồng", "Council") { Council = Councils.CouncilRulesTests.Verdict() },
        // An order or a direct assignment: the enterprise confirms the task the Department gave it.
        ["confirm-assignment"] = new(LifecycleAction.ConfirmAssignment, "enterprise", "Enterprise") { Note = "Đồng ý thực hiện" },
        // An evaluation council's verdict, as its secretary's close of the session sends it (never over HTTP).
        ["record-council-evaluation"] = new(LifecycleAction.RecordCouncilEvaluation, "Hội đồng", "Council") { Council = Councils.CouncilRulesTests.EvaluationVerdict() },
        ["record-signed-recognition"] = new(LifecycleAction.RecordSignedRecognition, "Lãnh đạo", "Leader")
            { SignedOn = new DateOnly(2025, 3, 5), SignerName = "Nguyễn Văn Ký", SignerTitle = "Phó Giám đốc", SignedFile = "cong-nhan.pdf" },
    };

    /// <summary>The decisions: (situation, variant) → status after, movements (kind:amount), notifications, documents. Anything else is refused.</summary>
    static readonly Dictionary<(string, string), Expected> Allowed = Build();

    static Dictionary<(string, string), Expected> Build()
    {
        var t = new Dictionary<(string, string), Expected>();
        var withdraw = new Expected(ApplicationStatus.Withdrawn, [], [NotificationEvent.Withdrawn]);
        foreach (var s in new[] { "Submitted", "AwaitingCompletenessReview" })
        {
            t[(s, "accept-completeness")] = new(ApplicationStatus.UnderAppraisal, [], [NotificationEvent.AppraisalAssigned]);
            t[(s, "request-supplementation")] = new(ApplicationStatus.SupplementationRequested, [], [NotificationEvent.SupplementationRequested]);
            t[(s, "withdraw")] = withdraw;
        }

        t[("AwaitingEnterpriseConfirmation", "confirm-assignment")] = new(ApplicationStatus.UnderAppraisal, [], [NotificationEvent.AppraisalAssigned]);
        t[("AwaitingEnterpriseConfirmation", "withdraw")] = withdraw;
        t[("SupplementationRequested", "resubmit")] = new(ApplicationStatus.AwaitingCompletenessReview, [], [NotificationEvent.ResubmissionReceived]);
        t[("SupplementationRequested", "withdraw")] = withdraw;
        t[("UnderAppraisal", "submit-appraisal:yes")] = new(ApplicationStatus.AwaitingApproval, [], [NotificationEvent.ApprovalRequested], [DocumentKinds.AppraisalRecord]);
        t[("UnderAppraisal", "submit-appraisal:no")] = new(ApplicationStatus.AwaitingApproval, [], [NotificationEvent.ApprovalRequested], [DocumentKinds.AppraisalRecord]);
        t[("UnderAppraisal", "record-council-result")] = new(ApplicationStatus.AwaitingApproval, [], [NotificationEvent.ApprovalRequested], [DocumentKinds.AppraisalRecord]);
        t[("UnderAppraisal", "withdraw")] = withdraw;
        t[("AwaitingApproval", "approve")] = new(ApplicationStatus.AwaitingDecisionSigning, [(BudgetMovementKind.Reserve, Amount)],
            [NotificationEvent.DecisionSigningRequested], [DocumentKinds.ApprovalDecision]);
        t[("AwaitingApproval", "reject")] = new(ApplicationStatus.Rejected, [], [NotificationEvent.Rejected]);
        t[("AwaitingApproval", "withdraw")] = withdraw;

        var cancelAll = new Expected(ApplicationStatus.Cancelled, [(BudgetMovementKind.Release, Amount)], [NotificationEvent.Cancelled]);
        t[("AwaitingDecisionSigning", "record-signed-decision")] = new(ApplicationStatus.InImplementation, [], [NotificationEvent.Approved],
            [DocumentKinds.SignedApprovalDecision]);
        t[("AwaitingDecisionSigning", "cancel")] = cancelAll;
        var stay = new Expected(ApplicationStatus.InImplementation, [], []);
        // Accepted: the tranche is committed and payable; it is disbursed only when the accountant records its payment.
        var accept = new Expected(ApplicationStatus.InImplementation, [(BudgetMovementKind.Commit, Tranche)], [NotificationEvent.CheckInReviewed]);
        var revise = new Expected(ApplicationStatus.InImplementation, [], [NotificationEvent.CheckInReviewed]);
        var decided = new Expected(ApplicationStatus.InImplementation, [], [NotificationEvent.ExtensionDecided]);
        t[("CheckInOpen", "submit-check-in")] = stay;
        t[("CheckInOpen", "request-extension")] = stay;
        t[("CheckInOpen", "cancel")] = cancelAll;
        t[("CheckInSubmitted", "review-check-in:accept")] = accept;
        t[("CheckInSubmitted", "review-check-in:revise")] = revise;
        t[("CheckInSubmitted", "request-extension")] = stay;
        t[("CheckInSubmitted", "cancel")] = cancelAll;
        t[("ExtensionPending", "submit-check-in")] = stay;
        t[("ExtensionPending", "decide-extension:grant")] = decided;
        t[("ExtensionPending", "decide-extension:refuse")] = decided;
        t[("ExtensionPending", "cancel")] = cancelAll;
        t[("CheckInSubmittedExtensionPending", "review-check-in:accept")] = accept;
        t[("CheckInSubmittedExtensionPending", "review-check-in:revise")] = revise;
        t[("CheckInSubmittedExtensionPending", "decide-extension:grant")] = decided;
        t[("CheckInSubmittedExtensionPending", "decide-extension:refuse")] = decided;
        t[("CheckInSubmittedExtensionPending", "cancel")] = cancelAll;

        // Check-in 1 accepted, its tranche payable (committed, not disbursed): the accountant's payment disburses it.
        t[("PaymentDue", "submit-check-in")] = stay;
        t[("PaymentDue", "request-extension")] = stay;
        t[("PaymentDue", "record-payment")] = new(ApplicationStatus.InImplementation, [(BudgetMovementKind.Disburse, Tranche)], [NotificationEvent.PaymentRecorded]);
        // Cancelled with check-in 1's tranche owed: the rest is released, the file waits for that payment, then is Cancelled.
        t[("PaymentDue", "cancel")] = new(ApplicationStatus.AwaitingFinalPayment, [(BudgetMovementKind.Release, Amount - Tranche)], [NotificationEvent.Cancelled]);

        // After both check-ins: two tranches committed, one left reserved.
        var cancelRest = new Expected(ApplicationStatus.Cancelled, [(BudgetMovementKind.Release, Amount - (2 * Tranche))], [NotificationEvent.Cancelled]);
        t[("FinalReportDue", "submit-final-report")] = new(ApplicationStatus.AwaitingFinalEvaluation, [], []);
        t[("FinalReportDue", "cancel")] = cancelRest;
        t[("FinalReportSubmitted", "evaluate:pass")] = new(ApplicationStatus.AwaitingFinalPayment,
            [(BudgetMovementKind.Commit, Amount - (2 * Tranche))],
            [NotificationEvent.FinalEvaluationResult], [DocumentKinds.EvaluationMinutes]) { StatusElsewhere = ApplicationStatus.Completed };
        t[("FinalReportSubmitted", "evaluate:fail")] = new(ApplicationStatus.Failed, [(BudgetMovementKind.Release, Amount - (2 * Tranche))],
            [NotificationEvent.FinalEvaluationResult], [DocumentKinds.EvaluationMinutes]);
        t[("FinalReportSubmitted", "cancel")] = cancelRest;
        // The evaluation council advises: its verdict is kept, the file still awaits the leader's evaluation; nobody is told.
        t[("FinalReportSubmitted", "record-council-evaluation")] = new(ApplicationStatus.AwaitingFinalEvaluation, [], []);
        // Passed where the Department recognises results by decision: the enterprise is told once the decision is recorded
        // signed; the final tranche is payable meanwhile.
        t[("AwaitingRecognitionSigning", "record-signed-recognition")] = new(ApplicationStatus.AwaitingFinalPayment, [], [NotificationEvent.FinalEvaluationResult],
            [DocumentKinds.SignedRecognitionDecision]);
        t[("AwaitingRecognitionSigning", "record-payment")] = new(ApplicationStatus.AwaitingRecognitionSigning, [(BudgetMovementKind.Disburse, Amount - (2 * Tranche))],
            [NotificationEvent.PaymentRecorded]);
        t[("AwaitingFinalPayment", "record-payment")] = new(ApplicationStatus.Completed, [(BudgetMovementKind.Disburse, Amount - (2 * Tranche))],
            [NotificationEvent.PaymentRecorded]);

        // A note: in every open situation, the file stays where it is; nothing moves, nobody is told.
        foreach (var (situation, status) in Open)
        {
            t[(situation, "add-note")] = new(status, [], []);
        }

        return t;
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "productivity-tools", "e-commerce" })
        {
            foreach (var situation in Situations.Where(s => kind == "productivity-tools" || !PayableSituations.Contains(s)))
            {
                foreach (var variant in Variants.Keys)
                {
                    data.Add(kind, situation, variant);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ActionInSituation_IsRefusedOrDecidesAsTheTableSays(string kind, string situation, string variant)
    {
        var application = In(situation, kind);
        var before = (application.Status, application.Lifecycle.StepDueUtc, application.Lifecycle.Appraisals.Count, application.Lifecycle.CheckIns.Count);
        var step = Next(application, Variants[variant]);

        var moves = machine.LedgerMovesFor(application, step);
        var registration = machine.DecisionToRegister(application, step);
        var (audit, result) = machine.Apply(application, step, registered: Registered(registration));

        if (!Allowed.TryGetValue((situation, variant), out var expected))
        {
            Assert.False(result.Applied);
            Assert.Equal("invalid_transition", result.RefusalCode);
            Assert.Equal(AuditKinds.ActionIgnored, audit!.Kind);
            Assert.Empty(moves);
            Assert.Null(registration);
            Assert.Empty(result.Notifications);
            Assert.Empty(result.Documents);
            Assert.Equal(before, (application.Status, application.Lifecycle.StepDueUtc, application.Lifecycle.Appraisals.Count, application.Lifecycle.CheckIns.Count));
            return;
        }

        var status = kind == "e-commerce" ? expected.StatusElsewhere ?? expected.Status : expected.Status;
        Assert.True(result.Applied, result.RefusalMessage);
        Assert.Equal(status, application.Status);
        Assert.Equal(kind == "e-commerce" ? [] : expected.Movements, moves.Select(m => (m.Kind, m.AmountVnd)));
        Assert.Equal(expected.Notifications, result.Notifications.Select(n => n.Event));
        Assert.Equal(expected.Documents ?? [], result.Documents);
        Assert.Equal((before.Status.ToString(), status.ToString()), (audit!.FromStatus, audit.ToStatus));
    }

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void Allowed_EveryStatus_IsWhatTheMachineTakes(ApplicationStatus status)
    {
        var situations = Situations.Where(s => In(s, "productivity-tools").Status == status).ToList();

        Assert.NotEmpty(situations);
        foreach (var situation in situations)
        {
            var application = In(situation, "productivity-tools");
            var allowed = LifecycleRules.Allowed(application.Status, LifecycleMachine.ImplementationOf(application.Lifecycle));
            var decided = Allowed.Keys.Where(k => k.Item1 == situation && k.Item2 != "add-note").Select(k => Variants[k.Item2].Action).Distinct();
            Assert.Equal(decided.Order(), allowed.Order());
        }
    }

    public static TheoryData<ApplicationStatus> StatusCases() => [.. Enum.GetValues<ApplicationStatus>()];

    /// <summary>Open files the workflow has received (a note raised before receipt waits for it: the workflow records receipt first).</summary>
    public static TheoryData<string> OpenSituations() => [.. Open.Select(o => o.Situation).Where(s => s != "Submitted")];

    [Theory]
    [MemberData(nameof(OpenSituations))]
    public void Apply_NoteInAnOpenFile_KeepsItsStepDeadlineRemindersAndVersion(string situation)
    {
        var application = In(situation, "productivity-tools");
        var before = machine.ResultOf(application, true, []);
        var (due, escalations, version, tasks) = (application.Lifecycle.StepDueUtc, application.Lifecycle.StepEscalations, application.Lifecycle.Version,
            application.Lifecycle.OpenTasks.ToList());
        var step = Next(application, Variants["add-note"]);

        var (audit, result) = machine.Apply(application, step);

        Assert.True(result.Applied);
        Assert.Equal(("NoteAdded", "Đã gọi điện cho doanh nghiệp", "Officer"), (audit!.Kind, audit.Detail, audit.Role));
        Assert.Equal((due, escalations, version), (application.Lifecycle.StepDueUtc, application.Lifecycle.StepEscalations, application.Lifecycle.Version));
        Assert.Equal(tasks, application.Lifecycle.OpenTasks);
        Assert.Equal(before.NextDeadlineUtc, result.NextDeadlineUtc);
        Assert.Equal(before.Nudges.Where(n => n.AtUtc > step.AtUtc).Select(Of), result.Nudges.Select(Of));

        static (DateTimeOffset, NotificationEvent, string) Of(Nudge n) => (n.AtUtc, n.Notification.Event, n.Notification.Occurrence);
    }

    public static TheoryData<string, string, string> RuleBreaches() => new()
    {
        // situation, action (as the API would refuse it), the refusal code
        { "AwaitingApproval", "approve-over-recommendation", "out_of_range" },
        { "AwaitingApproval", "approve-year-outside-plan", "out_of_range" },
        { "UnderAppraisal", "appraise-over-request", "out_of_range" },
        { "CheckInOpen", "extend-to-before-due", "out_of_range" },
        { "CheckInOpen", "extend-without-date", "required" },
        { "FinalReportSubmitted", "evaluate-over-approval", "out_of_range" },
    };

    [Theory]
    [MemberData(nameof(RuleBreaches))]
    public void Apply_ActionBreakingTheRuleTheApiChecks_IsRefusedAndMovesNothing(string situation, string breach, string code)
    {
        var application = In(situation, "productivity-tools");
        var before = (application.Status, application.Lifecycle.StepDueUtc, application.Lifecycle.PendingExtension, application.Lifecycle.Approval);
        var action = breach switch
        {
            "approve-over-recommendation" => Variants["approve"] with { AmountVnd = Amount + 1 },
            "approve-year-outside-plan" => Variants["approve"] with { BudgetYear = 2000 },
            "appraise-over-request" => Variants["submit-appraisal:yes"] with { AmountVnd = Amount + 1 },
            "extend-to-before-due" => Variants["request-extension"] with { NewDueDate = new DateOnly(2025, 1, 1) },
            "extend-without-date" => Variants["request-extension"] with { NewDueDate = null },
            _ => Variants["evaluate:pass"] with { AmountVnd = Amount + 1 },
        };
        var step = Next(application, action);

        var moves = machine.LedgerMovesFor(application, step);
        var (audit, result) = machine.Apply(application, step);

        Assert.False(result.Applied);
        Assert.Equal(code, result.RefusalCode);
        Assert.Empty(moves);
        Assert.Empty(result.Notifications);
        Assert.Equal(action.Action == LifecycleAction.Approve ? AuditKinds.ApprovalRefused : AuditKinds.ActionIgnored, audit!.Kind);
        Assert.Equal(before, (application.Status, application.Lifecycle.StepDueUtc, application.Lifecycle.PendingExtension, application.Lifecycle.Approval));
    }

    /// <summary>An application walked to <paramref name="situation"/> through the machine itself.</summary>
    Application In(string situation, string kind)
    {
        var a = new Application("cccccccccccccccccccccccccc", "NSCL-2025-TABLE",
            new ApplicationSubmission("0101234567", "Công ty TNHH Bảng", "Trần Thị B", "b@example.vn", "0912345678", kind, "Nhiệm vụ", "Tóm tắt", Amount)
            {
                Selection = situation == "AwaitingEnterpriseConfirmation" ? Selections.Order : null,
            },
            Catalogue.Version, Start, Start.AddDays(5));
        switch (situation)
        {
            case "Submitted":
                return a;
            case "Expired" or "CompletenessAccepted":
                return Application.Restore(a, Enum.Parse<ApplicationStatus>(situation), Start, Start, null, null, Start);
        }

        Do(a, null, StepKind.Receive);
        string[] path = situation switch
        {
            "AwaitingCompletenessReview" or "AwaitingEnterpriseConfirmation" => [],
            "SupplementationRequested" => ["request-supplementation"],
            "Withdrawn" => ["withdraw"],
            "UnderAppraisal" => ["accept-completeness"],
            "AwaitingApproval" => ["accept-completeness", "submit-appraisal:yes"],
            "AwaitingDecisionSigning" => ["accept-completeness", "submit-appraisal:yes", "approve"],
            "Rejected" => ["accept-completeness", "submit-appraisal:yes", "reject"],
            "CheckInOpen" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision"],
            "Cancelled" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "cancel"],
            "CheckInSubmitted" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "submit-check-in"],
            "ExtensionPending" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "request-extension"],
            "CheckInSubmittedExtensionPending" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "request-extension", "submit-check-in"],
            "PaymentDue" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "submit-check-in", "review-check-in:accept"],
            "FinalReportDue" => ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "submit-check-in", "review-check-in:accept",
                "record-payment", "submit-check-in", "review-check-in:accept", "record-payment"],
            "FinalReportSubmitted" or "Completed" or "Failed" or "AwaitingFinalPayment" or "AwaitingRecognitionSigning" =>
                ["accept-completeness", "submit-appraisal:yes", "approve", "record-signed-decision", "submit-check-in", "review-check-in:accept", "record-payment",
                    "submit-check-in", "review-check-in:accept", "record-payment", "submit-final-report",
                    .. situation switch
                    {
                        "Completed" => ["evaluate:pass", "record-payment"],
                        "AwaitingFinalPayment" => ["evaluate:pass"],
                        "Failed" => ["evaluate:fail"],
                        _ => Array.Empty<string>(),
                    }],
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };
        foreach (var variant in path)
        {
            if (variant == "record-payment" && !a.Lifecycle.OpenPayables.Any())
            {
                continue; // a kind funded elsewhere: nothing payable in this plan
            }

            Assert.True(Do(a, Variants[variant]).Applied, $"{situation}: {variant}");
        }

        if (situation == "AwaitingRecognitionSigning")
        {
            var step = Next(a, Variants["evaluate:pass"]);
            Assert.True(recognising.Apply(a, step).Result.Applied);
        }

        return a;
    }

    StepResult Do(Application a, ActionRequest? action, StepKind kind = StepKind.Action)
    {
        var step = Next(a, action, kind);
        return machine.Apply(a, step, registered: Registered(machine.DecisionToRegister(a, step))).Result;
    }

    /// <summary>What the decision register answers (its numbering is tested on Azurite).</summary>
    static Decisions.RegisteredDecision? Registered(Decisions.DecisionRegistration? r) => Signing.Registered(r, 7);

    static StepCommand Next(Application a, ActionRequest? action, StepKind kind = StepKind.Action)
    {
        var at = Start.AddHours(a.LastSequence + 1);
        return new(a.Id, a.LastSequence + 1, kind, at) { Action = action is null ? null : Payment(a, action, at) };
    }

    /// <summary>A payment of the file's oldest open payable (any when none is open: checkin-1), its whole amount, paid on the step's day.</summary>
    static ActionRequest Payment(Application a, ActionRequest action, DateTimeOffset at)
    {
        if (action.Action == LifecycleAction.RecordSignedRecognition)
        {
            return action with { SignedOn = DateOnly.FromDateTime(at.ToOffset(DeadlinePlanner.VietnamOffset).DateTime) }; // signed on the step's day
        }

        if (action.Action != LifecycleAction.RecordPayment || action.PayableId is not null)
        {
            return action;
        }

        var payable = a.Lifecycle.OpenPayables.FirstOrDefault();
        return action with
        {
            PayableId = payable?.Id ?? "checkin-1",
            AmountVnd = payable?.AmountVnd ?? Tranche,
            PaidOn = DateOnly.FromDateTime(at.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
        };
    }

    [Fact]
    public void Evaluate_AfterAnEvaluationCouncilPassedTheFile_FollowsItsVerdictAndRecommendation()
    {
        var a = In("FinalReportSubmitted", "productivity-tools");
        Assert.True(Do(a, Variants["record-council-evaluation"]).Applied);
        var council = a.Lifecycle.CouncilEvaluation!;
        Assert.True(council.Passed);
        Assert.Equal(250_000_000, council.RecommendedAmountVnd);
        Assert.Equal(4, council.Outcome!.Sheets);
        Assert.Equal(ApplicationStatus.AwaitingFinalEvaluation, a.Status);
        Assert.Null(EnterpriseDisclosure.Lifecycle(a.Lifecycle).CouncilEvaluation);

        var contradicting = Do(a, Variants["evaluate:fail"]);
        var exceeding = Do(a, Variants["evaluate:pass"] with { AmountVnd = 260_000_000 });

        Assert.Equal((false, Domain.Lifecycle.Actions.Evaluate.ContradictsCouncil), (contradicting.Applied, contradicting.RefusalCode));
        Assert.Equal((false, Domain.Lifecycle.Actions.Evaluate.ExceedsCouncil), (exceeding.Applied, exceeding.RefusalCode));
        Assert.Equal(ApplicationStatus.AwaitingFinalEvaluation, a.Status);

        var step = Next(a, Variants["evaluate:pass"]);
        var moves = machine.LedgerMovesFor(a, step);
        Assert.True(machine.Apply(a, step).Result.Applied);
        Assert.Equal(250_000_000, a.Lifecycle.Evaluation!.FinalAmountVnd);
        Assert.Equal([(BudgetMovementKind.Commit, 250_000_000 - (2 * Tranche)), (BudgetMovementKind.Release, Amount - 250_000_000)],
            moves.Select(m => (m.Kind, m.AmountVnd)));
    }

    [Fact]
    public void Evaluate_AfterAnEvaluationCouncilFailedTheFile_PassIsRefused()
    {
        var a = In("FinalReportSubmitted", "productivity-tools");
        Assert.True(Do(a, Variants["record-council-evaluation"] with { Council = Councils.CouncilRulesTests.EvaluationVerdict(0.2m) }).Applied);
        Assert.False(a.Lifecycle.CouncilEvaluation!.Passed);

        var passing = Do(a, Variants["evaluate:pass"]);

        Assert.Equal((false, Domain.Lifecycle.Actions.Evaluate.ContradictsCouncil), (passing.Applied, passing.RefusalCode));
        Assert.True(Do(a, Variants["evaluate:fail"]).Applied);
        Assert.Equal(ApplicationStatus.Failed, a.Status);
    }

    [Fact]
    public void Evaluate_PassedWhereTheDepartmentIssuesRecognition_DraftsTheDecisionAndTellsTheEnterpriseOnlyOnceSigned()
    {
        var a = In("FinalReportSubmitted", "productivity-tools");
        var step = Next(a, Variants["evaluate:pass"]);
        var (audit, evaluated) = recognising.Apply(a, step);

        Assert.True(evaluated.Applied);
        Assert.Equal(ApplicationStatus.AwaitingRecognitionSigning, a.Status);
        var asked = Assert.Single(evaluated.Notifications); // the leaders are asked to sign; the enterprise is not told yet
        Assert.Equal((NotificationEvent.RecognitionSigningRequested, NotificationAudience.Leaders), (asked.Event, asked.Audience));
        Assert.Contains(evaluated.Nudges, n => n.Notification.Event == NotificationEvent.RecognitionSigningReminder);
        Assert.Equal([DocumentKinds.EvaluationMinutes, DocumentKinds.RecognitionDecision], evaluated.Documents);
        Assert.Null(EnterpriseDisclosure.HistoryEntry(audit!));
        Assert.Null(EnterpriseDisclosure.Lifecycle(a.Lifecycle).Evaluation);
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.EvaluationMinutes, a.Lifecycle));
        Assert.Contains(a.Lifecycle.OpenTasks, t => t.Step == "RecognitionSigning" && t.Role == "Leader");

        var signing = Next(a, Variants["record-signed-recognition"]);
        var registration = recognising.DecisionToRegister(a, signing);
        Assert.Equal((Decisions.DecisionKinds.ResultRecognition, 2025), (registration!.Kind, registration.Year));
        var (signedAudit, signed) = recognising.Apply(a, signing, registered: Signing.Registered(registration, 12));

        Assert.True(signed.Applied, signed.RefusalMessage);
        Assert.Equal(ApplicationStatus.AwaitingFinalPayment, a.Status);
        var told = Assert.Single(signed.Notifications);
        Assert.Equal((NotificationEvent.FinalEvaluationResult, "12/QĐ-SKHCN"), (told.Event, told.Facts[NotificationFacts.DecisionNumber]));
        Assert.Equal(12, a.Lifecycle.SignedRecognition!.Number);
        Assert.NotNull(EnterpriseDisclosure.HistoryEntry(signedAudit!));
        Assert.NotNull(EnterpriseDisclosure.Lifecycle(a.Lifecycle).Evaluation);
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.SignedRecognitionDecision, a.Lifecycle));
    }

    [Fact]
    public void Evaluate_FailedWhereTheDepartmentIssuesRecognition_KeepsTheExistingPath()
    {
        var a = In("FinalReportSubmitted", "productivity-tools");

        var (_, result) = recognising.Apply(a, Next(a, Variants["evaluate:fail"]));

        Assert.Equal(ApplicationStatus.Failed, a.Status);
        Assert.Equal([NotificationEvent.FinalEvaluationResult], result.Notifications.Select(n => n.Event));
    }

    sealed record Expected(ApplicationStatus Status, (BudgetMovementKind Kind, long AmountVnd)[] Movements, NotificationEvent[] Notifications, string[]? Documents = null)
    {
        /// <summary>The status for a kind funded elsewhere where it differs (nothing payable: a passed evaluation completes the file).</summary>
        public ApplicationStatus? StatusElsewhere { get; init; }
    }
}
