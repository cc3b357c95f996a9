using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// Authorised payments: an accepted check-in or passed evaluation makes a tranche payable (committed, not disbursed); the
/// unit's accountant records its payment (date, amount, the treasury's reference), which disburses it; what a payment
/// refuses; the accountant's task, its reminders and its escalation; the file closes with its last payment.
/// </summary>
public sealed class PaymentTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DeadlinePlanner Planner = new(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions());

    /// <summary>Monday 3 March 2025, 09:00 in Đà Nẵng.</summary>
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    const long Amount = 300_000_000;
    const long Tranche = Amount / 3;

    readonly LifecycleMachine machine = new(Catalogue, Planner);

    [Fact]
    public void Apply_CheckInAccepted_MakesTheTranchePayableWithTheAccountantsTask()
    {
        var a = Implementing();
        Do(a, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 1", PercentDone = 40 });
        var accept = Next(a, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true });

        var moves = machine.LedgerMovesFor(a, accept);
        var (audit, result) = machine.Apply(a, accept);

        Assert.True(result.Applied);
        Assert.Equal([(BudgetMovementKind.Commit, Tranche)], moves.Select(m => (m.Kind, m.AmountVnd)));
        var payable = Assert.Single(a.Lifecycle.Payables);
        var due = Planner.WorkingDaysFrom(accept.AtUtc, Catalogue.DefaultPolicy.PaymentWorkingDays);
        Assert.Equal(("checkin-1", 1, Tranche, accept.AtUtc, due, (PaymentRecord?)null),
            (payable.Id, payable.CheckIn, payable.AmountVnd, payable.PayableAtUtc, payable.DueUtc, payable.Payment));
        Assert.Equal((Tranche, 0L), (a.Lifecycle.CommittedVnd, a.Lifecycle.DisbursedVnd));
        Assert.Contains(new OpenTask("Accountant", "Payment", due), a.Lifecycle.OpenTasks);
        Assert.Contains(LifecycleAction.RecordPayment, LifecycleRules.Allowed(a.Status, LifecycleMachine.ImplementationOf(a.Lifecycle)));
        Assert.Contains("chờ kế toán chi trả", audit!.Detail, StringComparison.Ordinal);
        Assert.Equal(10, Catalogue.DefaultPolicy.PaymentWorkingDays);
    }

    [Fact]
    public void Apply_PaymentRecorded_DisbursesTellsTheEnterpriseAndClosesTheTask()
    {
        var a = Implementing();
        Accept(a);
        var step = Next(a, Pay(a, "checkin-1"));

        var moves = machine.LedgerMovesFor(a, step);
        var (audit, result) = machine.Apply(a, step);

        Assert.True(result.Applied, result.RefusalMessage);
        var move = Assert.Single(moves);
        Assert.Equal(($"{a.Id}:payment-checkin-1", BudgetMovementKind.Disburse, Tranche), (move.MovementId, move.Kind, move.AmountVnd));
        var paid = a.Lifecycle.Payables[0].Payment!;
        Assert.Equal((Day(step.AtUtc), Tranche, "KB-0001234", "Chuyển khoản qua Kho bạc", "Kế toán"),
            (paid.PaidOn, paid.AmountVnd, paid.TreasuryReference, paid.Note, paid.RecordedBy));
        Assert.Equal((Tranche, Tranche), (a.Lifecycle.CommittedVnd, a.Lifecycle.DisbursedVnd));
        Assert.DoesNotContain(a.Lifecycle.OpenTasks, t => t.Step == "Payment");
        Assert.Equal((AuditKinds.PaymentRecorded, "Accountant"), (audit!.Kind, audit.Role));
        var told = Assert.Single(result.Notifications);
        Assert.Equal((NotificationEvent.PaymentRecorded, NotificationAudience.Enterprise), (told.Event, told.Audience));
        Assert.Equal(Tranche.ToString(System.Globalization.CultureInfo.InvariantCulture), told.Facts[NotificationFacts.PaidAmountVnd]);
        Assert.Empty(NotificationFacts.For(told.Event).Required.Except(told.Facts.Keys));
        Assert.Equal(ApplicationStatus.InImplementation, a.Status);
        Assert.DoesNotContain(LifecycleAction.RecordPayment, LifecycleRules.Allowed(a.Status, LifecycleMachine.ImplementationOf(a.Lifecycle)));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        // case, refused field, code
        { "amount-lower", "amountVnd", RecordPayment.AmountMismatch },
        { "amount-higher", "amountVnd", RecordPayment.AmountMismatch },
        { "paid-tomorrow", "paidOn", ErrorCodes.OutOfRange },
        { "paid-before-payable", "paidOn", ErrorCodes.OutOfRange },
        { "unknown-payable", "payableId", RecordPayment.PayableNotFound },
        { "paid-already", "payableId", RecordPayment.PayablePaid },
        { "officer-role", "actor", "forbidden_role" },
        { "leader-role", "actor", "forbidden_role" },
        { "no-reference", "treasuryReference", ErrorCodes.Required },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Apply_PaymentBreakingARule_IsRefusedAndDisbursesNothing(string breach, string field, string code)
    {
        var a = Implementing();
        Accept(a);
        if (breach == "paid-already")
        {
            Assert.True(Do(a, Pay(a, "checkin-1")).Applied);
            Do(a, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 2", PercentDone = 80 });
            Do(a, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true }); // another payable is open
        }

        var at = Start.AddHours(a.LastSequence + 1);
        var pay = Pay(a, "checkin-1");
        var action = breach switch
        {
            "amount-lower" => pay with { AmountVnd = Tranche - 1 },
            "amount-higher" => pay with { AmountVnd = Tranche + 1 },
            "paid-tomorrow" => pay with { PaidOn = Day(at).AddDays(1) },
            "paid-before-payable" => pay with { PaidOn = Day(a.Lifecycle.Payables[0].PayableAtUtc).AddDays(-1) },
            "unknown-payable" => pay with { PayableId = "checkin-9" },
            "officer-role" => pay with { ActorRole = "Officer" },
            "leader-role" => pay with { ActorRole = "Leader" },
            "no-reference" => pay with { TreasuryReference = null },
            _ => pay,
        };
        var errors = ActionCatalog.Of(LifecycleAction.RecordPayment).Validate(action, a, Catalogue, at);
        var (disbursed, version) = (a.Lifecycle.DisbursedVnd, a.Lifecycle.Payables.Count(p => p.Payment is not null));
        var step = Next(a, action);

        var moves = machine.LedgerMovesFor(a, step);
        var (audit, result) = machine.Apply(a, step);

        Assert.Contains(errors, e => e.Field == field && e.Code == code);
        Assert.False(result.Applied);
        Assert.Empty(moves);
        Assert.Empty(result.Notifications);
        Assert.Equal(AuditKinds.ActionIgnored, audit!.Kind);
        Assert.Equal((disbursed, version), (a.Lifecycle.DisbursedVnd, a.Lifecycle.Payables.Count(p => p.Payment is not null)));
    }

    [Fact]
    public void Check_PaymentBodies_RefuseWhatTheFormCannotSend()
    {
        var rules = ActionCatalog.Of(LifecycleAction.RecordPayment);

        var missing = rules.Check(new RecordPayment.Body(null, null, null, null, null));
        var unsafeText = rules.Check(new RecordPayment.Body("checkin-1", new DateOnly(2025, 3, 3), 1, "KB\u202E123", null));
        var tooLong = rules.Check(new RecordPayment.Body("checkin-1", new DateOnly(2025, 3, 3), 1, new string('1', RecordPayment.MaxReference + 1), null));

        Assert.Equal(["payableId", "paidOn", "amountVnd", "treasuryReference"], missing.Select(e => e.Field));
        Assert.Equal(ErrorCodes.InvalidCharacters, Assert.Single(unsafeText).Code);
        Assert.Equal(ErrorCodes.TooLong, Assert.Single(tooLong).Code);
    }

    [Fact]
    public void Apply_WholeFilePaid_LedgerDisbursedEqualsThePaymentsAndTheLastPaymentCompletesIt()
    {
        var a = Implementing();
        var moves = new List<BudgetMovementRequest>();
        for (var i = 1; i <= 2; i++)
        {
            Step(a, moves, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = $"Kỳ {i}", PercentDone = 40 * i });
            Step(a, moves, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true });
        }

        Step(a, moves, Pay(a, "checkin-1"));
        Step(a, moves, new ActionRequest(LifecycleAction.SubmitFinalReport, "enterprise", "Enterprise") { Note = "Hoàn thành" });
        Step(a, moves, new ActionRequest(LifecycleAction.Evaluate, "Lãnh đạo", "Leader") { Positive = true, AmountVnd = Amount - 20_000_000 });

        Assert.Equal(ApplicationStatus.AwaitingFinalPayment, a.Status);
        Assert.Equal(["checkin-2", "final"], a.Lifecycle.OpenPayables.Select(p => p.Id));
        Assert.Equal([LifecycleAction.RecordPayment], LifecycleRules.Allowed(a.Status, LifecycleMachine.ImplementationOf(a.Lifecycle)));
        Assert.Equal(2, a.Lifecycle.OpenTasks.Count(t => t is { Role: "Accountant", Step: "Payment" }));
        Step(a, moves, Pay(a, "final"));
        Assert.Equal(ApplicationStatus.AwaitingFinalPayment, a.Status); // check-in 2's tranche is still owed
        Step(a, moves, Pay(a, "checkin-2"));

        Assert.Equal(ApplicationStatus.Completed, a.Status);
        Assert.Empty(a.Lifecycle.OpenTasks);
        var payments = a.Lifecycle.Payables.Sum(p => p.Payment!.AmountVnd);
        Assert.Equal(Amount - 20_000_000, payments);
        Assert.Equal(payments, moves.Where(m => m.Kind == BudgetMovementKind.Disburse).Sum(m => m.AmountVnd));
        Assert.Equal(payments, a.Lifecycle.DisbursedVnd);
        Assert.Equal(a.Lifecycle.CommittedVnd, moves.Where(m => m.Kind == BudgetMovementKind.Commit).Sum(m => m.AmountVnd));
        Assert.Equal(20_000_000, moves.Where(m => m.Kind == BudgetMovementKind.Release).Sum(m => m.AmountVnd));
        Assert.Equal(moves.Count, moves.Select(m => m.MovementId).Distinct().Count());
    }

    [Fact]
    public void Apply_FailedEvaluationWithATrancheOwed_WaitsForItsPaymentThenFails()
    {
        var a = Implementing();
        Accept(a);
        Do(a, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 2", PercentDone = 60 });
        Do(a, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true });
        Assert.True(Do(a, Pay(a, "checkin-1")).Applied);
        Do(a, new ActionRequest(LifecycleAction.SubmitFinalReport, "enterprise", "Enterprise") { Note = "Chưa đạt" });

        Assert.True(Do(a, new ActionRequest(LifecycleAction.Evaluate, "Lãnh đạo", "Leader") { Positive = false, Note = "Không đạt" }).Applied);
        Assert.Equal(ApplicationStatus.AwaitingFinalPayment, a.Status);
        Assert.True(Do(a, Pay(a, "checkin-2")).Applied);

        Assert.Equal(ApplicationStatus.Failed, a.Status);
        Assert.Equal(2 * Tranche, a.Lifecycle.DisbursedVnd);
    }

    [Fact]
    public void Apply_CancelledWithATrancheOwed_WaitsForItsPaymentThenIsCancelled()
    {
        var a = Implementing();
        Accept(a);
        var cancel = Next(a, new ActionRequest(LifecycleAction.Cancel, "Lãnh đạo", "Leader") { Note = "Doanh nghiệp ngừng thực hiện" });

        var moves = machine.LedgerMovesFor(a, cancel);
        Assert.True(machine.Apply(a, cancel).Result.Applied);

        Assert.Equal([(BudgetMovementKind.Release, Amount - Tranche)], moves.Select(m => (m.Kind, m.AmountVnd)));
        Assert.Equal(ApplicationStatus.AwaitingFinalPayment, a.Status);
        Assert.Equal([LifecycleAction.RecordPayment], LifecycleRules.Allowed(a.Status, LifecycleMachine.ImplementationOf(a.Lifecycle)));
        Assert.True(Do(a, Pay(a, "checkin-1")).Applied);
        Assert.Equal(ApplicationStatus.Cancelled, a.Status);
        Assert.Equal((Tranche, Tranche), (a.Lifecycle.CommittedVnd, a.Lifecycle.DisbursedVnd));
        Assert.Empty(a.Lifecycle.OpenTasks);
    }

    [Fact]
    public void ResultOf_UnpaidPayable_RemindsTheAccountantsThenEscalatesAtItsDueDate()
    {
        var a = Implementing();
        Accept(a);
        var payable = a.Lifecycle.Payables[0];

        var result = machine.ResultOf(a, true, []);
        var reminders = result.Nudges.Where(n => n.Notification.Event == NotificationEvent.PaymentReminder).ToList();

        Assert.NotEmpty(reminders);
        Assert.All(reminders, n =>
        {
            Assert.Equal(NotificationAudience.Accountants, n.Notification.Audience);
            Assert.True(n.AtUtc < payable.DueUtc);
            Assert.StartsWith("payment-checkin-1-reminder", n.Notification.Occurrence, StringComparison.Ordinal);
            Assert.Empty(NotificationFacts.For(NotificationEvent.PaymentReminder).Required.Except(n.Notification.Facts.Keys));
        });
        Assert.Equal(payable.DueUtc, result.NextDeadlineUtc); // before the enterprise's next report is due
        Assert.True(payable.DueUtc < a.Lifecycle.StepDueUtc);

        var (audit, escalated) = machine.Apply(a, new StepCommand(a.Id, a.LastSequence + 1, StepKind.DeadlinePassed, payable.DueUtc));

        Assert.Equal(AuditKinds.Escalated, audit!.Kind);
        Assert.Contains("chi trả kinh phí đợt 1", audit.Detail, StringComparison.Ordinal);
        var told = Assert.Single(escalated.Notifications);
        Assert.Equal((NotificationEvent.StepEscalated, NotificationAudience.HeadOfDivision, "payment-checkin-1-escalation-1"),
            (told.Event, told.Audience, told.Occurrence));
        Assert.Equal((1, 0), (payable.Escalations, a.Lifecycle.StepEscalations));
        Assert.Equal(ApplicationStatus.InImplementation, a.Status);
        Assert.Equal(Planner.WorkingDaysFrom(payable.DueUtc, Catalogue.DefaultPolicy.EscalationDelayWorkingDays), escalated.NextDeadlineUtc);
        Assert.DoesNotContain(escalated.Nudges, n => n.Notification.Event == NotificationEvent.PaymentReminder);
    }

    [Fact]
    public void Lifecycle_EnterpriseCopy_ShowsAmountsDatesAndStatusNotTheReferenceOrNote()
    {
        var a = Implementing();
        Accept(a);
        Assert.True(Do(a, Pay(a, "checkin-1")).Applied);

        var copy = EnterpriseDisclosure.Lifecycle(a.Lifecycle).Payables.Single();

        Assert.Equal((Tranche, a.Lifecycle.Payables[0].DueUtc), (copy.AmountVnd, copy.DueUtc));
        Assert.Equal((a.Lifecycle.Payables[0].Payment!.PaidOn, Tranche, string.Empty, (string?)null, "Kế toán"),
            (copy.Payment!.PaidOn, copy.Payment.AmountVnd, copy.Payment.TreasuryReference, copy.Payment.Note, copy.Payment.RecordedBy));
    }

    [Fact]
    public void Project_UnpaidPayablePastItsDueDate_IsOverdueAndTheReportCountsOnlyWhatWasPaid()
    {
        var a = Implementing();
        Accept(a);
        var payable = a.Lifecycle.Payables[0];
        var calendar = VietnamStatutoryCalendar.FromEmbeddedData();
        var due = DateOnly.FromDateTime(payable.DueUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
        var asOf = due.AddDays(7);

        var unpaid = ProgrammeProgressProjection.Project([a], Catalogue, calendar, 2025, asOf);

        var row = Assert.Single(unpaid.Overdue, o => o.What.StartsWith("Chi trả", StringComparison.Ordinal));
        Assert.Equal(("Chi trả kinh phí đợt 1 (báo cáo định kỳ lần 1)", due, calendar.WorkingDaysBetween(due, asOf)), (row.What, row.DueDate, row.WorkingDaysOverdue));
        Assert.Equal(0, Assert.Single(unpaid.Enterprises).DisbursedVnd);

        Assert.True(Do(a, Pay(a, "checkin-1")).Applied);
        var paid = ProgrammeProgressProjection.Project([a], Catalogue, calendar, 2025, asOf);

        Assert.DoesNotContain(paid.Overdue, o => o.What.StartsWith("Chi trả", StringComparison.Ordinal));
        Assert.Equal(Tranche, Assert.Single(paid.Enterprises).DisbursedVnd);
    }

    /// <summary>The accountant's payment of <paramref name="payableId"/>: its whole amount, paid on the next step's (Vietnam) day.</summary>
    static ActionRequest Pay(Application a, string payableId) => new(LifecycleAction.RecordPayment, "Kế toán", "Accountant")
    {
        PayableId = payableId,
        AmountVnd = a.Lifecycle.PayableOf(payableId)?.AmountVnd ?? Tranche,
        PaidOn = Day(Start.AddHours(a.LastSequence + 1)),
        TreasuryReference = "KB-0001234",
        Note = "Chuyển khoản qua Kho bạc",
    };

    static DateOnly Day(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);

    void Accept(Application a)
    {
        Do(a, new ActionRequest(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 1", PercentDone = 40 });
        Assert.True(Do(a, new ActionRequest(LifecycleAction.ReviewCheckIn, "Cán bộ", "Officer") { Positive = true }).Applied);
    }

    /// <summary>A plan-funded file approved for <see cref="Amount"/>, its decision signed: in implementation.</summary>
    Application Implementing()
    {
        var a = new Application("pppppppppppppppppppppppppp", "NSCL-2025-PAY",
            new ApplicationSubmission("0101234567", "Công ty TNHH Chi Trả", "Trần Thị B", "b@example.vn", "0912345678", "productivity-tools", "Nhiệm vụ",
                "Tóm tắt", Amount),
            Catalogue.Version, Start, Start.AddDays(5));
        Do(a, null, StepKind.Receive);
        Do(a, new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer"));
        Do(a, new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { ActorId = "oid-t", Positive = true, AmountVnd = Amount, Scores = Sheets.Appraisal() });
        Do(a, new ActionRequest(LifecycleAction.Approve, "Lãnh đạo", "Leader") { AmountVnd = Amount, BudgetYear = 2025 });
        Assert.True(Signing.Sign(machine, a, Next(a, null)).Applied);
        Assert.Equal(ApplicationStatus.InImplementation, a.Status);
        return a;
    }

    void Step(Application a, List<BudgetMovementRequest> moves, ActionRequest action)
    {
        var step = Next(a, action);
        moves.AddRange(machine.LedgerMovesFor(a, step));
        var (_, result) = machine.Apply(a, step);
        Assert.True(result.Applied, $"{action.Action}: {result.RefusalMessage}");
    }

    StepResult Do(Application a, ActionRequest? action, StepKind kind = StepKind.Action) => machine.Apply(a, Next(a, action, kind)).Result;

    static StepCommand Next(Application a, ActionRequest? action, StepKind kind = StepKind.Action) =>
        new(a.Id, a.LastSequence + 1, kind, Start.AddHours(a.LastSequence + 1)) { Action = action };
}
