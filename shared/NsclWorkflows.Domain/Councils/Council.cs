using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Councils;

/// <summary>What a council is set up for: appraising applications (tư vấn tuyển chọn, thẩm định) or evaluating results (nghiệm thu).</summary>
public enum CouncilPurpose
{
    Appraisal,
    Evaluation,
}

/// <summary>A member's role on the council. Stored by name: only add.</summary>
public enum CouncilRole
{
    /// <summary>Chủ tịch hội đồng: exactly one.</summary>
    Chair,

    /// <summary>Phó Chủ tịch hội đồng.</summary>
    ViceChair,

    /// <summary>Thư ký khoa học: exactly one; closes the session.</summary>
    Secretary,

    /// <summary>Ủy viên phản biện.</summary>
    Reviewer,

    /// <summary>Ủy viên.</summary>
    Member,
}

/// <summary>Where a council stands. Stored by name: only add.</summary>
public enum CouncilState
{
    /// <summary>Members declare and score; the secretary may close the session once the quorum is met.</summary>
    Open,

    /// <summary>The secretary closed the session; the result of each application is delivered to its file.</summary>
    Closed,
}

/// <summary>The leader's decision founding the council (quyết định thành lập hội đồng): number and symbol, date, signer.</summary>
public sealed record FoundingDecision(string Number, DateOnly SignedOn, string SignerName, string? SignerTitle);

/// <summary>
/// A council (hội đồng tư vấn) of a unit, founded by a leader's decision for one or many applications (those of a call,
/// say: <see cref="CallId"/> is a label, not checked here). Each member declares a conflict of interest first, then
/// scores each application against its kind's rubric; the secretary closes the session, and each application's
/// result is delivered to its file. Stored whole as JSON: properties are only ever added.
/// </summary>
public sealed record Council
{
    public required string Id { get; init; }

    /// <summary>The unit whose officers founded it and follow it (the applications' unit).</summary>
    public required string Unit { get; init; }

    public CouncilPurpose Purpose { get; init; }

    /// <summary>"Hội đồng tư vấn tuyển chọn, thẩm định nhiệm vụ …".</summary>
    public required string Name { get; init; }

    /// <summary>The call the council appraises, as a label (not validated: calls are another part's).</summary>
    public string? CallId { get; init; }

    public required FoundingDecision Decision { get; init; }

    public IReadOnlyList<CouncilMember> Members { get; init; } = [];

    public IReadOnlyList<CouncilApplication> Applications { get; init; } = [];

    /// <summary>The session's due date (Vietnam local date): then the leaders are told; the council stays closable.</summary>
    public DateOnly SessionDueDate { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public DateTimeOffset CreatedAtUtc { get; init; }

    public CouncilState State { get; init; }

    /// <summary>When the session's due date passed with the council still open (it stays closable).</summary>
    public DateTimeOffset? OverdueAtUtc { get; init; }

    /// <summary>The meeting's start and end, as the secretary records them when closing.</summary>
    public DateTimeOffset? MeetingStartUtc { get; init; }

    public DateTimeOffset? MeetingEndUtc { get; init; }

    public string? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAtUtc { get; init; }

    /// <summary>What happened to the council (e-mails, reminders, escalations, deliveries), for officers.</summary>
    public IReadOnlyList<CouncilNote> Journal { get; init; } = [];

    public CouncilMember? Member(string memberId) => Members.FirstOrDefault(m => m.Id == memberId);

    public CouncilApplication? Application(string applicationId) => Applications.FirstOrDefault(a => a.ApplicationId == applicationId);

    public CouncilMember Chair => Members.Single(m => m.Role == CouncilRole.Chair);

    public CouncilMember Secretary => Members.Single(m => m.Role == CouncilRole.Secretary);
}

/// <summary>One member: who, their title and organisation, e-mail, role; their declaration and sheets; when they were mailed, reminded, escalated.</summary>
public sealed record CouncilMember(string Id, string FullName, string? Title, string? Organisation, string Email, CouncilRole Role)
{
    /// <summary>SHA-256 (hex) of the member's secret link token; the token itself is never stored.</summary>
    public string? TokenHash { get; init; }

    /// <summary>The random nonce the member's link token is derived with (with the server key): a new one revokes the link.</summary>
    public string? LinkNonce { get; init; }

    public CouncilDeclaration? Declaration { get; init; }

    public IReadOnlyList<CouncilSheet> Sheets { get; init; } = [];

    public DateTimeOffset? MailedAtUtc { get; init; }

    public DateTimeOffset? RemindedAtUtc { get; init; }

    public DateTimeOffset? EscalatedAtUtc { get; init; }

    /// <summary>Whether the member recused from the application (or from the whole council).</summary>
    public bool RecusedFrom(string applicationId) =>
        Declaration is { HasConflict: true } d && (d.ApplicationId is null || d.ApplicationId == applicationId);

    /// <summary>Whether the member may score the application: declared, and not recused from it.</summary>
    public bool MayScore(string applicationId) => Declaration is not null && !RecusedFrom(applicationId);

    public CouncilSheet? SheetFor(string applicationId) => Sheets.FirstOrDefault(s => s.ApplicationId == applicationId);
}

/// <summary>
/// A member's conflict-of-interest declaration: no conflict, or recused (with a reason) from one application
/// (<see cref="ApplicationId"/>) or from the whole council (null).
/// </summary>
public sealed record CouncilDeclaration(bool HasConflict, string? ApplicationId, string? Reason, DateTimeOffset AtUtc);

/// <summary>A member's score sheet for one application against its kind's rubric (checked and normalised by it).</summary>
public sealed record CouncilSheet(string ApplicationId, IReadOnlyList<CriterionScore> Scores, bool RecommendsSupport, long RecommendedAmountVnd, string? Comment,
    DateTimeOffset AtUtc);

/// <summary>An application the council appraises (as it was when the council was founded), and once closed its result and delivery.</summary>
public sealed record CouncilApplication(string ApplicationId, string TrackingCode, string EnterpriseName, string Title, string SupportKindId, long RequestedAmountVnd)
{
    /// <summary>The cap the recommendation must respect (fixed when the file was received); null: none.</summary>
    public long? CapVnd { get; init; }

    public CouncilResult? Result { get; init; }

    /// <summary>When the result was kept for the application's workflow (the action <c>record-council-result</c>).</summary>
    public DateTimeOffset? DeliveredAtUtc { get; init; }
}

/// <summary>The council's result on one application: the rubric's outcome over the counted sheets, the recommended amount, who counted.</summary>
public sealed record CouncilResult(RubricOutcome? Outcome, long RecommendedAmountVnd, IReadOnlyList<string> CountedMemberIds);

/// <summary>A journal line: when, what kind of step, the text, whether it reports a failure.</summary>
public sealed record CouncilNote(DateTimeOffset AtUtc, string Step, string Text, bool Failed);
