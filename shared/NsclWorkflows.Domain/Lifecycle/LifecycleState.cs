using System.Text.Json.Serialization;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Everything an application gathers after intake: supplementation rounds, appraisals, the approval, check-ins,
/// the final evaluation, the open tasks officers see in their inbox. Stored as one JSON document with the
/// application row (a projection the workflow keeps; status pages and inboxes read it, never workflow history).
/// Properties are only ever added. Changed only inside the domain: by <see cref="LifecycleMachine"/> through its steps,
/// and by <see cref="LifecycleUpkeep"/> for what is not a step (the access link, a restored inbox, a reissued document);
/// setters are internal (storage reads them back through <see cref="JsonIncludeAttribute"/>), the API and projections
/// only read it.
/// </summary>
public sealed class LifecycleState
{
    /// <summary>The unit handling the application: the lead unit of its support kind's budget line.</summary>
    [JsonInclude] public string Unit { get; internal set; } = string.Empty;

    [JsonInclude] public string BudgetLineId { get; internal set; } = string.Empty;

    /// <summary>
    /// Where the support is funded from when the budget line is lồng ghép (another programme's or unit's budget); null
    /// when it is this plan's budget. Set with the route, from the catalogue: an application funded elsewhere moves no
    /// money in this plan's ledger (<see cref="LifecycleMachine.LedgerMovesFor"/>).
    /// </summary>
    [JsonInclude] public string? IntegratedFundingFrom { get; internal set; }

    /// <summary>
    /// The most this application may be recommended or approved (the kind's cap for the persons it nominates), fixed
    /// with the route when the file is received; null: no cap (a lồng ghép line, or a file received before caps).
    /// </summary>
    [JsonInclude] public long? SupportCapVnd { get; internal set; }

    /// <summary>The call for applications the file answers (null: a rolling kind), fixed at submission with the call's close and year.</summary>
    [JsonInclude] public string? CallId { get; internal set; }

    /// <summary>When the file's call stops receiving: the file is not appraised before (<see cref="Calls.CallRules.AppraisalRefusal"/>).</summary>
    [JsonInclude] public DateTimeOffset? CallClosesAtUtc { get; internal set; }

    /// <summary>The budget year of the file's call: its approval draws from the call's envelope in that year.</summary>
    [JsonInclude] public int? CallYear { get; internal set; }

    /// <summary>The rubric the file's call is appraised against (null: the kind's).</summary>
    [JsonInclude] public string? CallRubricId { get; internal set; }

    /// <summary>Whether the application's money is this plan's: reserved, committed, disbursed and released in the ledger.</summary>
    public bool MovesPlanMoney => IntegratedFundingFrom is null;

    /// <summary>Deadline of the step now waiting for a person (null when nobody is awaited).</summary>
    [JsonInclude] public DateTimeOffset? StepDueUtc { get; internal set; }

    /// <summary>Number of escalations of the current step.</summary>
    [JsonInclude] public int StepEscalations { get; internal set; }

    [JsonInclude] public IReadOnlyList<SupplementationRound> Supplementations { get => supplementations; internal set => supplementations = [.. value]; }
    internal List<SupplementationRound> SupplementationsList => supplementations; // the list it reads, changed only inside the domain
    List<SupplementationRound> supplementations = [];

    [JsonInclude] public int AppraisalsRequired { get; internal set; } = 1;

    [JsonInclude] public IReadOnlyList<AppraisalRecord> Appraisals { get => appraisals; internal set => appraisals = [.. value]; }
    internal List<AppraisalRecord> AppraisalsList => appraisals; // the list it reads, changed only inside the domain
    List<AppraisalRecord> appraisals = [];

    [JsonInclude] public long? RecommendedAmountVnd { get; internal set; }

    /// <summary>The council's result against the kind's appraisal rubric (null: no rubric, or recorded before rubrics).</summary>
    [JsonInclude] public Catalogue.RubricOutcome? AppraisalOutcome { get; internal set; }

    /// <summary>The council that appraised the file (founding decision, members and roles, meeting), when a council did; officers only.</summary>
    [JsonInclude] public CouncilSummary? Council { get; internal set; }

    [JsonInclude] public ApprovalRecord? Approval { get; internal set; }

    /// <summary>The last approval the ledger refused (kept for the leader to see), cleared by the next decision.</summary>
    [JsonInclude] public string? LastApprovalRefusal { get; internal set; }

    [JsonInclude] public string? RejectionReason { get; internal set; }

    [JsonInclude] public IReadOnlyList<CheckInRecord> CheckIns { get => checkIns; internal set => checkIns = [.. value]; }
    internal List<CheckInRecord> CheckInsList => checkIns; // the list it reads, changed only inside the domain
    List<CheckInRecord> checkIns = [];

