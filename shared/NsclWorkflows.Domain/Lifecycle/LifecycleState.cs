namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Everything an application gathers after intake: supplementation rounds, appraisals, the approval, check-ins,
/// the final evaluation, the open tasks officers see in their inbox. Stored as one JSON document with the
/// application row (a projection the workflow keeps; status pages and inboxes read it, never workflow history).
/// Properties are only ever added.
/// </summary>
public sealed class LifecycleState
{
    /// <summary>The unit handling the application: the lead unit of its support kind's budget line.</summary>
    public string Unit { get; set; } = string.Empty;

    public string BudgetLineId { get; set; } = string.Empty;

    /// <summary>
    /// Where the support is funded from when the budget line is lồng ghép (another programme's or unit's budget); null
    /// when it is this plan's budget. Set with the route, from the catalogue: an application funded elsewhere moves no
    /// money in this plan's ledger (<see cref="LifecycleMachine.LedgerMovesFor"/>).
    /// </summary>
    public string? IntegratedFundingFrom { get; set; }

    /// <summary>
    /// The most this application may be recommended or approved (the kind's cap for the persons it nominates), fixed
    /// with the route when the file is received; null: no cap (a lồng ghép line, or a file received before caps).
    /// </summary>
    public long? SupportCapVnd { get; set; }

    /// <summary>Whether the application's money is this plan's: reserved, committed, disbursed and released in the ledger.</summary>
    public bool MovesPlanMoney => IntegratedFundingFrom is null;

    /// <summary>Deadline of the step now waiting for a person (null when nobody is awaited).</summary>
    public DateTimeOffset? StepDueUtc { get; set; }

    /// <summary>Number of escalations of the current step.</summary>
    public int StepEscalations { get; set; }

    public List<SupplementationRound> Supplementations { get; set; } = [];

    public int AppraisalsRequired { get; set; } = 1;

    public List<AppraisalRecord> Appraisals { get; set; } = [];

    public long? RecommendedAmountVnd { get; set; }

    public ApprovalRecord? Approval { get; set; }

    /// <summary>The last approval the ledger refused (kept for the leader to see), cleared by the next decision.</summary>
    public string? LastApprovalRefusal { get; set; }

    public string? RejectionReason { get; set; }

    public List<CheckInRecord> CheckIns { get; set; } = [];

    /// <summary>1-based number of the check-in now open (0 before implementation).</summary>
    public int CurrentCheckIn { get; set; }

    public ExtensionRecord? PendingExtension { get; set; }

    public List<ExtensionRecord> Extensions { get; set; } = [];

    public ReportRecord? FinalReport { get; set; }

    public DateTimeOffset? FinalReportDueUtc { get; set; }

    public EvaluationRecord? Evaluation { get; set; }

    public long CommittedVnd { get; set; }

    public long DisbursedVnd { get; set; }

    public string? ClosingReason { get; set; }

    /// <summary>SHA-256 (hex) of the enterprise's access token; null for applications from before hashed tokens.</summary>
    public string? AccessTokenHash { get; set; }

    /// <summary>Generation of the access link; revoking a link moves to the next one.</summary>
    public int AccessGeneration { get; set; }

    public DateTimeOffset? AccessRevokedAtUtc { get; set; }

    /// <summary>Officer tasks open now, as written to the inbox (kept so the next change can remove them).</summary>
    public List<OpenTask> OpenTasks { get; set; } = [];

    /// <summary>Notifications that could not be delivered (permanent provider refusals), for status page and inbox.</summary>
    public List<string> NotificationFailures { get; set; } = [];

    /// <summary>The notifications of the last step applied, returned again if that step's activity runs a second time.</summary>
    public List<Notifications.NotificationRequest> LastNotifications { get; set; } = [];

    /// <summary>The documents the last step applied issues, returned again if that step's activity runs a second time.</summary>
    public List<string> LastDocuments { get; set; } = [];

    /// <summary>The refusal (code, message) of the last step, returned again if that step's activity runs a second time.</summary>
    public string? LastRefusalCode { get; set; }

    public string? LastRefusalMessage { get; set; }

    /// <summary>Documents that could not be issued (one per kind), retried with the next step; shown to officers and in the inbox.</summary>
    public List<DocumentFailure> DocumentFailures { get; set; } = [];

    /// <summary>Why the inbox could not be synchronised, while it is behind (cleared when a later sync succeeds).</summary>
    public string? InboxFailure { get; set; }

    /// <summary>Budget releases the ledger refused while the decision stood (cancellation, evaluation): for officers to reconcile.</summary>
    public List<string> LedgerIssues { get; set; } = [];

    /// <summary>The last step the ledger refused to fund (a commit or disbursement), cleared by the next step applied.</summary>
    public string? LastLedgerRefusal { get; set; }

    /// <summary>
    /// How many decisions were taken on the file (person's actions the machine processed, applied or refused; notes
    /// excluded): the version pages send back as <c>If-Match</c>, so two people acting on the same version cannot both
    /// be taken. 0 for files from before versions.
    /// </summary>
    public int Version { get; set; }

    public CheckInRecord? Current => CurrentCheckIn >= 1 && CurrentCheckIn <= CheckIns.Count ? CheckIns[CurrentCheckIn - 1] : null;
}

public sealed record SupplementationRound(int Round, string RequestedBy, IReadOnlyList<string> MissingItems, string? Note,
    DateTimeOffset RequestedAtUtc, DateTimeOffset DeadlineUtc)
{
    public DateTimeOffset? ResubmittedAtUtc { get; set; }

    public string? ResubmissionNote { get; set; }

    public IReadOnlyList<string>? Attachments { get; set; }
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
    public int Number { get; set; }

    public DateTimeOffset DueUtc { get; set; }

    public CheckInStatus Status { get; set; }

    public List<ReportRecord> Reports { get; set; } = [];

    public string? ReviewNote { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? AcceptedAtUtc { get; set; }

    public long TrancheVnd { get; set; }
}

public sealed record ExtensionRecord(int CheckIn, DateOnly NewDueDate, string? Reason, DateTimeOffset RequestedAtUtc)
{
    public bool? Granted { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }
}

public sealed record EvaluationRecord(string Leader, bool Passed, IReadOnlyList<CriterionScore> Scores, long FinalAmountVnd, string? Note,
    DateTimeOffset AtUtc);

/// <summary>One open officer task: which role must act, on what, by when.</summary>
public sealed record OpenTask(string Role, string Step, DateTimeOffset? DueUtc);
