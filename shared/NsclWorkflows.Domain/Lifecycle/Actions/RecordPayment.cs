using System.Globalization;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Text;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// The unit's accountant (kế toán) records the payment of a payable tranche (<see cref="LifecycleState.Payables"/>): the
/// date paid, the amount (the payable's whole amount: partial payments are not taken), the treasury's reference (số chứng
/// từ, mã giao dịch Kho bạc) and a note for officers. The payment disburses the tranche in the ledger (one movement per
/// payable) and the enterprise is told. A file waiting for its last payment (<see cref="ApplicationStatus.AwaitingFinalPayment"/>)
/// closes with it, as decided before: Completed or Failed by its evaluation, Cancelled when it was cancelled.
/// </summary>
public sealed class RecordPayment() : ActionDefinition<RecordPayment.Body, RecordPayment.Payload>(LifecycleAction.RecordPayment, "record-payment", Actor.Accountant,
    Read)
{
    /// <summary>The longest treasury reference accepted.</summary>
    public const int MaxReference = 100;

    /// <summary>Field error codes of a payment.</summary>
    public const string PayableNotFound = "payable_not_found";

    public const string PayablePaid = "payable_paid";

    public const string AmountMismatch = "amount_mismatch";

    public override string? FileField => "paymentFile";

    /// <summary><see cref="PaymentFile"/> (optional): the voucher (chứng từ chi: ủy nhiệm chi, giấy báo Có), a PDF already uploaded as an attachment.</summary>
    public sealed record Body(string? PayableId, DateOnly? PaidOn, long? AmountVnd, string? TreasuryReference, string? Note, string? PaymentFile = null) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with
        {
            PayableId = PayableId?.Trim(),
            PaidOn = PaidOn,
            AmountVnd = AmountVnd,
            TreasuryReference = Line(TreasuryReference),
            Note = Block(Note),
            SignedFile = string.IsNullOrEmpty(PaymentFile) ? null : PaymentFile,
        };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.RuleFor(b => b.PayableId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng chọn đợt kinh phí được chi trả.")
            .Must(id => id!.Trim().Length <= 40 && id.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
                .WithErrorCode(PayableNotFound).WithMessage(NotFoundMessage);
        body.Date(b => b.PaidOn, required: true);
        body.Amount(b => b.AmountVnd, requiredWhen: _ => true);
        var label = BodyRules.Label("treasuryReference");
        body.RuleFor(b => b.TreasuryReference).Cascade(CascadeMode.Stop)
            .Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters)
                .WithMessage((_, text) => TextSafety.Error("treasuryReference", BodyRules.Capital(label), TextSafety.Find(text)).Message)
            .Must(text => Line(text) is { Length: > 0 }).WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.")
            .Must(text => Line(text)!.Length <= MaxReference).WithErrorCode(ErrorCodes.TooLong)
                .WithMessage($"{BodyRules.Capital(label)} không được dài quá {MaxReference} ký tự.");
        body.Note(b => b.Note);
        body.RuleFor(b => b.PaymentFile).Must(name => string.IsNullOrEmpty(name) || RecordSignedDecision.IsPdfName(name))
            .WithErrorCode(RecordSignedDecision.AttachmentNotPdf).WithMessage("Chứng từ chi trả phải là tệp PDF đã đính kèm hồ sơ.");
    }

    /// <summary><see cref="Today"/>: the Vietnam date of the step (a payment is not recorded for a day to come).</summary>
    public sealed record Payload(string PayableId, PayableRecord? Payable, DateOnly? PaidOn, long? AmountVnd, string Reference, string? Note, string ActorRole,
        DateOnly Today);

    static Payload Read(ActionRequest request, Application application, DateTimeOffset atUtc) =>
        new(request.PayableId ?? string.Empty, application.Lifecycle.PayableOf(request.PayableId), request.PaidOn, request.AmountVnd,
            request.TreasuryReference ?? string.Empty, request.Note, request.ActorRole, VietnamDate(atUtc));

    /// <summary>A payment is taken while a tranche is payable and not paid.</summary>
    public override bool Permits(ImplementationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.PaymentPending;
    }

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue)
    {
        var errors = new List<FieldError>();
        if (payload.ActorRole is not ("Accountant" or "Admin"))
        {
            errors.Add(new FieldError("actor", "forbidden_role", "Chỉ kế toán của đơn vị được ghi nhận chi trả."));
        }

        if (payload.Payable is not { } payable)
        {
            errors.Add(new FieldError("payableId", PayableNotFound, NotFoundMessage));
            return errors;
        }

        if (payable.Payment is { } paid)
        {
            errors.Add(new FieldError("payableId", PayablePaid,
                $"{BodyRules.Capital(payable.Name)} đã được chi trả ngày {Day(paid.PaidOn)} (chứng từ {paid.TreasuryReference})."));
        }

        if (payload.AmountVnd is { } amount && amount != payable.AmountVnd)
        {
            errors.Add(new FieldError("amountVnd", AmountMismatch,
                $"Số tiền chi trả phải bằng số tiền của {payable.Name} ({Money(payable.AmountVnd)}); chưa hỗ trợ chi trả từng phần."));
        }
        else if (payload.AmountVnd is null)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.Required, "Vui lòng nhập số tiền."));
        }

        var payableOn = VietnamDate(payable.PayableAtUtc);
        if (payload.PaidOn is not { } paidOn)
        {
            errors.Add(new FieldError("paidOn", ErrorCodes.Required, "Vui lòng nhập ngày chi trả."));
        }
        else if (paidOn > payload.Today)
        {
            errors.Add(new FieldError("paidOn", ErrorCodes.OutOfRange, "Ngày chi trả không được sau ngày hôm nay."));
        }
        else if (paidOn < payableOn)
        {
            errors.Add(new FieldError("paidOn", ErrorCodes.OutOfRange, $"Ngày chi trả không được trước ngày {payable.Name} đủ điều kiện chi trả ({Day(payableOn)})."));
        }

        if (payload.Reference.Length == 0)
        {
            errors.Add(new FieldError("treasuryReference", ErrorCodes.Required, $"Vui lòng nhập {BodyRules.Label("treasuryReference")}."));
        }

        return errors;
    }

    protected override IReadOnlyList<BudgetMovementRequest> Movements(Payload payload, ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var state = application.Lifecycle;
        return state.Approval is { } approval && payload.Payable is { Payment: null } payable
            ? [Move(application, $"payment-{payable.Id}", Key(state, approval), BudgetMovementKind.Disburse, payable.AmountVnd, request,
                $"Chi trả {payable.Name}, chứng từ {payload.Reference}", atUtc)]
            : [];
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var payable = payload.Payable ?? throw new InvalidOperationException("A payment is decided for a payable of the file.");
        var paidOn = payload.PaidOn!.Value;
        payable.Payment = new PaymentRecord(paidOn, payable.AmountVnd, payload.Reference, payload.Note, request.ActorName, c.At) { File = request.SignedFile };
        state.DisbursedVnd += payable.AmountVnd;
        c.Notify(NotificationEvent.PaymentRecorded, $"payment-{payable.Id}", NotificationAudience.Enterprise,
            (NotificationFacts.PaymentName, payable.Name), (NotificationFacts.PaidAmountVnd, Raw(payable.AmountVnd)),
            (NotificationFacts.PaidDate, paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var detail = $"Đã chi trả {payable.Name}: {Money(payable.AmountVnd)}, ngày {Day(paidOn)}.";
        if (c.Application.Status == ApplicationStatus.AwaitingFinalPayment && !state.OpenPayables.Any())
        {
            // Closed as decided before: evaluated (passed or failed), or cancelled with a tranche owed.
            var closed = state.Evaluation is { } evaluation ? evaluation.Passed ? ApplicationStatus.Completed : ApplicationStatus.Failed : ApplicationStatus.Cancelled;
            c.Close(closed, state.ClosingReason);
            detail += closed == ApplicationStatus.Completed ? " Đã chi trả đủ kinh phí; nhiệm vụ hoàn thành." : " Đã chi trả đủ kinh phí đã cam kết; hồ sơ kết thúc.";
        }

        return c.Decision(c.Audit(request, AuditKinds.PaymentRecorded, detail));
    }

    const string NotFoundMessage = "Không có đợt kinh phí này trong các khoản chờ chi trả của hồ sơ.";

    static string? Line(string? text) => text is null ? null : VietnameseText.NormaliseLine(text);

    static DateOnly VietnamDate(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);

    static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