    /// <summary>1-based number of the check-in now open (0 before implementation).</summary>
    [JsonInclude] public int CurrentCheckIn { get; internal set; }

    [JsonInclude] public ExtensionRecord? PendingExtension { get; internal set; }

    [JsonInclude] public IReadOnlyList<ExtensionRecord> Extensions { get => extensions; internal set => extensions = [.. value]; }
    internal List<ExtensionRecord> ExtensionsList => extensions; // the list it reads, changed only inside the domain
    List<ExtensionRecord> extensions = [];

    [JsonInclude] public ReportRecord? FinalReport { get; internal set; }

    [JsonInclude] public DateTimeOffset? FinalReportDueUtc { get; internal set; }

    [JsonInclude] public EvaluationRecord? Evaluation { get; internal set; }

    /// <summary>An evaluation council's verdict (nghiệm thu), when one evaluated the file; officers only. The leader's evaluation follows it.</summary>
    [JsonInclude] public CouncilEvaluationRecord? CouncilEvaluation { get; internal set; }

    /// <summary>Whether the passed evaluation is followed by a signed recognition decision (the catalogue said so when it was evaluated).</summary>
    [JsonInclude] public bool RecognitionRequired { get; internal set; }

    /// <summary>The signed recognition decision as recorded (number from the register, date, signer, the PDF).</summary>
    [JsonInclude] public SignedDecisionRecord? SignedRecognition { get; internal set; }

    [JsonInclude] public long CommittedVnd { get; internal set; }

    [JsonInclude] public long DisbursedVnd { get; internal set; }

    [JsonInclude] public string? ClosingReason { get; internal set; }

    /// <summary>SHA-256 (hex) of the enterprise's access token; null for applications from before hashed tokens.</summary>
    [JsonInclude] public string? AccessTokenHash { get; internal set; }

    /// <summary>Generation of the access link; revoking a link moves to the next one.</summary>
    [JsonInclude] public int AccessGeneration { get; internal set; }

    [JsonInclude] public DateTimeOffset? AccessRevokedAtUtc { get; internal set; }

    /// <summary>Officer tasks open now, as written to the inbox (kept so the next change can remove them).</summary>
    [JsonInclude] public IReadOnlyList<OpenTask> OpenTasks { get => openTasks; internal set => openTasks = [.. value]; }
    internal List<OpenTask> OpenTasksList => openTasks; // the list it reads, changed only inside the domain
    List<OpenTask> openTasks = [];

    /// <summary>Notifications that could not be delivered (permanent provider refusals), for status page and inbox.</summary>
    [JsonInclude] public IReadOnlyList<string> NotificationFailures { get => notificationFailures; internal set => notificationFailures = [.. value]; }
    internal List<string> NotificationFailuresList => notificationFailures; // the list it reads, changed only inside the domain
    List<string> notificationFailures = [];

    /// <summary>
    /// The notifications (their send orchestration's id) whose failure is already in <see cref="NotificationFailures"/>,
    /// so that recording it from outside the workflow (<see cref="LifecycleUpkeep.NotificationFailed"/>) is idempotent.
    /// </summary>
    [JsonInclude] public IReadOnlyList<string> NotificationFailureKeys { get => notificationFailureKeys; internal set => notificationFailureKeys = [.. value]; }
    internal List<string> NotificationFailureKeysList => notificationFailureKeys; // the list it reads, changed only inside the domain
    List<string> notificationFailureKeys = [];

    /// <summary>
    /// The ids of the last <see cref="TakenActionIdsKept"/> actions taken (<see cref="ActionRequest.ActionId"/>): an
    /// accepted action reaches the workflow as its event and, should the event be lost, from <see cref="IPendingActions"/>;
    /// the second copy changes nothing.
    /// </summary>
    [JsonInclude] public IReadOnlyList<string> TakenActionIds { get => takenActionIds; internal set => takenActionIds = [.. value]; }
    List<string> takenActionIds = [];

    /// <summary>How many taken action ids are kept (a copy arrives within one execution of the workflow, a few steps later at most).</summary>
    public const int TakenActionIdsKept = 50;

    internal bool HasTaken(string actionId) => takenActionIds.Contains(actionId, StringComparer.Ordinal);

    internal void MarkTaken(string actionId)
    {
        takenActionIds.Add(actionId);
        if (takenActionIds.Count > TakenActionIdsKept)
        {
            takenActionIds.RemoveRange(0, takenActionIds.Count - TakenActionIdsKept);
        }
    }

    /// <summary>The notifications of the last step applied, returned again if that step's activity runs a second time.</summary>
    [JsonInclude] public IReadOnlyList<Notifications.NotificationRequest> LastNotifications { get => lastNotifications; internal set => lastNotifications = [.. value]; }
    internal List<Notifications.NotificationRequest> LastNotificationsList => lastNotifications; // the list it reads, changed only inside the domain
    List<Notifications.NotificationRequest> lastNotifications = [];

