using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// What the enterprise may know about its own application: the one rule for its JSON view, its history and its
/// documents. The Department speaks to the enterprise as a body, so
/// <list type="bullet">
/// <item>documents: the signed approval decision and the evaluation minutes, the papers the Department issues to it (they
///   carry what such papers carry: the signer, the evaluation council and its findings); never the appraisal record,
///   nor the draft approval decision (before or after the signed one is recorded: only a signed decision binds);</item>
/// <item>an evaluation council's minutes (its members and their sheets) are not the enterprise's: with a council, it reads
///   the result in the status and, where the Department issues one, the signed recognition decision;</item>
/// <item>appraisal: only its outcome (the status); no appraiser, score, comment or recommended amount;</item>
/// <item>officers are shown by their role ("Cán bộ xử lý hồ sơ", "Lãnh đạo Sở", …), never by name or id; notes the
///   enterprise was sent (supplementation request, review of a report, decisions and their reasons) stay, internal
///   notes (the completeness officer's note, budget refusals, escalations, failed e-mails, ignored actions) do not;</item>
/// <item>attachments: all of the application's files, an officer's shown as added by "Cán bộ xử lý hồ sơ" (except, while
///   the file waits for its signed decision, the officers' files: <see cref="ShowsAttachment"/>);</item>
/// <item>payables: amounts, dates and whether paid; not the treasury reference, the accountant's note or escalations;</item>
/// <item>anything this rule does not name (a new audit kind) is not shown: it fails closed.</item>
/// </list>
/// Officers of the unit see everything. Pure functions: the stored records are never changed.
/// </summary>
public static class EnterpriseDisclosure
{
    /// <summary>The per-application documents the enterprise may read.</summary>
    public static readonly IReadOnlyList<string> DocumentKinds = [Documents.DocumentKinds.SignedApprovalDecision, Documents.DocumentKinds.EvaluationMinutes,
        Documents.DocumentKinds.SignedRecognitionDecision];

    /// <summary>The label the enterprise sees for an actor in <paramref name="role"/> (never the person).</summary>
    public static string RoleLabel(string? role) => role switch
    {
        "Appraiser" => "Hội đồng thẩm định",
        "Leader" => "Lãnh đạo Sở",
        "Accountant" => "Kế toán",
        "Admin" => "Quản trị hệ thống",
        _ => "Cán bộ xử lý hồ sơ",
    };

    public const string SystemActor = "system";
    public const string EnterpriseActor = "enterprise";

    /// <summary>Whether the enterprise may read a document of <paramref name="kind"/>.</summary>
    public static bool MayReadDocument(string kind) => DocumentKinds.Contains(kind, StringComparer.Ordinal);

    /// <summary>
    /// Whether the enterprise may read a document of <paramref name="kind"/> of this file: <see cref="DocumentKinds"/>, and
    /// the draft decision of a file approved before decisions were signed in the system (implementation started without a
    /// signed decision: that draft is the one it was offered then), so files already in implementation keep what they had.
    /// </summary>
    public static bool MayReadDocument(string kind, LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Minutes of an evaluation council name its members and carry each one's sheet: the Department's, not the enterprise's.
        if (kind == Documents.DocumentKinds.EvaluationMinutes && (state.CouncilEvaluation is not null || RecognitionPending(state)))
        {
            return false;
        }

        return MayReadDocument(kind)
            || (kind == Documents.DocumentKinds.ApprovalDecision && state.Approval is not null && state.SignedDecision is null && state.CheckIns.Count > 0);
    }

    /// <summary>The enterprise's copy of the lifecycle record.</summary>
    public static LifecycleState Lifecycle(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var officer = RoleLabel(null);
        return new LifecycleState
        {
            Unit = state.Unit,
            BudgetLineId = state.BudgetLineId,
            IntegratedFundingFrom = state.IntegratedFundingFrom,
            CallId = state.CallId, // the call the enterprise applied to, and when its files are appraised together
            CallClosesAtUtc = state.CallClosesAtUtc,
            StepDueUtc = state.StepDueUtc,
            Supplementations = [.. state.Supplementations.Select(s => s with { RequestedBy = officer })],
            AppraisalsRequired = state.AppraisalsRequired,
            Appraisals = [],
            RecommendedAmountVnd = null,
            Approval = state.Approval is { } approval ? approval with { Leader = RoleLabel("Leader") } : null,
            RejectionReason = state.RejectionReason,
            CheckIns = [.. state.CheckIns.Select(CheckIn)],
            CurrentCheckIn = state.CurrentCheckIn,
            PendingExtension = state.PendingExtension is { } pending ? Extension(pending) : null,
            Extensions = [.. state.Extensions.Select(Extension)],
            FinalReport = state.FinalReport,
            FinalReportDueUtc = state.FinalReportDueUtc,
            // A result recognised by a decision is the enterprise's once the decision is signed and recorded.
            Evaluation = state.Evaluation is { } evaluation && !RecognitionPending(state) ? evaluation with { Leader = RoleLabel("Leader") } : null,
            RecognitionRequired = state.RecognitionRequired,
            SignedRecognition = state.SignedRecognition is { } recognised ? recognised with { RecordedBy = RoleLabel("Leader") } : null,
            CommittedVnd = state.CommittedVnd,
            DisbursedVnd = state.DisbursedVnd,
            ClosingReason = state.ClosingReason,
            SignedDecision = state.SignedDecision is { } signed ? signed with { RecordedBy = RoleLabel("Leader") } : null,
            Payables = [.. state.Payables.Select(Payable)],
        };
    }

