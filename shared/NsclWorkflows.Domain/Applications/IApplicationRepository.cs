namespace NsclWorkflows.Domain.Applications;

/// <summary>Where applications live. Implementations do point reads only and refuse lost updates.</summary>
public interface IApplicationRepository
{
    /// <summary>
    /// Stores a new application with its first audit entry, atomically. Returns false (and changes nothing) if one
    /// with that id exists.
    /// </summary>
    Task<bool> TryAddAsync(Application application, AuditEntry firstEntry, CancellationToken cancellationToken);

    Task<Application?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the application and lets <paramref name="change"/> act on it. When it returns an audit entry, the changed
    /// application and that entry are written together (one transaction) only if nobody wrote in between; on a
    /// conflict the whole read-change-write is retried. When it returns null nothing is written.
    /// Returns null if there is no such application.
    /// </summary>
    Task<Application?> UpdateAsync(string id, Func<Application, AuditEntry?> change, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken);
}

/// <summary>
/// Every application, for the rare readers that need them all: the year-end report and the officers' targets
/// progress (a programme has hundreds of applications, not millions). Pages for one application and inboxes never
/// use this: they read one application, or the inbox projection.
/// </summary>
public interface IApplicationDirectory
{
    IAsyncEnumerable<Application> AllAsync(CancellationToken cancellationToken);
}

/// <summary>One line of an application's history: what happened, when, by whom.</summary>
public sealed record AuditEntry(string ApplicationId, DateTimeOffset AtUtc, string Kind, string Actor, string Detail)
{
    /// <summary>The role the actor acted in (Enterprise, Officer, Appraiser, Leader, Admin, system).</summary>
    public string? Role { get; init; }

    /// <summary>Status before the entry's change.</summary>
    public string? FromStatus { get; init; }

    /// <summary>Status after it (equal to <see cref="FromStatus"/> when the status did not change).</summary>
    public string? ToStatus { get; init; }
}

/// <summary>Kinds of audit entries (stable strings).</summary>
public static class AuditKinds
{
    public const string Submitted = "Submitted";
    public const string ReceiptAcknowledged = "ReceiptAcknowledged";

    /// <summary>The receipt activity ran again for an application already acknowledged (at-least-once delivery).</summary>
    public const string ReceiptAcknowledgedAgain = "ReceiptAcknowledgedAgain";
    public const string CompletenessAccepted = "CompletenessAccepted";
    public const string Expired = "Expired";
    public const string SupplementationRequested = "SupplementationRequested";
    public const string SupplementationExpired = "SupplementationExpired";
    public const string Resubmitted = "Resubmitted";
    public const string AppraisalSubmitted = "AppraisalSubmitted";
    public const string Approved = "Approved";
    public const string ApprovalRefused = "ApprovalRefused";
    public const string Rejected = "Rejected";
    public const string CheckInSubmitted = "CheckInSubmitted";
    public const string CheckInAccepted = "CheckInAccepted";
    public const string CheckInRevisionRequested = "CheckInRevisionRequested";
    public const string ExtensionRequested = "ExtensionRequested";
    public const string ExtensionGranted = "ExtensionGranted";
    public const string ExtensionRefused = "ExtensionRefused";
    public const string FinalReportSubmitted = "FinalReportSubmitted";
    public const string EvaluationPassed = "EvaluationPassed";
    public const string EvaluationFailed = "EvaluationFailed";
    public const string Withdrawn = "Withdrawn";
    public const string Cancelled = "Cancelled";
    public const string Escalated = "Escalated";
    public const string ActionIgnored = "ActionIgnored";
    public const string NotificationFailed = "NotificationFailed";

    /// <summary>A document of a step could not be built or stored after its retries; retried at the next step.</summary>
    public const string DocumentFailed = "DocumentFailed";

    /// <summary>A document that had failed was issued on a later attempt.</summary>
    public const string DocumentReissued = "DocumentReissued";

    /// <summary>The officers' inbox could not be brought in line with the application (it catches up at the next step).</summary>
    public const string InboxFailed = "InboxFailed";

    /// <summary>A person's action could not be taken because of a system error (not a refusal): nothing changed; they may act again.</summary>
    public const string ActionFailed = "ActionFailed";

    /// <summary>The inbox is in line with the application again after a failure.</summary>
    public const string InboxRestored = "InboxRestored";

    /// <summary>The budget ledger refused a movement of a step (commit, disburse, release); what it means is in the detail.</summary>
    public const string LedgerRefused = "LedgerRefused";
    public const string AccessLinkRotated = "AccessLinkRotated";

    /// <summary>The signed approval decision was recorded with its number from the decision register; implementation starts.</summary>
    public const string DecisionSigned = "DecisionSigned";

    /// <summary>The accountant recorded the payment of a payable tranche (its treasury reference); it is disbursed in the ledger.</summary>
    public const string PaymentRecorded = "PaymentRecorded";

    /// <summary>The Department ordered a task from, or assigned it directly to, a named enterprise (the file's first entry).</summary>
    public const string Assigned = "Assigned";

    /// <summary>The enterprise confirmed the task ordered from it or assigned to it: appraisal follows.</summary>
    public const string AssignmentConfirmed = "AssignmentConfirmed";

    /// <summary>An evaluation council's verdict was recorded on the file (officers only): the leader's final evaluation follows it.</summary>
    public const string CouncilEvaluated = "CouncilEvaluated";

    /// <summary>The final evaluation passed where a recognition decision follows: recorded for officers; the enterprise is told once it is signed.</summary>
    public const string EvaluationAwaitingRecognition = "EvaluationAwaitingRecognition";

    /// <summary>The signed recognition decision was recorded with its number from the decision register; the enterprise is told the result.</summary>
    public const string RecognitionSigned = "RecognitionSigned";
}