    /// <summary>The documents the last step applied issues, returned again if that step's activity runs a second time.</summary>
    [JsonInclude] public IReadOnlyList<string> LastDocuments { get => lastDocuments; internal set => lastDocuments = [.. value]; }
    internal List<string> LastDocumentsList => lastDocuments; // the list it reads, changed only inside the domain
    List<string> lastDocuments = [];

    /// <summary>The refusal (code, message) of the last step, returned again if that step's activity runs a second time.</summary>
    [JsonInclude] public string? LastRefusalCode { get; internal set; }

    [JsonInclude] public string? LastRefusalMessage { get; internal set; }

    /// <summary>Documents that could not be issued (one per kind), retried with the next step; shown to officers and in the inbox.</summary>
    [JsonInclude] public IReadOnlyList<DocumentFailure> DocumentFailures { get => documentFailures; internal set => documentFailures = [.. value]; }
    internal List<DocumentFailure> DocumentFailuresList => documentFailures; // the list it reads, changed only inside the domain
    List<DocumentFailure> documentFailures = [];

    /// <summary>Why the inbox could not be synchronised, while it is behind (cleared when a later sync succeeds).</summary>
    [JsonInclude] public string? InboxFailure { get; internal set; }

    /// <summary>Budget releases the ledger refused while the decision stood (cancellation, evaluation): for officers to reconcile.</summary>
    [JsonInclude] public IReadOnlyList<string> LedgerIssues { get => ledgerIssues; internal set => ledgerIssues = [.. value]; }
    internal List<string> LedgerIssuesList => ledgerIssues; // the list it reads, changed only inside the domain
    List<string> ledgerIssues = [];

    /// <summary>The last step the ledger refused to fund (a commit or disbursement), cleared by the next step applied.</summary>
    [JsonInclude] public string? LastLedgerRefusal { get; internal set; }

    /// <summary>
    /// How many decisions were taken on the file (person's actions the machine processed, applied or refused; notes
    /// excluded): the version pages send back as <c>If-Match</c>, so two people acting on the same version cannot both
    /// be taken. 0 for files from before versions.
    /// </summary>
    [JsonInclude] public int Version { get; internal set; }

    public CheckInRecord? Current => CurrentCheckIn >= 1 && CurrentCheckIn <= CheckIns.Count ? CheckIns[CurrentCheckIn - 1] : null;

    /// <summary>The signed approval decision with its register number (null until a leader records it; null for files approved before signing was recorded).</summary>
    [JsonInclude] public SignedDecisionRecord? SignedDecision { get; internal set; }

    /// <summary>
    /// The tranches made payable (committed) by an accepted check-in or a passed evaluation, each paid when the unit's
    /// accountant records its payment (which disburses). Empty for files whose tranches were disbursed on acceptance.
    /// </summary>
    [JsonInclude] public IReadOnlyList<PayableRecord> Payables { get => payables; internal set => payables = [.. value]; }
    internal List<PayableRecord> PayablesList => payables; // the list it reads, changed only inside the domain
    List<PayableRecord> payables = [];

    /// <summary>The payables not paid yet, oldest first.</summary>
    public IEnumerable<PayableRecord> OpenPayables => payables.Where(p => p.Payment is null);

    public PayableRecord? PayableOf(string? id) => payables.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

/// <summary>
/// A tranche committed and owed (payable): which step made it so (check-in <see cref="CheckIn"/>, or the final
/// evaluation when null), the amount, when it became payable and by when it is to be paid (the policy's
/// <c>PaymentWorkingDays</c> later); then its payment. <see cref="Escalations"/>: how often its overdue payment was escalated.
/// </summary>
public sealed class PayableRecord
{
    /// <summary>"checkin-1", "checkin-2", "final".</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    [JsonInclude] public int? CheckIn { get; internal set; }

    [JsonInclude] public long AmountVnd { get; internal set; }

    [JsonInclude] public DateTimeOffset PayableAtUtc { get; internal set; }

    [JsonInclude] public DateTimeOffset DueUtc { get; internal set; }

    [JsonInclude] public int Escalations { get; internal set; }

    [JsonInclude] public PaymentRecord? Payment { get; internal set; }

