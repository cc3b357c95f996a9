using System.Globalization;
using NsclWorkflows.Domain.Attachments;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Domain.Text;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// A leader records the signed approval decision: the signed PDF (already uploaded as an attachment of the application),
/// the date it was signed and the signer. The number is not typed: the decision register gives it (the next of the
/// signing year, <see cref="IDecisionRegister"/>) before the step is decided, once per application. Only then is the
/// enterprise told (the Approved e-mail with the number and date), and implementation starts with its check-ins.
/// </summary>
public sealed class RecordSignedDecision() : ActionDefinition<RecordSignedDecision.Body, RecordSignedDecision.Payload>(
    LifecycleAction.RecordSignedDecision, "record-signed-decision", Actor.Leader, Read)
{
    /// <summary>The longest signer's name or title accepted.</summary>
    public const int MaxLine = 200;

    /// <summary>Field error codes of the signed file.</summary>
    public const string AttachmentNotFound = "attachment_not_found";

    public const string AttachmentNotPdf = "attachment_not_pdf";

    public override string? FileField => "signedFile";

    /// <summary><see cref="SignedFile"/>: the stored name of the PDF among the application's attachments (as the upload answered it).</summary>
    public sealed record Body(DateOnly? SignedOn, string? SignerName, string? SignerTitle, string? SignedFile) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with
        {
            SignedOn = SignedOn,
            SignerName = Line(SignerName),
            SignerTitle = Line(SignerTitle),
            SignedFile = SignedFile,
        };
    }

    protected override void Rules(InlineValidator<Body> body) => SignedRules(body);

    /// <summary>The body's field rules (the recognition decision's record takes the same body).</summary>
    internal static void SignedRules(InlineValidator<Body> body)
    {
        body.Date(b => b.SignedOn, required: true);
        LineRule(body, b => b.SignerName, "signerName");
        LineRule(body, b => b.SignerTitle, "signerTitle");
        body.RuleFor(b => b.SignedFile).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(ErrorCodes.Required).WithMessage("Vui lòng chọn tệp quyết định đã ký (PDF).")
            .Must(IsPdfName).WithErrorCode(AttachmentNotPdf).WithMessage(NotPdfMessage);
    }

    /// <summary>
    /// <see cref="Today"/>: the Vietnam date of the step (a decision is not signed in the future); <see cref="ApprovedOn"/>:
    /// the Vietnam date of the approval (nor before it).
    /// </summary>
    public sealed record Payload(DateOnly? SignedOn, string SignerName, string SignerTitle, string File, string ActorRole, DateOnly Today, DateOnly? ApprovedOn);

    static Payload Read(ActionRequest request, Application application, DateTimeOffset atUtc) =>
        new(request.SignedOn, request.SignerName ?? string.Empty, request.SignerTitle ?? string.Empty, request.SignedFile ?? string.Empty,
            request.ActorRole, VietnamDate(atUtc), application.Lifecycle.Approval is { } approval ? VietnamDate(approval.AtUtc) : null);

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue) =>
        SignedErrors(payload, "phê duyệt");

    /// <summary>The business rules of a signed decision's record: a leader, signed on a day not in the future nor before <see cref="Payload.ApprovedOn"/> (the day of <paramref name="after"/>), a signer, a PDF.</summary>
    internal static List<FieldError> SignedErrors(Payload payload, string after)
    {
        var errors = new List<FieldError>();
        if (payload.ActorRole is not ("Leader" or "Admin"))
        {
            errors.Add(new FieldError("actor", "forbidden_role", "Chỉ Lãnh đạo Sở được ghi nhận quyết định đã ký."));
        }

        if (payload.SignedOn is not { } signedOn)
        {
            errors.Add(new FieldError("signedOn", ErrorCodes.Required, "Vui lòng nhập ngày ký."));
        }
        else if (signedOn > payload.Today)
        {
            errors.Add(new FieldError("signedOn", ErrorCodes.OutOfRange, "Ngày ký không được sau ngày hôm nay."));
        }
        else if (payload.ApprovedOn is { } approvedOn && signedOn < approvedOn)
        {
            errors.Add(new FieldError("signedOn", ErrorCodes.OutOfRange, $"Ngày ký không được trước ngày {after} ({Day(approvedOn)})."));
        }

        if (payload.SignerName.Length == 0 || payload.SignerTitle.Length == 0)
        {
            errors.Add(new FieldError(payload.SignerName.Length == 0 ? "signerName" : "signerTitle", ErrorCodes.Required, "Vui lòng nhập họ tên và chức vụ người ký."));
        }

        if (!IsPdfName(payload.File))
        {
            errors.Add(new FieldError("signedFile", AttachmentNotPdf, NotPdfMessage));
        }

        return errors;
    }

    public override DecisionRegistration? RegistrationFor(ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        return request.SignedOn is { } signedOn
            ? new DecisionRegistration(application.Id, application.TrackingCode, application.Lifecycle.Unit, DecisionKinds.SupportApproval, signedOn,
                Line(request.SignerName) ?? string.Empty, Line(request.SignerTitle) ?? string.Empty, request.ActorName, atUtc)
            : null;
    }

    /// <summary>
    /// The check the API makes against storage before the action is raised: the file is one of the application's own
    /// attachments (<paramref name="attachments"/>) and a PDF by its content (<paramref name="head"/>: its first bytes).
    /// Null when it is.
    /// </summary>
    public static FieldError? FileError(string name, IReadOnlyList<StoredAttachment> attachments, ReadOnlySpan<byte> head, string field = "signedFile")
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (!attachments.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
        {
            return new FieldError(field, AttachmentNotFound,
                "Không có tệp này trong tài liệu đính kèm của hồ sơ; vui lòng tải tệp (PDF) lên hồ sơ trước.");
        }

        return AttachmentRules.Detect(head.ToArray()) == AttachmentRules.Pdf
            ? null
            : new FieldError(field, AttachmentNotPdf, field == "signedFile" ? NotPdfMessage : "Chứng từ chi trả phải là tệp PDF (kiểm tra theo nội dung tệp) đã đính kèm hồ sơ.");
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var registered = c.Registered ?? throw new InvalidOperationException("A signed decision is decided with its register number.");
        var state = c.State;
        var approval = state.Approval ?? throw new InvalidOperationException("A signed decision needs the approval it carries out.");
        var signedOn = payload.SignedOn!.Value;
        state.SignedDecision = new SignedDecisionRecord(registered.Number, registered.Symbol, registered.Year, signedOn, payload.SignerName, payload.SignerTitle,
            payload.File, request.ActorName, c.At);
        c.StartImplementation(c.At);
        c.Notify(NotificationEvent.Approved, "approved", NotificationAudience.Enterprise, (NotificationFacts.ApprovedAmountVnd, Raw(approval.AmountVnd)),
            (NotificationFacts.DecisionDate, signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (NotificationFacts.DecisionNumber, registered.NumberAndSymbol), (NotificationFacts.Note, approval.Note ?? string.Empty));
        var detail = $"Quyết định số {registered.NumberAndSymbol} ngày {Day(signedOn)} ({payload.SignerTitle} {payload.SignerName} ký); "
            + "đã thông báo doanh nghiệp, bắt đầu thực hiện nhiệm vụ.";
        return c.Decision(c.Audit(request, AuditKinds.DecisionSigned, detail)) with { Documents = [Documents.DocumentKinds.SignedApprovalDecision] };
    }

    /// <summary>A name or title: safe text on one line, present, at most <see cref="MaxLine"/> characters.</summary>
    static void LineRule(InlineValidator<Body> body, System.Linq.Expressions.Expression<Func<Body, string?>> field, string name)
    {
        var label = BodyRules.Label(name);
        body.RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters)
                .WithMessage((_, text) => TextSafety.Error(name, BodyRules.Capital(label), TextSafety.Find(text)).Message)
            .Must(text => Line(text) is { Length: > 0 }).WithErrorCode(ErrorCodes.Required).WithMessage($"Vui lòng nhập {label}.")
            .Must(text => Line(text)!.Length <= MaxLine).WithErrorCode(ErrorCodes.TooLong)
                .WithMessage($"{BodyRules.Capital(label)} không được dài quá {MaxLine} ký tự.");
    }

    const string NotPdfMessage = "Quyết định đã ký phải là tệp PDF (kiểm tra theo nội dung tệp) đã đính kèm hồ sơ.";

    internal static bool IsPdfName(string? name) => AttachmentRules.IsSafeName(name) && name!.EndsWith("." + AttachmentRules.Pdf.Extension, StringComparison.Ordinal);

    static string? Line(string? text) => text is null ? null : VietnameseText.NormaliseLine(text);

    static DateOnly VietnamDate(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);

    static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
