using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Lifecycle;
using NsclWorkflows.Workflows.Notifications;
using NsclWorkflows.Workflows.Tests.Support;

namespace NsclWorkflows.Workflows.Tests.Lifecycle;

/// <summary>
/// Every path of the application workflow on the in-memory Durable Task host, with time compressed (one working day
/// lasts a fraction of a second) and fakes for storage, ledger, inbox and e-mail. Each test waits on the state the
/// workflow writes, never on a clock.
/// </summary>
public sealed class ApplicationWorkflowTests : IAsyncDisposable
{
    /// <summary>IV.1 in 2025 as the shipped catalogue plans it (800 million đồng).</summary>
    const long Plan = 800_000_000;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    /// <summary>Rounds of a write that failed beyond its retries, shortened (a deployment waits a minute, doubling to an hour).</summary>
    static readonly WorkflowTiming Rounds = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));

    readonly InMemoryApplicationRepository repository = new();
    readonly RecordingNotifications notifications = new();
    readonly InMemoryInbox inbox = new();
    readonly InMemoryBudgetLedger ledger = new();
    readonly Reports.InMemoryDocumentStore documents = new();
    readonly Reports.RecordingDocumentBuilder builder = new();
    readonly InMemoryDecisionRegister register = new();
    readonly InMemoryAttachmentStore attachments = new();
    readonly InMemoryPendingActions pending = new();
    readonly InMemoryParkedEmails parked = new();
    DurableTaskTestHost host = null!;
    TimeSpan day;

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        // Every notification the lifecycle asked for fits its event's contract (audience, required and known facts).
        Assert.Empty(notifications.Violations);
    }

    [Fact]
    public async Task HappyPath_TwoCheckInsPassedEvaluationAndTheirPayments_CompletesWithTheWholeAmountDisbursed()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();

        await ToImplementationAsync(app, 300_000_000);
        Assert.Equal(2, app.Lifecycle.CheckIns.Count);
        Assert.Equal(new LedgerBalance(Key(app), Plan, 300_000_000, 0, 0), await ledger.GetBalanceAsync(Key(app), default));

        foreach (var n in new[] { 1, 2 })
        {
            await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = $"Báo cáo kỳ {n}", PercentDone = n * 45 });
            await WaitAsync(app, a => a.Lifecycle.CheckIns[n - 1].Status == CheckInStatus.Submitted);
            await inbox.WaitForAsync(app.Id, open => open.Any(t => t.Step == "CheckInReview" && t.Role == "Officer"), Patience);
            await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });
            await WaitAsync(app, a => a.Lifecycle.CheckIns[n - 1].Status == CheckInStatus.Accepted);

            // Accepted: committed and payable, not disbursed, until the accountant records the payment.
            Assert.Equal(100_000_000 * (n - 1), (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd);
            await PayAsync(app, $"checkin-{n}");
        }

        await WaitStatusAsync(app, ApplicationStatus.AwaitingFinalEvaluation);
        Assert.Equal(new LedgerBalance(Key(app), Plan, 100_000_000, 0, 200_000_000), await ledger.GetBalanceAsync(Key(app), default));

        await ActAsync(app, Enterprise(LifecycleAction.SubmitFinalReport) with { Note = "Hoàn thành 5S toàn xưởng." });
        await WaitAsync(app, a => a.Lifecycle.FinalReport is not null);
        await ActAsync(app, Leader(LifecycleAction.Evaluate) with { Positive = true, Note = "Đạt." });
        await WaitStatusAsync(app, ApplicationStatus.AwaitingFinalPayment);
        Assert.Equal(new LedgerBalance(Key(app), Plan, 0, 100_000_000, 200_000_000), await ledger.GetBalanceAsync(Key(app), default));
        await PayAsync(app, "final");

        await CompletedAsync(app, ApplicationStatus.Completed);
        Assert.Equal(new LedgerBalance(Key(app), Plan, 0, 0, 300_000_000), await ledger.GetBalanceAsync(Key(app), default));
        Assert.Empty(inbox.Of(app.Id));
        var kinds = await AuditKindsAsync(app);
        Assert.Equal(
            [AuditKinds.Submitted, AuditKinds.ReceiptAcknowledged, AuditKinds.CompletenessAccepted, AuditKinds.AppraisalSubmitted, AuditKinds.Approved,
             AuditKinds.DecisionSigned, AuditKinds.CheckInSubmitted, AuditKinds.CheckInAccepted, AuditKinds.PaymentRecorded, AuditKinds.CheckInSubmitted,
             AuditKinds.CheckInAccepted, AuditKinds.PaymentRecorded, AuditKinds.FinalReportSubmitted, AuditKinds.EvaluationPassed, AuditKinds.PaymentRecorded],
            kinds);
        await SentAsync(app, n => n.Event == NotificationEvent.PaymentRecorded && n.Occurrence == "payment-final"); // e-mails leave off the lifecycle's path
        var events = notifications.For(app.Id).Select(n => n.Event).ToList();
        Assert.Equal(NotificationEvent.Receipt, events[0]);
        Assert.Contains(NotificationEvent.AppraisalAssigned, events);
        Assert.Contains(NotificationEvent.Approved, events);
        Assert.Contains(NotificationEvent.FinalEvaluationResult, events);
        Assert.Equal(3, events.Count(e => e == NotificationEvent.PaymentRecorded));
        Assert.Equal(NotificationEvent.PaymentRecorded, events[^1]);

        // Each decision issued its document, once, built from the recorded lifecycle.
        var issued = documents.All(Domain.Documents.DocumentKinds.AppraisalRecord).Concat(documents.All(Domain.Documents.DocumentKinds.ApprovalDecision))
            .Concat(documents.All(Domain.Documents.DocumentKinds.EvaluationMinutes)).Where(d => d.Scope == app.Id).Select(d => d.Kind).ToList();
        Assert.Equal([Domain.Documents.DocumentKinds.AppraisalRecord, Domain.Documents.DocumentKinds.ApprovalDecision, Domain.Documents.DocumentKinds.EvaluationMinutes], issued);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.SignedApprovalDecision), d => d.Scope == app.Id && d.ContentType == "application/pdf");
        var decision = builder.ApplicationDocuments.OfType<Domain.Documents.ApprovalDecisionData>().Single(d => d.Application.ApplicationId == app.Id);
        Assert.Equal((300_000_000L, 2025, 2), (decision.AmountVnd, decision.BudgetYear, decision.CheckIns.Count));
        var minutes = builder.ApplicationDocuments.OfType<Domain.Documents.EvaluationMinutesData>().Single(d => d.Application.ApplicationId == app.Id);
        Assert.Equal(Domain.Documents.EvaluationOutcome.Passed, minutes.Outcome);
    }

    [Fact]
    public async Task Recognition_PassedEvaluationWhereTheDepartmentIssuesOne_EnterpriseToldOnlyOnceTheSignedDecisionIsRecordedInTheSameSeries()
    {
        using (var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("NsclWorkflows.Domain.Catalogue.catalogue.json")!)
        using (var reader = new StreamReader(stream))
        {
            await StartAsync(TimeSpan.FromSeconds(2),
                CatalogueLoader.Parse(reader.ReadToEnd().Replace("\"issuesDecision\": false", "\"issuesDecision\": true", StringComparison.Ordinal)));
        }

        var app = await SubmitAsync();
        await ToImplementationAsync(app, 300_000_000);
        foreach (var n in new[] { 1, 2 })
        {
            await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = $"Báo cáo kỳ {n}", PercentDone = n * 45 });
            await WaitAsync(app, a => a.Lifecycle.CheckIns[n - 1].Status == CheckInStatus.Submitted);
            await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });
            await WaitAsync(app, a => a.Lifecycle.CheckIns[n - 1].Status == CheckInStatus.Accepted);
            await PayAsync(app, $"checkin-{n}");
        }

        await WaitStatusAsync(app, ApplicationStatus.AwaitingFinalEvaluation);
        await ActAsync(app, Enterprise(LifecycleAction.SubmitFinalReport) with { Note = "Hoàn thành 5S toàn xưởng." });
        await WaitAsync(app, a => a.Lifecycle.FinalReport is not null);
        await ActAsync(app, Leader(LifecycleAction.Evaluate) with { Positive = true, Note = "Đạt." });

        // Passed: the draft recognition decision is issued and the leaders' task opened; the enterprise is not told yet.
        await WaitStatusAsync(app, ApplicationStatus.AwaitingRecognitionSigning);
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t.Step == "RecognitionSigning" && t.Role == "Leader"), Patience);
        Assert.DoesNotContain(notifications.Attempts, n => n.ApplicationId == app.Id && n.Event == NotificationEvent.FinalEvaluationResult);

        await attachments.AddAsync(app.Id, "cong-nhan-da-ky.pdf", "application/pdf", InMemoryAttachmentStore.Pdf, "lanh.dao.b", 20, default);
        await ActAsync(app, Leader(LifecycleAction.RecordSignedRecognition) with
        {
            SignedOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
            SignerName = "Nguyễn Văn Ký",
            SignerTitle = "Phó Giám đốc",
            SignedFile = "cong-nhan-da-ky.pdf",
        });

        // Recorded: numbered next in the year's one series (after the approval decision), the enterprise told with the number,
        // the signed PDF its document; the final tranche is paid, then the file completes.
        var told = await WaitAsync(app, a => a.Lifecycle.SignedRecognition is not null);
        await SentAsync(app, n => n.Event == NotificationEvent.FinalEvaluationResult && n.Audience == NotificationAudience.Enterprise);
        var year = told.Lifecycle.SignedRecognition!.Year;
        var entries = (await register.ListAsync(year, default)).Where(e => e.ApplicationId == app.Id).ToList();
        Assert.Equal([Domain.Decisions.DecisionKinds.SupportApproval, Domain.Decisions.DecisionKinds.ResultRecognition], entries.Select(e => e.Kind));
        Assert.Equal(entries[0].Number + 1, entries[1].Number);
        Assert.Equal(entries[1].NumberAndSymbol,
            Assert.Single(notifications.For(app.Id), n => n.Event == NotificationEvent.FinalEvaluationResult).Facts[NotificationFacts.DecisionNumber]);
        await PayAsync(app, "final");
        await CompletedAsync(app, ApplicationStatus.Completed);
        var kinds = await AuditKindsAsync(app);
        Assert.True(kinds.IndexOf(AuditKinds.EvaluationAwaitingRecognition) < kinds.IndexOf(AuditKinds.RecognitionSigned));
        Assert.DoesNotContain(AuditKinds.EvaluationPassed, kinds);

        // Each step issued its document: the draft recognition decision, and the signed PDF the enterprise downloads.
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.RecognitionDecision), d => d.Scope == app.Id);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.SignedRecognitionDecision), d => d.Scope == app.Id && d.ContentType == "application/pdf");
        var draft = builder.ApplicationDocuments.OfType<Domain.Documents.RecognitionDecisionData>().Single(d => d.Application.ApplicationId == app.Id);
        Assert.Equal(100_000_000 * 3, draft.AcceptedAmountVnd);
    }

    [Fact]
    public async Task Supplementation_ResubmittedInTime_GoesBackToReviewAndOn()
    {
        await StartAsync(TimeSpan.FromSeconds(1));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);

        await ActAsync(app, Officer(LifecycleAction.RequestSupplementation) with { MissingItems = ["Báo cáo tài chính 2025"], WorkingDays = 10 });
        await WaitStatusAsync(app, ApplicationStatus.SupplementationRequested);
        await SentAsync(app, n => n.Event == NotificationEvent.SupplementationRequested && n.Audience == NotificationAudience.Enterprise
            && n.Facts["missingItems"] == "Báo cáo tài chính 2025");

        await ActAsync(app, Enterprise(LifecycleAction.Resubmit) with { Note = "Đã bổ sung báo cáo tài chính." });
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));

        var stored = await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        Assert.NotNull(stored.Lifecycle.Supplementations.Single().ResubmittedAtUtc);
        await SentAsync(app, n => n.Event == NotificationEvent.ResubmissionReceived && n.Audience == NotificationAudience.Officers);
    }

    [Fact]
    public async Task Supplementation_DeadlinePassesWithoutResubmission_ExpiredWithNoticeAfterReminders()
    {
        await StartAsync(TimeSpan.FromMilliseconds(200));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);

        await ActAsync(app, Officer(LifecycleAction.RequestSupplementation) with { MissingItems = ["Giấy phép kinh doanh"], WorkingDays = 10 });

        var stored = await CompletedAsync(app, ApplicationStatus.Expired);
        Assert.Contains("Quá hạn bổ sung", stored.Lifecycle.ClosingReason, StringComparison.Ordinal);
        await SentAsync(app, n => n.Event == NotificationEvent.Expired);
        await SentAsync(app, n => n.Event == NotificationEvent.Withdrawn);
        await SentAsync(app, n => n.Event == NotificationEvent.SupplementationReminder && n.Occurrence.EndsWith("reminder-1", StringComparison.Ordinal));
        await SentAsync(app, n => n.Event == NotificationEvent.SupplementationReminder && n.Occurrence.EndsWith("reminder-5", StringComparison.Ordinal));
        var sent = notifications.For(app.Id);
        Assert.Contains(sent, n => n.Event == NotificationEvent.SupplementationReminder && n.Occurrence.EndsWith("reminder-5", StringComparison.Ordinal));
        Assert.Contains(sent, n => n.Event == NotificationEvent.SupplementationReminder && n.Occurrence.EndsWith("reminder-1", StringComparison.Ordinal));
        Assert.Contains(sent, n => n.Event == NotificationEvent.Expired && n.Audience == NotificationAudience.Enterprise);
        Assert.Contains(sent, n => n.Event == NotificationEvent.Withdrawn && n.Audience == NotificationAudience.Officers);
        Assert.Contains(AuditKinds.SupplementationExpired, await AuditKindsAsync(app));
    }

    [Fact]
    public async Task Appraisal_Overdue_EscalatesToHeadOfDivisionAndKeepsWaiting()
    {
        await StartAsync(TimeSpan.FromMilliseconds(100));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));

        var escalated = await WaitAsync(app, a => a.Status == ApplicationStatus.UnderAppraisal && a.Lifecycle.StepEscalations >= 2);

        Assert.Equal(ApplicationStatus.UnderAppraisal, escalated.Status);
        await SentAsync(app, n => n.Event == NotificationEvent.AppraisalEscalated && n.Occurrence.EndsWith("escalation-2", StringComparison.Ordinal));
        await SentAsync(app, n => n.Event == NotificationEvent.AppraisalEscalated && n.Occurrence.EndsWith("escalation-1", StringComparison.Ordinal));
        await SentAsync(app, n => n.Event == NotificationEvent.AppraisalReminder);
        var sent = notifications.For(app.Id);
        Assert.Contains(sent, n => n.Event == NotificationEvent.AppraisalReminder && n.Audience == NotificationAudience.Appraisers);
        Assert.Equal(2, sent.Count(n => n.Event == NotificationEvent.AppraisalEscalated && n.Audience == NotificationAudience.HeadOfDivision));
        Assert.Contains(AuditKinds.Escalated, await AuditKindsAsync(app));

        // The appraisal still counts after escalation.
        await ActAsync(app, Appraisal(true, 200_000_000));
        await WaitStatusAsync(app, ApplicationStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Rejection_EndsRejectedWithReasonsAndNothingReserved()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await ToApprovalAsync(app, 250_000_000);

        await ActAsync(app, Leader(LifecycleAction.Reject) with { Note = "Nội dung không thuộc phạm vi hỗ trợ năm 2025." });

        var stored = await CompletedAsync(app, ApplicationStatus.Rejected);
        Assert.Equal("Nội dung không thuộc phạm vi hỗ trợ năm 2025.", stored.Lifecycle.RejectionReason);
        await SentAsync(app, n => n.Event == NotificationEvent.Rejected);
        Assert.Equal(0, (await ledger.GetBalanceAsync(Key(app), default)).ReservedVnd);
        Assert.Contains(notifications.For(app.Id), n => n.Event == NotificationEvent.Rejected && n.Facts["reason"].Contains("phạm vi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approval_OverRemainingBudget_RefusedWithReasonThenASmallerAmountIsApproved()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var first = await SubmitAsync(amount: 500_000_000);
        await ToImplementationAsync(first, 500_000_000);
        var second = await SubmitAsync(amount: 500_000_000);
        await ToApprovalAsync(second, 500_000_000);

        await ActAsync(second, Leader(LifecycleAction.Approve) with { AmountVnd = 500_000_000, BudgetYear = 2025 });

        var refused = await WaitAsync(second, a => a.Lifecycle.LastApprovalRefusal is not null);
        Assert.Equal(ApplicationStatus.AwaitingApproval, refused.Status);
        Assert.Contains("Không đủ kinh phí: mục IV.1 năm 2025 còn 300.000.000 đồng", refused.Lifecycle.LastApprovalRefusal, StringComparison.Ordinal);
        Assert.Contains(AuditKinds.ApprovalRefused, await AuditKindsAsync(second));

        await ActAsync(second, Leader(LifecycleAction.Approve) with { AmountVnd = 300_000_000, BudgetYear = 2025 });
        await SignAsync(second);
        var balance = await ledger.GetBalanceAsync(Key(second), default);
        Assert.Equal(800_000_000, balance.ReservedVnd);
        Assert.Equal(0, balance.RemainingVnd);
    }

    [Fact]
    public async Task Approval_EnterpriseToldOnlyOnceTheSignedDecisionIsRecorded_WithItsNumberAndTheSignedFile()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await ToApprovalAsync(app, 250_000_000);

        await ActAsync(app, Leader(LifecycleAction.Approve) with { AmountVnd = 250_000_000, BudgetYear = 2025 });

        // Approved: the budget is reserved and the draft issued, the leaders are asked to sign; the enterprise is not told.
        var approved = await WaitStatusAsync(app, ApplicationStatus.AwaitingDecisionSigning);
        await SentAsync(app, n => n.Event == NotificationEvent.DecisionSigningRequested && n.Audience == NotificationAudience.Leaders);
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t.Step == "DecisionSigning" && t.Role == "Leader"), Patience);
        Assert.Equal(250_000_000, (await ledger.GetBalanceAsync(Key(app), default)).ReservedVnd);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.ApprovalDecision), d => d.Scope == app.Id);
        Assert.Empty(approved.Lifecycle.CheckIns);
        Assert.DoesNotContain(notifications.Attempts, n => n.ApplicationId == app.Id && n.Event == NotificationEvent.Approved);
        Assert.DoesNotContain(documents.All(Domain.Documents.DocumentKinds.SignedApprovalDecision), d => d.Scope == app.Id);

        await SignAsync(app);

        // Recorded: the register's number, then the enterprise's e-mail with it and the date; the signed PDF is its document.
        await SentAsync(app, n => n.Event == NotificationEvent.Approved && n.Audience == NotificationAudience.Enterprise);
        var signed = (await repository.FindAsync(app.Id, default))!;
        var entry = Assert.Single(await register.ListAsync(signed.Lifecycle.SignedDecision!.Year, default), e => e.ApplicationId == app.Id);
        Assert.Equal(entry.NumberAndSymbol, signed.Lifecycle.SignedDecision.NumberAndSymbol);
        var told = Assert.Single(notifications.For(app.Id), n => n.Event == NotificationEvent.Approved);
        Assert.Equal(entry.NumberAndSymbol, told.Facts[NotificationFacts.DecisionNumber]);
        Assert.Equal(signed.Lifecycle.SignedDecision.SignedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), told.Facts[NotificationFacts.DecisionDate]);
        var pdf = Assert.Single(documents.All(Domain.Documents.DocumentKinds.SignedApprovalDecision), d => d.Scope == app.Id);
        await using (var content = (await documents.OpenAsync(pdf.Kind, pdf.Scope, pdf.Version, default))!)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            Assert.Equal(InMemoryAttachmentStore.Pdf, copy.ToArray());
        }

        Assert.Equal(2, signed.Lifecycle.CheckIns.Count);
        var kinds = await AuditKindsAsync(app);
        Assert.True(kinds.IndexOf(AuditKinds.Approved) < kinds.IndexOf(AuditKinds.DecisionSigned));
    }

    [Fact]
    public async Task CheckIn_Overdue_RemindsBeforeOnAndAfterThenEscalatesToTheOfficer()
    {
        await StartAsync(TimeSpan.FromMilliseconds(25));
        var app = await SubmitAsync();
        await ToImplementationAsync(app, 200_000_000);

        var escalated = await WaitAsync(app, a => a.Lifecycle.StepEscalations >= 1);

        Assert.Equal(ApplicationStatus.InImplementation, escalated.Status);
        Assert.Equal(1, escalated.Lifecycle.CurrentCheckIn);
        await SentAsync(app, n => n.Event == NotificationEvent.CheckInEscalated && n.Audience == NotificationAudience.Officers);
        foreach (var reminder in new[] { NotificationEvent.CheckInReminderBefore, NotificationEvent.CheckInReminderDue, NotificationEvent.CheckInReminderOverdue })
        {
            await SentAsync(app, n => n.Event == reminder);
        }

        var sent = notifications.For(app.Id);
        Assert.True(sent.Any(n => n.Event == NotificationEvent.CheckInReminderDue), string.Join(", ", sent.Select(n => n.Event + "/" + n.Occurrence)));
        Assert.Contains(sent, n => n.Event == NotificationEvent.CheckInReminderBefore && n.Audience == NotificationAudience.Enterprise);
        Assert.Contains(sent, n => n.Event == NotificationEvent.CheckInReminderDue);
        Assert.Contains(sent, n => n.Event == NotificationEvent.CheckInReminderOverdue);
        Assert.Contains(sent, n => n.Event == NotificationEvent.CheckInEscalated && n.Audience == NotificationAudience.Officers);
        // Sent in line by the workflow's activities (none was refused, so no e-mail had an orchestration of its own): the
        // overdue reminder went before the escalation.
        var order = notifications.Sent.Where(n => n.ApplicationId == app.Id).Select(n => n.Event).ToList();
        Assert.True(order.IndexOf(NotificationEvent.CheckInReminderOverdue) < order.IndexOf(NotificationEvent.CheckInEscalated), string.Join(", ", order));
        Assert.Null(await host.Client.GetInstanceAsync(NotificationWorkflow.InstanceIdFor(sent.First(n => n.Event == NotificationEvent.CheckInEscalated))));

        // A late report is still taken.
        await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = "Báo cáo muộn", PercentDone = 30 });
        await WaitAsync(app, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Submitted);
    }

    [Fact]
    public async Task Extension_Granted_MovesTheDueDate()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await ToImplementationAsync(app, 200_000_000);
        var dueBefore = app.Lifecycle.CheckIns[0].DueUtc;

        await ActAsync(app, Enterprise(LifecycleAction.RequestExtension) with { NewDueDate = DateOnly.FromDateTime(dueBefore.UtcDateTime).AddDays(30), Note = "Chờ thiết bị." });
        await WaitAsync(app, a => a.Lifecycle.PendingExtension is not null);
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t.Step == "ExtensionDecision"), Patience);
        await ActAsync(app, Officer(LifecycleAction.DecideExtension) with { Positive = true });

        var stored = await WaitAsync(app, a => a.Lifecycle.Extensions.Count == 1);
        Assert.True(stored.Lifecycle.Extensions[0].Granted);
        Assert.True(stored.Lifecycle.CheckIns[0].DueUtc > dueBefore);
        Assert.Contains(AuditKinds.ExtensionGranted, await AuditKindsAsync(app));
        await SentAsync(app, n => n.Event == NotificationEvent.ExtensionDecided && n.Audience == NotificationAudience.Enterprise && n.Facts["decision"] == "Đồng ý gia hạn");
    }

    [Fact]
    public async Task Evaluation_Failed_EndsFailedAndReleasesWhatWasNotDisbursed()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync(kind: "expert-training", amount: 20_000_000);
        await ToImplementationAsync(app, 20_000_000);
        await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = "Đã học 2 mô-đun", PercentDone = 50 });
        await WaitAsync(app, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Submitted);
        await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });
        await WaitStatusAsync(app, ApplicationStatus.AwaitingFinalEvaluation);
        await ActAsync(app, Enterprise(LifecycleAction.SubmitFinalReport) with { Note = "Không thi đạt chứng chỉ." });
        await WaitAsync(app, a => a.Lifecycle.FinalReport is not null);

        await ActAsync(app, Leader(LifecycleAction.Evaluate) with { Positive = false, Note = "Không đạt chứng nhận chuyên gia." });

        // The accepted period's tranche is still owed: the file closes once the accountant has paid it.
        await WaitStatusAsync(app, ApplicationStatus.AwaitingFinalPayment);
        Assert.Equal(0, (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd);
        await PayAsync(app, "checkin-1");
        var stored = await CompletedAsync(app, ApplicationStatus.Failed);
        Assert.False(stored.Lifecycle.Evaluation!.Passed);
        var balance = await ledger.GetBalanceAsync(Key(app), default);
        Assert.Equal((0L, 0L, 10_000_000L), (balance.ReservedVnd, balance.CommittedVnd, balance.DisbursedVnd));
    }

    [Fact]
    public async Task Cancellation_OfAnApprovedTask_ReleasesTheReservedBudget()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync(amount: 400_000_000); // the appraisal below recommends 400M: never above what was asked
        await ToImplementationAsync(app, 400_000_000);

        await ActAsync(app, Leader(LifecycleAction.Cancel) with { Note = "Doanh nghiệp ngừng hoạt động." });

        await CompletedAsync(app, ApplicationStatus.Cancelled);
        Assert.Equal(new LedgerBalance(Key(app), Plan, 0, 0, 0), await ledger.GetBalanceAsync(Key(app), default));
        await SentAsync(app, n => n.Event == NotificationEvent.Cancelled);
        Assert.Contains(notifications.For(app.Id), n => n.Event == NotificationEvent.Cancelled);
        Assert.Empty(inbox.Of(app.Id));
    }

    [Fact]
    public async Task Withdrawal_BeforeApproval_EndsWithdrawn()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await ToApprovalAsync(app, 100_000_000);

        await ActAsync(app, Enterprise(LifecycleAction.Withdraw) with { Note = "Đổi kế hoạch đầu tư." });

        var stored = await CompletedAsync(app, ApplicationStatus.Withdrawn);
        Assert.Equal("Đổi kế hoạch đầu tư.", stored.Lifecycle.ClosingReason);
        Assert.Empty(inbox.Of(app.Id));
    }

    [Fact]
    public async Task ActionTheStateNoLongerAllows_IsRecordedAsIgnoredAndChangesNothing()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);

        // Raised directly (the HTTP layer would have answered 409): the workflow must not act on it.
        await ActAsync(app, Leader(LifecycleAction.Approve) with { AmountVnd = 1_000_000 });
        await WaitAsync(app, a => a.LastSequence >= 2);

        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, app.Status);
        Assert.Contains(AuditKinds.ActionIgnored, await AuditKindsAsync(app));
        Assert.Equal(0, (await ledger.GetBalanceAsync(new BudgetKey("IV.1", 2025), default)).ReservedVnd);
    }

    [Fact]
    public async Task NotificationRefusedByProvider_IsRecordedOnTheApplication()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        notifications.Refuse.Add(NotificationEvent.Receipt);
        var app = await SubmitAsync();

        var stored = await WaitAsync(app, a => a.Lifecycle.NotificationFailures.Count > 0);

        Assert.Contains(NotificationText.Event(NotificationEvent.Receipt), stored.Lifecycle.NotificationFailures[0], StringComparison.Ordinal);
        Assert.Contains(AuditKinds.NotificationFailed, await AuditKindsAsync(app));
    }

    [Fact]
    public async Task DocumentActivity_FailsEveryTime_ApplicationMovesOnWithTheFailureRecordedFlaggedAndRetried()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        builder.Failing[Domain.Documents.DocumentKinds.AppraisalRecord] = "hexadecimal value 0xFFFF, is an invalid character";
        var app = await SubmitAsync();

        await ToApprovalAsync(app, 200_000_000);
        var failed = await WaitAsync(app, a => a.Lifecycle.DocumentFailures.Count == 1);

        // The lifecycle went on; the failure is on the application (with the error, for officers), in its history
        // and in the inbox; the workflow is still running and waits for the leader.
        Assert.Equal(ApplicationStatus.AwaitingApproval, failed.Status);
        Assert.Contains("0xFFFF", failed.Lifecycle.DocumentFailures[0].Error, StringComparison.Ordinal);
        Assert.Contains(AuditKinds.DocumentFailed, await AuditKindsAsync(app));
        await inbox.WaitForFlagAsync(app.Id, documentFailures => documentFailures == 1, Patience);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await RuntimeStatusAsync(app));

        // Still failing at the next step: recorded again (second attempt), the lifecycle goes on.
        await ActAsync(app, Leader(LifecycleAction.Approve) with { AmountVnd = 200_000_000, BudgetYear = 2025 });
        var twice = await WaitAsync(app, a => a.Lifecycle.DocumentFailures is [{ Attempts: 2 }]);
        Assert.Equal(ApplicationStatus.AwaitingDecisionSigning, twice.Status);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.ApprovalDecision), d => d.Scope == app.Id);

        // Mended: the next step issues it, clears the failure and the inbox flag.
        builder.Failing.Clear();
        await SignAsync(app);
        await WaitAsync(app, a => a.Lifecycle.DocumentFailures.Count == 0);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.AppraisalRecord), d => d.Scope == app.Id);
        Assert.Contains(AuditKinds.DocumentReissued, await AuditKindsAsync(app));
        await inbox.WaitForFlagAsync(app.Id, documentFailures => documentFailures == 0, Patience);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await RuntimeStatusAsync(app));
    }

    [Fact]
    public async Task Inbox_FailsEveryTime_RecordedOnTheApplicationAndTheLifecycleGoesOn()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        inbox.Failing.Add(app.Id);

        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        var failed = await WaitAsync(app, a => a.Lifecycle.InboxFailure is not null);

        Assert.Equal(ApplicationStatus.UnderAppraisal, failed.Status);
        Assert.Contains(AuditKinds.InboxFailed, await AuditKindsAsync(app));
        Assert.Equal(OrchestrationRuntimeStatus.Running, await RuntimeStatusAsync(app));

        inbox.Failing.Clear();
        await ActAsync(app, Appraisal(true, 100_000_000));
        await WaitAsync(app, a => a.Status == ApplicationStatus.AwaitingApproval && a.Lifecycle.InboxFailure is null);
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t.Step == "Approval"), Patience);
        Assert.Contains(AuditKinds.InboxRestored, await AuditKindsAsync(app));
    }

    [Fact]
    public async Task CheckInReview_LedgerRefusesTheCommit_ReviewRefusedAndRecordedAndTheWorkflowWaitsForTheNextAction()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await ToImplementationAsync(app, 300_000_000);
        await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = "Kỳ 1", PercentDone = 40 });
        await WaitAsync(app, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Submitted);

        // Someone released the reservation behind the lifecycle's back: the tranche's commit exceeds what is reserved.
        var released = await ledger.ApplyAsync(new BudgetMovementRequest($"{app.Id}:manual-release", Key(app), app.Id, BudgetMovementKind.Release,
            300_000_000, "ke.toan", "Điều chỉnh sổ", DateTimeOffset.UtcNow), default);
        Assert.True(released.Applied);
        await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });

        var refused = await WaitAsync(app, a => a.Lifecycle.LastLedgerRefusal is not null);
        Assert.Equal(CheckInStatus.Submitted, refused.Lifecycle.CheckIns[0].Status);
        Assert.Equal(0, refused.Lifecycle.DisbursedVnd);
        Assert.Contains(AuditKinds.LedgerRefused, await AuditKindsAsync(app));
        Assert.Equal(0, (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await RuntimeStatusAsync(app));

        // The ledger is put right (reserved again) and the officer reviews again: accepted, the tranche committed once and
        // paid once the accountant records it.
        Assert.True((await ledger.ApplyAsync(new BudgetMovementRequest($"{app.Id}:manual-reserve", Key(app), app.Id, BudgetMovementKind.Reserve,
            300_000_000, "ke.toan", "Điều chỉnh sổ", DateTimeOffset.UtcNow), default)).Applied);
        await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });
        var accepted = await WaitAsync(app, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Accepted);
        Assert.Equal((100_000_000L, 0L), (accepted.Lifecycle.CommittedVnd, accepted.Lifecycle.DisbursedVnd));
        Assert.Null(accepted.Lifecycle.LastLedgerRefusal);
        Assert.Equal((100_000_000L, 0L), ((await ledger.GetBalanceAsync(Key(app), default)).CommittedVnd, (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd));
        await PayAsync(app, "checkin-1");
        Assert.Equal(100_000_000, (await WaitAsync(app, a => a.Lifecycle.DisbursedVnd > 0)).Lifecycle.DisbursedVnd);
        Assert.Equal((0L, 100_000_000L), ((await ledger.GetBalanceAsync(Key(app), default)).CommittedVnd, (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd));
    }

    [Fact]
    public async Task Payment_NotRecordedByItsDueDate_AccountantsRemindedThenHeadOfDivisionToldUntilPaid()
    {
        await StartAsync(TimeSpan.FromMilliseconds(250));
        var app = await SubmitAsync();
        await ToImplementationAsync(app, 300_000_000);
        await ActAsync(app, Enterprise(LifecycleAction.SubmitCheckIn) with { Note = "Kỳ 1", PercentDone = 40 });
        await WaitAsync(app, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Submitted);
        await ActAsync(app, Officer(LifecycleAction.ReviewCheckIn) with { Positive = true });
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t is { Role: "Accountant", Step: "Payment" }), Patience);

        await SentAsync(app, n => n.Event == NotificationEvent.PaymentReminder && n.Audience == NotificationAudience.Accountants
            && n.Facts[NotificationFacts.PaymentName].Contains("đợt 1", StringComparison.Ordinal));
        await SentAsync(app, n => n.Event == NotificationEvent.StepEscalated && n.Audience == NotificationAudience.HeadOfDivision
            && n.Occurrence == "payment-checkin-1-escalation-1" && n.Facts[NotificationFacts.StepName].StartsWith("chi trả kinh phí đợt 1", StringComparison.Ordinal));
        var escalated = await WaitAsync(app, a => a.Lifecycle.Payables[0].Escalations >= 1);
        Assert.Equal(0, escalated.Lifecycle.DisbursedVnd);
        Assert.Contains(AuditKinds.Escalated, await AuditKindsAsync(app));

        await PayAsync(app, "checkin-1");
        var paid = await WaitAsync(app, a => a.Lifecycle.DisbursedVnd == 100_000_000);
        Assert.DoesNotContain(paid.Lifecycle.OpenTasks, t => t.Step == "Payment");
        Assert.Equal(100_000_000, (await ledger.GetBalanceAsync(Key(app), default)).DisbursedVnd);
    }

    [Fact]
    public async Task AppraisalRecord_RecordStepRunsTwiceAfterItsWrite_TheDocumentIsStillIssued()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);

        // Storage writes the appraisal but its answer is lost: the step's activity fails and runs again, finds its
        // write there, and the document must still be issued from that second run.
        repository.FailOnceAfterWriting(e => e.ApplicationId == app.Id && e.Kind == AuditKinds.AppraisalSubmitted);
        await ActAsync(app, Appraisal(true, 100_000_000));

        await SentAsync(app, n => n.Event == NotificationEvent.ApprovalRequested);
        Assert.Single(documents.All(Domain.Documents.DocumentKinds.AppraisalRecord), d => d.Scope == app.Id);
    }

    [Fact]
    public async Task EmailProviderDown_EverySendFails_NextActionIsRecordedWhileTheEmailIsParked()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        notifications.Unavailable.Add(NotificationEvent.Receipt);
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);

        // The receipt could not go: parked, no orchestration retrying it, nothing recorded as failed, and the next action
        // is taken at once.
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        var moved = await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        await SentAsync(app, n => n.Event == NotificationEvent.AppraisalAssigned);
        Assert.Equal(1, parked.Count(app.Id));
        Assert.Null(await host.Client.GetInstanceAsync(NotificationWorkflow.InstanceIdFor(ReceiptOf(app))));
        Assert.Empty(moved.Lifecycle.NotificationFailures);
        Assert.DoesNotContain(notifications.Sent, n => n.ApplicationId == app.Id && n.Event == NotificationEvent.Receipt);

        // The provider back: the sweep sends it once.
        notifications.Unavailable.Clear();
        Assert.Equal(1, (await NewDispatch(notifications, TimeProvider.System).SweepAsync(default)).Sent);
        Assert.Single(notifications.Sent, n => n.ApplicationId == app.Id && n.Event == NotificationEvent.Receipt);
        Assert.Equal(0, parked.Count(app.Id));
    }

    [Fact]
    public async Task NotificationRefused_RecordedInLineThenDispatchedAndStartedAgain_OneAuditEntryOneInboxFlag()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        notifications.Refuse.Add(NotificationEvent.Receipt);
        var app = await SubmitAsync();
        var failed = await WaitAsync(app, a => a.Lifecycle.NotificationFailures.Count > 0);

        // Refused for good in the step's activity: recorded there, no orchestration of its own.
        var id = NotificationWorkflow.InstanceIdFor(ReceiptOf(app));
        Assert.Null(await host.Client.GetInstanceAsync(id));

        // The step's activity run again (dispatched twice at once): the failure is already recorded under its key.
        var dispatch = NewDispatch(notifications, TimeProvider.System);
        await Task.WhenAll(dispatch.DispatchAsync(host.Client, [ReceiptOf(app)]), dispatch.DispatchAsync(host.Client, [ReceiptOf(app)]));
        // Handed to its orchestration too (twice at once, then once more): started once, and it records under the same key.
        Assert.Equal(1, await StartNotificationsActivity.StartAllAsync(host.Client, [ReceiptOf(app), ReceiptOf(app)]));
        Assert.Equal(0, await StartNotificationsActivity.StartAllAsync(host.Client, [ReceiptOf(app)]));
        using (var timeout = new CancellationTokenSource(Patience))
        {
            var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(NotificationWorkflow.Failed, done.ReadOutputAs<string>());
        }

        // The failure's record run again (a re-executed activity): already there, written once.
        var record = new RecordNotificationFailureActivity(repository, inbox, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RecordNotificationFailureActivity>.Instance);
        Assert.False(await record.RunAsync(null!, new NotificationFailureRecord(app.Id, id, failed.Lifecycle.NotificationFailures[0])));

        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        var later = await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        Assert.DoesNotContain(notifications.Sent, n => n.ApplicationId == app.Id && n.Event == NotificationEvent.Receipt);
        Assert.Single(later.Lifecycle.NotificationFailures);
        Assert.Contains(NotificationText.Event(NotificationEvent.Receipt), later.Lifecycle.NotificationFailures[0], StringComparison.Ordinal);
        Assert.Single(await AuditKindsAsync(app), k => k == AuditKinds.NotificationFailed);
        Assert.Equal(1, inbox.NotificationFlag(app.Id));

        // Recorded beside the lifecycle, not as a step of it: the steps are receipt and the action.
        Assert.Equal(2, later.LastSequence);
    }

    [Fact]
    public async Task Notifications_SentInLine_NoOrchestrationPerEmail()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await SentAsync(app, n => n.Event == NotificationEvent.Receipt);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await SentAsync(app, n => n.Event == NotificationEvent.AppraisalAssigned);

        var emails = notifications.Sent.Where(n => n.ApplicationId == app.Id).ToList();
        Assert.True(emails.Count >= 2, string.Join(", ", emails.Select(e => e.Event)));
        foreach (var email in emails)
        {
            Assert.Null(await host.Client.GetInstanceAsync(NotificationWorkflow.InstanceIdFor(email)));
        }

        Assert.Equal(emails.Count, notifications.Attempts.Count(n => n.ApplicationId == app.Id));
    }

    [Fact]
    public async Task Dispatch_ProviderFailing_ParkedNotTriedForAMinuteThenSweptOrGivenUp()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await SentAsync(app, n => n.Event == NotificationEvent.Receipt);
        var receipt = ReceiptOf(app);
        // The dispatch under test has its own sender and clock (the host's workflows use theirs).
        var inline = new RecordingNotifications();
        inline.Unavailable.Add(NotificationEvent.Receipt);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var dispatch = NewDispatch(inline, clock);

        var first = receipt with { Occurrence = "dispatch-1" };
        Assert.Equal(new NotificationDispatch.Outcome(0, 0, 1, 0), await dispatch.DispatchAsync(host.Client, [first]));
        Assert.Single(inline.Attempts);
        Assert.Null(await host.Client.GetInstanceAsync(NotificationWorkflow.InstanceIdFor(first)));

        // Half a minute later: parked untried, and a sweep leaves the parked ones alone.
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = receipt with { Occurrence = "dispatch-2" };
        Assert.Equal(new NotificationDispatch.Outcome(0, 0, 1, 0), await dispatch.DispatchAsync(host.Client, [second]));
        Assert.Equal(new NotificationDispatch.SweepOutcome(2, 0, 0, 2), await dispatch.SweepAsync(default));
        Assert.Single(inline.Attempts);
        Assert.Equal(2, parked.Count(app.Id));

        // After the minute, still failing: the sweep tries the oldest, fails, and pauses again without trying the other.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new NotificationDispatch.SweepOutcome(2, 0, 0, 2), await dispatch.SweepAsync(default));
        Assert.Equal(2, inline.Attempts.Count);

        // The provider back: the next sweep sends both, once each, and nothing is left or recorded as failed.
        clock.Advance(TimeSpan.FromSeconds(61));
        inline.Unavailable.Clear();
        Assert.Equal(new NotificationDispatch.SweepOutcome(2, 2, 0, 0), await dispatch.SweepAsync(default));
        Assert.Equal(0, parked.Count(app.Id));
        Assert.Equal(2, inline.Sent.Count(n => n.Occurrence.StartsWith("dispatch-", StringComparison.Ordinal)));
        Assert.Empty((await repository.FindAsync(app.Id, default))!.Lifecycle.NotificationFailures);

        // One that keeps failing past the give-up time: its failure is recorded once and it leaves.
        inline.Unavailable.Add(NotificationEvent.Receipt);
        clock.Advance(TimeSpan.FromSeconds(61));
        var third = receipt with { Occurrence = "dispatch-3" };
        await dispatch.DispatchAsync(host.Client, [third]);
        clock.Advance(new EmailRetryOptions().GiveUpAfter);
        Assert.Equal(new NotificationDispatch.SweepOutcome(1, 0, 1, 0), await dispatch.SweepAsync(default));
        var failed = (await repository.FindAsync(app.Id, default))!.Lifecycle.NotificationFailures;
        Assert.Contains(failed, f => f.Contains("503", StringComparison.Ordinal) && f.Contains("6 giờ", StringComparison.Ordinal));
        Assert.Equal(0, parked.Count(app.Id));
    }

    [Fact]
    public async Task Step_FailsWithADefectRoundAfterRound_TakenOnceItPassesAndTheWorkflowNeverFails()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        // The receipt's write fails five times for a reason no retry policy waits for (a defect until a deployment).
        repository.FailNextUpdates(5, a => a.LastSequence == 0, () => new InvalidOperationException("Lỗi thử nghiệm khi ghi bước"));
        var app = await SubmitAsync();

        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);

        Assert.Equal(0, repository.FailuresLeft);
        Assert.Single(await AuditKindsAsync(app), k => k == AuditKinds.ReceiptAcknowledged);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        // The episode that took the receipt cleared the rounds' status before it waited for this action.
        var instance = await host.Client.GetInstanceAsync(ApplicationIds.WorkflowInstanceId(app.Id), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Null(instance.SerializedCustomStatus);
    }

    [Fact]
    public async Task Action_FailsWithADefect_RecordedAsNotTakenInThePersonsNameAndTheNextActionIsTaken()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        var app = await SubmitAsync();
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        repository.FailNextUpdates(1, _ => true, () => new InvalidOperationException("Lỗi <b>thử</b>\u0007 khi ghi"));

        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        var failed = await WaitAsync(app, a => a.LastSequence == 3);

        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, failed.Status);
        var entry = Assert.Single(await repository.ReadAuditAsync(app.Id, default), e => e.Kind == AuditKinds.ActionFailed);
        Assert.Equal(Officer(LifecycleAction.AcceptCompleteness).ActorName, entry.Actor);
        Assert.Contains("Lỗi <b>thử</b> khi ghi", entry.Detail, StringComparison.Ordinal); // control characters dropped; pages escape the rest
        Assert.Null(EnterpriseDisclosure.HistoryEntry(entry)); // an officer's failed action is internal

        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        Assert.Equal(OrchestrationRuntimeStatus.Running, await RuntimeStatusAsync(app));
    }

    [Fact]
    public async Task NotificationFailureRecord_FailsForManyRounds_RecordedInTheEndAndTheEmailWorkflowCompletes()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        notifications.Refuse.Add(NotificationEvent.Receipt);
        // Every write after the receipt fails twelve times: more rounds than the ten after which this workflow used to fail.
        repository.FailNextUpdates(12, a => a.LastSequence >= 1, () => new InvalidOperationException("Lỗi thử nghiệm khi ghi thư lỗi"));
        var app = await SubmitAsync();

        var recorded = await WaitAsync(app, a => a.Lifecycle.NotificationFailures.Count > 0);
        using var timeout = new CancellationTokenSource(Patience);
        var done = await host.Client.WaitForInstanceCompletionAsync(NotificationWorkflow.InstanceIdFor(ReceiptOf(app)), getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(0, repository.FailuresLeft);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(NotificationWorkflow.Failed, done.ReadOutputAs<string>());
        Assert.Single(recorded.Lifecycle.NotificationFailures);
        Assert.Single(await AuditKindsAsync(app), k => k == AuditKinds.NotificationFailed);
    }

    [Fact]
    public async Task NotificationRefused_OnAVersion1Instance_RecordedAsAStepOfItsWorkflow()
    {
        await StartAsync(TimeSpan.FromSeconds(2));
        notifications.Refuse.Add(NotificationEvent.Receipt);
        var app = await SubmitAsync(version: "1.0");

        var stored = await WaitAsync(app, a => a.Lifecycle.NotificationFailures.Count > 0);

        // The old path, kept for instances started before 2.0: the e-mail is sent in line and its failure is step 2.
        Assert.Equal(2, stored.LastSequence);
        Assert.Contains(AuditKinds.NotificationFailed, await AuditKindsAsync(app));
        Assert.Null(await host.Client.GetInstanceAsync(NotificationWorkflow.InstanceIdFor(ReceiptOf(app))));
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
    }

    [Fact]
    public async Task LongEscalation_ManyDeadlinesAndRemindersAcrossExecutions_KeepsCountingAndTakesTheAction()
    {
        await StartAsync(TimeSpan.FromMilliseconds(50));
        var app = await SubmitAsync(stepsPerExecution: 3);
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));

        var stepsWhenEscalated = (await WaitAsync(app, a => a.Status == ApplicationStatus.UnderAppraisal && a.Lifecycle.StepEscalations >= 5)).LastSequence;

        // The workflow continued as new several times (three steps or reminders per execution) ...
        var instance = await host.Client.GetInstanceAsync(ApplicationIds.WorkflowInstanceId(app.Id), getInputsAndOutputs: true);
        var carried = instance!.ReadInputAs<ApplicationWorkflowInput>()!.Continued;
        Assert.NotNull(carried);
        Assert.True(carried.Executions >= 2, $"executions: {carried.Executions}");
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);

        // ... and still takes the appraiser's action, numbered after every step before it (none ignored or lost).
        await ActAsync(app, Appraisal(true, 200_000_000));
        var appraised = await WaitStatusAsync(app, ApplicationStatus.AwaitingApproval);
        var audit = await AuditKindsAsync(app);
        Assert.DoesNotContain(AuditKinds.ActionIgnored, audit);
        Assert.Equal(appraised.LastSequence, audit.Count(k => k != AuditKinds.Submitted));
        Assert.True(appraised.LastSequence > stepsWhenEscalated, $"{appraised.LastSequence} after {stepsWhenEscalated}");

        // Each escalation and reminder was asked for once, across the executions.
        await SentAsync(app, n => n.Event == NotificationEvent.ApprovalRequested);
        var repeats = notifications.For(app.Id).GroupBy(n => (n.Event, n.Occurrence)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeats);
        Assert.True(notifications.For(app.Id).Count(n => n.Event == NotificationEvent.AppraisalEscalated) >= 5);
    }

    [Fact]
    public async Task KeptAction_ItsEventLost_TakenOnceByTheWorkflowAndNoLongerKept()
    {
        await StartAsync(TimeSpan.FromMilliseconds(50));
        var app = await SubmitAsync(stepsPerExecution: 3);
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitAsync(app, a => a.Status == ApplicationStatus.UnderAppraisal && a.Lifecycle.StepEscalations >= 1);

        // Accepted by the API (kept) but its event never reaches the workflow, as when it is lost while continuing as new.
        await pending.AddAsync(app.Id, Appraisal(true, 200_000_000) with { ActionId = "lost-1" }, DateTimeOffset.UtcNow, default);
        var readsAtAdd = pending.Reads;

        try
        {
            await WaitStatusAsync(app, ApplicationStatus.AwaitingApproval);
        }
        catch (TimeoutException ex)
        {
            var instance = await host.Client.GetInstanceAsync(ApplicationIds.WorkflowInstanceId(app.Id), getInputsAndOutputs: true);
            throw new TimeoutException($"{ex.Message} || store reads before the action was kept {readsAtAdd}, now {pending.Reads}; still kept {pending.Count(app.Id)}; "
                + $"instance {instance?.RuntimeStatus} {instance?.FailureDetails?.ErrorMessage} input {instance?.SerializedInput}", ex);
        }

        var audit = await AuditKindsAsync(app);
        Assert.Single(audit, k => k == AuditKinds.AppraisalSubmitted);
        Assert.DoesNotContain(AuditKinds.ActionIgnored, audit);
        Assert.Equal(0, pending.Count(app.Id));
    }

    [Fact]
    public async Task KeptAction_AlsoRaised_TakenOnceAndNoLongerKept()
    {
        await StartAsync(TimeSpan.FromMilliseconds(50));
        var app = await SubmitAsync(stepsPerExecution: 3);
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        var accept = Officer(LifecycleAction.AcceptCompleteness) with { ActionId = "both-1" };

        // As the API does: kept, then raised; the workflow reads the store too (continued executions, deadlines).
        await pending.AddAsync(app.Id, accept, DateTimeOffset.UtcNow, default);
        await ActAsync(app, accept);

        await WaitAsync(app, a => a.Status == ApplicationStatus.UnderAppraisal && a.Lifecycle.StepEscalations >= 2);
        var audit = await AuditKindsAsync(app);
        Assert.Single(audit, k => k == AuditKinds.CompletenessAccepted);
        Assert.DoesNotContain(AuditKinds.ActionIgnored, audit);
        Assert.Equal(0, pending.Count(app.Id));
    }

    NotificationDispatch NewDispatch(INotificationService sender, TimeProvider clock) =>
        new(sender, parked, repository, inbox, clock, new EmailRetryOptions(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<NotificationDispatch>.Instance);

    NotificationRequest ReceiptOf(Application app) =>
        notifications.Attempts.FirstOrDefault(n => n.ApplicationId == app.Id && n.Event == NotificationEvent.Receipt)
        ?? new NotificationRequest(app.Id, NotificationEvent.Receipt, "receipt", NotificationAudience.Enterprise, string.Empty, new Dictionary<string, string>());

    async Task WaitCompletedAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }

    async Task StartAsync(TimeSpan workingDay, ProgrammeCatalogue? catalogue = null)
    {
        day = workingDay;
        var planner = new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions { CompressedWorkingDay = workingDay });
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(Rounds),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IApplicationRepository>(repository);
                    services.AddSingleton<IBudgetLedger>(ledger);
                    services.AddSingleton<IInbox>(inbox);
                    services.AddSingleton<NsclWorkflows.Domain.Documents.IDocumentStore>(documents);
                    services.AddSingleton<NsclWorkflows.Domain.Documents.IOfficialDocumentBuilder>(builder);
                    services.AddSingleton<INotificationService>(notifications);
                    services.AddSingleton<Domain.Decisions.IDecisionRegister>(register);
                    services.AddSingleton<Domain.Attachments.IAttachmentStore>(attachments);
                    services.AddSingleton<IPendingActions>(pending);
                    services.AddSingleton(catalogue ?? Catalogue);
                    services.AddSingleton(planner);
                    services.AddSingleton<LifecycleMachine>();
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<IParkedEmails>(parked);
                    // No pause after a failure here: these tests fail chosen events only (the pause has its own test and clock).
                    services.AddSingleton(new EmailRetryOptions { Pause = TimeSpan.Zero });
                    services.AddSingleton<NotificationDispatch>();
                    services.AddLogging();
                },
            });
    }

    async Task<Application> NewApplicationAsync(string kind, long amount)
    {
        var now = DateTimeOffset.UtcNow;
        var application = new Application(
            ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray()), "NSCL-2026-TEST01",
            new ApplicationSubmission("0401234567", "Công ty <Ánh> & Cộng sự", "Nguyễn Văn A", "a@congty.vn", "0236382200", kind,
                "Áp dụng 5S", "Triển khai 5S tại xưởng sản xuất chính của công ty.", amount),
            Catalogue.Version, now, now + (day * 5));
        await repository.TryAddAsync(application, new AuditEntry(application.Id, now, AuditKinds.Submitted, "a@congty.vn", "Nộp"), default);
        return application;
    }

    async Task<Application> SubmitAsync(string kind = "productivity-tools", long amount = 300_000_000, string version = WorkflowVersions.Current,
        int? stepsPerExecution = null)
    {
        var application = await NewApplicationAsync(kind, amount);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationWorkflow),
            new ApplicationWorkflowInput(application.Id) { StepsPerExecution = stepsPerExecution },
            new Microsoft.DurableTask.StartOrchestrationOptions(ApplicationIds.WorkflowInstanceId(application.Id)) { Version = version });
        return application;
    }

    async Task ToApprovalAsync(Application app, long recommended)
    {
        await WaitStatusAsync(app, ApplicationStatus.AwaitingCompletenessReview);
        await ActAsync(app, Officer(LifecycleAction.AcceptCompleteness));
        await WaitStatusAsync(app, ApplicationStatus.UnderAppraisal);
        await ActAsync(app, Appraisal(true, recommended));
        await WaitStatusAsync(app, ApplicationStatus.AwaitingApproval);
    }

    async Task ToImplementationAsync(Application app, long amount)
    {
        await ToApprovalAsync(app, amount);
        await ActAsync(app, Leader(LifecycleAction.Approve) with { AmountVnd = amount, BudgetYear = 2025 });
        await SignAsync(app);
    }

    /// <summary>Approved: the leader uploads the signed PDF and records it; implementation starts.</summary>
    async Task SignAsync(Application app)
    {
        await WaitStatusAsync(app, ApplicationStatus.AwaitingDecisionSigning);
        await attachments.AddAsync(app.Id, "quyet-dinh-da-ky.pdf", "application/pdf", InMemoryAttachmentStore.Pdf, "lanh.dao.b", 20, default);
        await ActAsync(app, Signed());
        await WaitStatusAsync(app, ApplicationStatus.InImplementation);
    }

    /// <summary>The accountant pays <paramref name="payableId"/> once it is payable and in the accountants' inbox: its whole amount, today.</summary>
    async Task PayAsync(Application app, string payableId)
    {
        var stored = await WaitAsync(app, a => a.Lifecycle.PayableOf(payableId) is { Payment: null });
        await inbox.WaitForAsync(app.Id, open => open.Any(t => t is { Role: "Accountant", Step: "Payment" }), Patience);
        await ActAsync(app, new ActionRequest(LifecycleAction.RecordPayment, "ke.toan.d", "Accountant")
        {
            PayableId = payableId,
            AmountVnd = stored.Lifecycle.PayableOf(payableId)!.AmountVnd,
            PaidOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
            TreasuryReference = $"KB-{payableId}",
        });
        await WaitAsync(app, a => a.Lifecycle.PayableOf(payableId)?.Payment is not null);
    }

    static ActionRequest Signed() => Leader(LifecycleAction.RecordSignedDecision) with
    {
        SignedOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
        SignerName = "Nguyễn Văn Ký",
        SignerTitle = "Phó Giám đốc",
        SignedFile = "quyet-dinh-da-ky.pdf",
    };

    Task SentAsync(Application app, Func<NotificationRequest, bool> match) =>
        notifications.WaitForAsync(n => n.ApplicationId == app.Id && match(n), Patience);

    Task ActAsync(Application app, ActionRequest action) =>
        host.Client.RaiseEventAsync(ApplicationIds.WorkflowInstanceId(app.Id), ActionRequest.EventName, action);

    Task<Application> WaitStatusAsync(Application app, ApplicationStatus status) => WaitAsync(app, a => a.Status == status);

    Task<Application> WaitAsync(Application app, Func<Application, bool> condition) => repository.WaitUntilAsync(app.Id, condition, Patience);

    async Task<Application> CompletedAsync(Application app, ApplicationStatus status)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var result = await host.Client.WaitForInstanceCompletionAsync(ApplicationIds.WorkflowInstanceId(app.Id), getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(status.ToString(), result.ReadOutputAs<string>());
        return (await repository.FindAsync(app.Id, default))!;
    }

    async Task<OrchestrationRuntimeStatus?> RuntimeStatusAsync(Application app) =>
        (await host.Client.GetInstanceAsync(ApplicationIds.WorkflowInstanceId(app.Id)))?.RuntimeStatus;

    async Task<List<string>> AuditKindsAsync(Application app) => [.. (await repository.ReadAuditAsync(app.Id, default)).Select(a => a.Kind)];

    static BudgetKey Key(Application app) => new(app.Lifecycle.BudgetLineId, 2025);

    static ActionRequest Enterprise(LifecycleAction action) => new(action, "enterprise", "Enterprise");

    static ActionRequest Officer(LifecycleAction action) => new(action, "can.bo.a", "Officer");

    static ActionRequest Leader(LifecycleAction action) => new(action, "lanh.dao.b", "Leader");

    static ActionRequest Appraisal(bool support, long amount) => new(LifecycleAction.SubmitAppraisal, "tham.dinh.c", "Appraiser")
    {
        Positive = support,
        AmountVnd = amount,
        // Every criterion of the kind's rubric at 80% of its maximum: a pass.
        Scores = [.. Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh").Criteria.Select(c => new CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore))],
    };
}