    /// <summary>How people name it: "đợt 1 (báo cáo định kỳ lần 1)", "đợt cuối (nghiệm thu)".</summary>
    public string Name => CheckIn is { } n ? $"kinh phí đợt {n} (báo cáo định kỳ lần {n})" : "kinh phí đợt cuối (nghiệm thu)";
}

/// <summary>A payment as the accountant recorded it: the date paid, the amount, the treasury's reference, a note (internal), who and when.</summary>
public sealed record PaymentRecord(DateOnly PaidOn, long AmountVnd, string TreasuryReference, string? Note, string RecordedBy, DateTimeOffset RecordedAtUtc)
{
    /// <summary>The voucher (chứng từ chi), when the accountant attached one: the stored name of a PDF among the application's attachments.</summary>
    public string? File { get; init; }
}

/// <summary>
/// A signed decision as recorded: its number in the year's decision register (sổ văn bản) with the Department's symbol
/// ("15/QĐ-SKHCN"), the date it was signed, the signer, the signed PDF (an attachment of the application), who recorded it
/// and when.
/// </summary>
public sealed record SignedDecisionRecord(int Number, string Symbol, int Year, DateOnly SignedOn, string SignerName, string SignerTitle, string File,
    string RecordedBy, DateTimeOffset RecordedAtUtc)
{
    /// <summary>"15/QĐ-SKHCN".</summary>
    public string NumberAndSymbol => $"{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Symbol}";
}

public sealed record SupplementationRound(int Round, string RequestedBy, IReadOnlyList<string> MissingItems, string? Note,
    DateTimeOffset RequestedAtUtc, DateTimeOffset DeadlineUtc)
{
    [JsonInclude] public DateTimeOffset? ResubmittedAtUtc { get; internal set; }

    [JsonInclude] public string? ResubmissionNote { get; internal set; }

    [JsonInclude] public IReadOnlyList<string>? Attachments { get; internal set; }
}

public sealed record AppraisalRecord(string Appraiser, IReadOnlyList<CriterionScore> Scores, decimal TotalScore, bool RecommendsSupport,
    long RecommendedAmountVnd, string? Comment, DateTimeOffset AtUtc)
{
    /// <summary>The appraiser's stable identity (<see cref="ActionRequest.ActorId"/>); null for appraisals recorded before it existed.</summary>
    public string? AppraiserId { get; init; }
}

/// <summary>A document that could not be issued: which, under which source id, why (for officers), when, how many times.</summary>
public sealed record DocumentFailure(string Kind, string SourceId, string Error, DateTimeOffset AtUtc)
{
    public int Attempts { get; init; } = 1;

    /// <summary>The document's Vietnamese title, for pages.</summary>
    public string? Title { get; init; }
}

public sealed record ApprovalRecord(string Leader, long AmountVnd, int BudgetYear, string? Note, DateTimeOffset AtUtc);

public enum CheckInStatus
{
    Open,
    Submitted,
    RevisionRequested,
    Accepted,
}

public sealed record ReportRecord(string Text, int? PercentDone, long? SpentVnd, IReadOnlyList<string> Attachments, DateTimeOffset AtUtc);

public sealed class CheckInRecord
{
    [JsonInclude] public int Number { get; internal set; }

    [JsonInclude] public DateTimeOffset DueUtc { get; internal set; }

    [JsonInclude] public CheckInStatus Status { get; internal set; }

    [JsonInclude] public IReadOnlyList<ReportRecord> Reports { get => reports; internal set => reports = [.. value]; }
    internal List<ReportRecord> ReportsList => reports; // the list it reads, changed only inside the domain
    List<ReportRecord> reports = [];

    [JsonInclude] public string? ReviewNote { get; internal set; }

    [JsonInclude] public string? ReviewedBy { get; internal set; }

    [JsonInclude] public DateTimeOffset? AcceptedAtUtc { get; internal set; }

    [JsonInclude] public long TrancheVnd { get; internal set; }
}

public sealed record ExtensionRecord(int CheckIn, DateOnly NewDueDate, string? Reason, DateTimeOffset RequestedAtUtc)
{
    [JsonInclude] public bool? Granted { get; internal set; }

    [JsonInclude] public string? DecidedBy { get; internal set; }

    [JsonInclude] public string? DecisionNote { get; internal set; }
}

public sealed record EvaluationRecord(string Leader, bool Passed, IReadOnlyList<CriterionScore> Scores, long FinalAmountVnd, string? Note,
    DateTimeOffset AtUtc)
{
    /// <summary>The result against the kind's evaluation rubric when scores were given (null otherwise).</summary>
    public Catalogue.RubricOutcome? Outcome { get; init; }
}

/// <summary>
/// An evaluation council's verdict on the file: the council, its counted sheets against the kind's evaluation rubric, the
/// rubric's outcome (average per criterion, total), pass or fail, and the final amount it recommends (at most the
/// approved one). Stored with the file: only ever add fields.
/// </summary>
public sealed record CouncilEvaluationRecord(CouncilSummary Council, IReadOnlyList<CouncilSeatSheet> Sheets, Catalogue.RubricOutcome? Outcome, bool Passed,
    long RecommendedAmountVnd, DateTimeOffset AtUtc);

/// <summary>One open officer task: which role must act, on what, by when.</summary>
public sealed record OpenTask(string Role, string Step, DateTimeOffset? DueUtc);