    /// <summary>
    /// The enterprise's copy of one history entry, or null when the entry is internal. Decided per kind: entries
    /// of the enterprise's own acts and of decisions sent to it are shown (officers by role); internal steps are not.
    /// </summary>
    public static AuditEntry? HistoryEntry(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Kind)
        {
            // The enterprise's own acts and the system's public steps: as recorded.
            case AuditKinds.Submitted:
            case AuditKinds.Assigned:
            case AuditKinds.AssignmentConfirmed:
            case AuditKinds.ReceiptAcknowledged:
            case AuditKinds.Expired:
            case AuditKinds.SupplementationExpired:
            case AuditKinds.Resubmitted:
            case AuditKinds.CheckInSubmitted:
            case AuditKinds.ExtensionRequested:
            case AuditKinds.FinalReportSubmitted:
            case AuditKinds.Withdrawn:
                return entry;

            // Decisions sent to the enterprise (the e-mail carries the same words): the officer by role.
            case AuditKinds.SupplementationRequested:
            case AuditKinds.Approved:
            case AuditKinds.Rejected:
            case AuditKinds.CheckInAccepted:
            case AuditKinds.CheckInRevisionRequested:
            case AuditKinds.ExtensionGranted:
            case AuditKinds.ExtensionRefused:
            case AuditKinds.EvaluationPassed:
            case AuditKinds.EvaluationFailed:
            case AuditKinds.Cancelled:
            case AuditKinds.AccessLinkRotated:
            case AuditKinds.DecisionSigned:
            case AuditKinds.PaymentRecorded:
            case AuditKinds.RecognitionSigned:
                return ByRole(entry);

            // The officer's note on completeness is internal: the fact is shown, not the note.
            case AuditKinds.CompletenessAccepted:
                return ByRole(entry) with { Detail = "Hồ sơ đầy đủ, hợp lệ; chuyển thẩm định." };

            // Appraisal: only its end (the status moves on), without scores or the recommended amount.
            case AuditKinds.AppraisalSubmitted when entry.FromStatus != entry.ToStatus:
                return entry with { Actor = RoleLabel("Appraiser"), Role = "Appraiser", Detail = "Thẩm định xong; chuyển lãnh đạo Sở xem xét phê duyệt." };

            // The enterprise's own act that a system error kept from being recorded: the fact, not the error's text.
            case AuditKinds.ActionFailed when entry.Actor == EnterpriseActor:
                return entry with { Detail = "Thao tác chưa được thực hiện do lỗi hệ thống. Vui lòng thực hiện lại; nếu vẫn lỗi, liên hệ cơ quan tiếp nhận hồ sơ." };

            // Each appraiser's sheet, budget refusals, escalations, failed e-mails, ignored actions, repeated
            // bookkeeping, and every kind this rule does not know: internal.
            default:
                return null;
        }
    }

    /// <summary>An attachment as the enterprise sees it: a file an officer added shows the officer by role.</summary>
    public static Attachments.StoredAttachment Attachment(Attachments.StoredAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.UploadedBy == EnterpriseActor ? attachment : attachment with { UploadedBy = RoleLabel(null) };
    }

    /// <summary>
    /// Whether the enterprise sees an attachment of its file now: all of them, except an officer's while the file waits
    /// for its signed decision or its signed recognition decision (the scan a leader uploads before recording it is the
    /// enterprise's only once recorded).
    /// </summary>
    public static bool ShowsAttachment(Attachments.StoredAttachment attachment, ApplicationStatus status)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.UploadedBy == EnterpriseActor || status is not (ApplicationStatus.AwaitingDecisionSigning or ApplicationStatus.AwaitingRecognitionSigning);
    }

    /// <summary>Whether the passed evaluation waits for its signed recognition decision (the enterprise is not told yet).</summary>
    public static bool RecognitionPending(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.RecognitionRequired && state.SignedRecognition is null;
    }

    /// <summary>The enterprise's history: its entries (<see cref="HistoryEntry"/>) in order.</summary>
    public static IReadOnlyList<AuditEntry> History(IEnumerable<AuditEntry> entries) =>
        [.. entries.Select(HistoryEntry).OfType<AuditEntry>()];

    static AuditEntry ByRole(AuditEntry entry) =>
        entry.Actor is SystemActor or EnterpriseActor || entry.Role is "Enterprise" or SystemActor
            ? entry
            : entry with { Actor = RoleLabel(entry.Role) };

    static CheckInRecord CheckIn(CheckInRecord c) => new()
    {
        Number = c.Number,
        DueUtc = c.DueUtc,
        Status = c.Status,
        Reports = c.Reports,
        ReviewNote = c.ReviewNote,
        ReviewedBy = c.ReviewedBy is null ? null : RoleLabel(null),
        AcceptedAtUtc = c.AcceptedAtUtc,
        TrancheVnd = c.TrancheVnd,
    };

    /// <summary>A payable as the enterprise sees it: amounts, dates and whether paid; not the treasury reference, the accountant's note or escalations.</summary>
    static PayableRecord Payable(PayableRecord p) => new()
    {
        Id = p.Id,
        CheckIn = p.CheckIn,
        AmountVnd = p.AmountVnd,
        PayableAtUtc = p.PayableAtUtc,
        DueUtc = p.DueUtc,
        Payment = p.Payment is { } paid ? paid with { TreasuryReference = string.Empty, Note = null, RecordedBy = RoleLabel("Accountant"), File = null } : null,
    };

    static ExtensionRecord Extension(ExtensionRecord e) => new(e.CheckIn, e.NewDueDate, e.Reason, e.RequestedAtUtc)
    {
        Granted = e.Granted,
        DecidedBy = e.DecidedBy is null ? null : RoleLabel(null),
        DecisionNote = e.DecisionNote,
    };
}
