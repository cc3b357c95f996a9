namespace NsclWorkflows.Domain.Notifications;

/// <summary>Every event that sends e-mail. Stored by name: only add.</summary>
public enum NotificationEvent
{
    Receipt,
    SupplementationRequested,
    SupplementationReminder,
    ResubmissionReceived,
    AppraisalAssigned,
    AppraisalReminder,
    AppraisalEscalated,
    ApprovalRequested,
    ApprovalReminder,
    ApprovalEscalated,
    Approved,
    Rejected,
    CheckInReminderBefore,
    CheckInReminderDue,
    CheckInReminderOverdue,
    CheckInEscalated,
    CheckInReviewed,
    ExtensionDecided,
    FinalEvaluationResult,
    Withdrawn,
    Expired,
    Cancelled,
    YearEndReportReady,

    /// <summary>An officers' step (completeness review, check-in review, final evaluation) is overdue: to the head of division.</summary>
    StepEscalated,

    /// <summary>A programme activity starts soon: to the officers of its lead unit (the responsible officer named).</summary>
    ActivityStartReminder,

    /// <summary>A programme activity's planned end has passed: its result and spending are asked for.</summary>
    ActivityResultRequested,

    /// <summary>A programme activity's result is still missing after the delay: to the head of division.</summary>
    ActivityResultEscalated,

    /// <summary>A report run asks a lead unit for its figures and narrative (its secret input page).</summary>
    ReportInputRequested,

    /// <summary>A lead unit has not answered and its deadline is near.</summary>
    ReportInputReminder,

    /// <summary>A lead unit did not answer by its deadline: to the head of division; the report goes on without it.</summary>
    ReportInputEscalated,

    /// <summary>The report is due soon and its narrative is not submitted: to the officers.</summary>
    ReportDraftReminder,

    /// <summary>The report is due soon and waits for the leader's approval: to the leaders.</summary>
    ReportApprovalReminder,

    /// <summary>The report's due date passed and it is not approved: to the leaders (repeated weekly, a few times).</summary>
    ReportOverdue,

    /// <summary>Support approved: the leaders are asked to sign and record the decision (the enterprise is told once it is recorded).</summary>
    DecisionSigningRequested,

    /// <summary>The signed decision is not recorded yet and its deadline is near: to the leaders.</summary>
    DecisionSigningReminder,

    /// <summary>The signed decision is still not recorded after its deadline: to the Director's office (the leaders' step is not the division's to chase).</summary>
    DecisionSigningEscalated,

    /// <summary>The accountant recorded the payment of a tranche: to the enterprise (amount, date).</summary>
    PaymentRecorded,

    /// <summary>A payable tranche is not paid yet and its due-by date is near (or today): to the unit's accountants.</summary>
    PaymentReminder,

    /// <summary>A council was founded: each member gets their secret link (declare conflicts of interest, score).</summary>
    CouncilMemberInvited,

    /// <summary>A member has not declared or scored after the policy's working days: reminded (their link again).</summary>
    CouncilMemberReminder,

    /// <summary>Members still have not declared or scored: the unit's leaders are told who.</summary>
    CouncilEscalated,

    /// <summary>The council's session due date passed and it is not closed: the unit's leaders are told (it stays closable).</summary>
    CouncilOverdue,
    /// <summary>A call for applications closed: its files may be appraised together (to the officers of the unit, with their number).</summary>
    CallClosed,

    /// <summary>A closed call is not finalised by its due date: to the officers of the unit.</summary>
    CallFinalisationReminder,

    /// <summary>A closed call is still not finalised after the reminder: to the leaders, who finalise it.</summary>
    CallFinalisationEscalated,

    /// <summary>The Department ordered a task from (or assigned it to) the enterprise: its link, to confirm by the due date (and reminded).</summary>
    AssignmentOffered,

    /// <summary>Results recognised (evaluation passed where the Department issues a recognition decision): the leaders are asked to sign and record it.</summary>
    RecognitionSigningRequested,

    /// <summary>The signed recognition decision is not recorded yet and its deadline is near: to the leaders.</summary>
    RecognitionSigningReminder,

    /// <summary>The signed recognition decision is still not recorded after its deadline: to the Director's office.</summary>
    RecognitionSigningEscalated,
}

/// <summary>Who an e-mail is for. Officers are resolved from configuration by (unit, role); the enterprise from its application.</summary>
public enum NotificationAudience
{
    Enterprise,
    Officers,
    Appraisers,
    Leaders,
    HeadOfDivision,

    /// <summary>A lead unit asked for a report's figures: its addresses configured by (unit, role <c>LeadUnit</c>).</summary>
    LeadUnit,

    /// <summary>
    /// The Director's office (Văn phòng Sở), which follows the leaders' deadlines for the Director: where an overdue
    /// approval is escalated (a head of division does not direct the Department's leaders). Role <c>DirectorsOffice</c>.
    /// </summary>
    DirectorsOffice,

    /// <summary>The unit's accountants (kế toán), who record payments. Role <c>Accountant</c>.</summary>
    Accountants,

    /// <summary>
    /// One council member (not an officer of the directory): the address, name and title are the request's facts
    /// <c>memberEmail</c>, <c>memberName</c>, <c>memberTitle</c>, as the leader entered them when founding the council.
    /// </summary>
    CouncilMember,
}

/// <summary>
/// One notification asked for by a workflow. (ApplicationId, Event, Occurrence, recipient) identifies one e-mail:
/// the same request sent twice sends once. <see cref="Occurrence"/> tells repeats of an event apart ("checkin-2",
/// "reminder-3d"); <see cref="Facts"/> are the values the template shows (already formatted for people, or raw
/// values the renderer formats by name). Only ever add fields: requests are stored in workflow history.
/// </summary>
public sealed record NotificationRequest(
    string ApplicationId,
    NotificationEvent Event,
    string Occurrence,
    NotificationAudience Audience,
    string Unit,
    IReadOnlyDictionary<string, string> Facts);

/// <summary>A notification's identity within its application: a hash of its event, occurrence and audience.</summary>
public static class NotificationIdentity
{
    /// <summary>24 hex characters; the same request always gives the same hash (its workflow's id and its parked row use it).</summary>
    public static string Hash(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var identity = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{request.Event}|{request.Occurrence}|{request.Audience}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)).AsSpan(0, 12));
    }
}

/// <summary>What happened to one request: per recipient, sent, skipped as already sent, or failed with the provider's reason.</summary>
public sealed record NotificationOutcome(int Sent, int AlreadySent, IReadOnlyList<string> Failures)
{
    public static readonly NotificationOutcome Nothing = new(0, 0, []);
}

/// <summary>Sends (or records) notifications. Throws <see cref="TransientNotificationException"/> when a retry may succeed.</summary>
public interface INotificationService
{
    Task<NotificationOutcome> SendAsync(NotificationRequest request, CancellationToken cancellationToken);
}

/// <summary>The provider could not take the message now (429, 5xx, timeout): the caller retries with backoff.</summary>
public sealed class TransientNotificationException : Exception
{
    public TransientNotificationException()
    {
    }

    public TransientNotificationException(string message) : base(message)
    {
    }

    public TransientNotificationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
