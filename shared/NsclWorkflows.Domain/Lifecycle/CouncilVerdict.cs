namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// A council's conclusion on one application, as the action <c>record-council-result</c> carries it (in workflow
/// history: only ever add fields): who the council was and each counted member's sheet. The outcome is computed from
/// the sheets by the machine, as for appraisers' sheets.
/// </summary>
public sealed record CouncilVerdict(CouncilSummary Summary, IReadOnlyList<CouncilSeatSheet> Sheets);

/// <summary>
/// The council that appraised a file, kept on its <see cref="LifecycleState.Council"/>: its founding decision, its
/// members and roles (recused ones with their reason), the meeting's start and end. Officers only (the enterprise's copy
/// of the state leaves it out). Only ever add fields.
/// </summary>
public sealed record CouncilSummary(
    string CouncilId,
    string Name,
    string DecisionNumber,
    DateOnly DecisionSignedOn,
    string DecisionSigner,
    string? DecisionSignerTitle,
    IReadOnlyList<CouncilSeat> Members,
    DateTimeOffset MeetingStartUtc,
    DateTimeOffset MeetingEndUtc)
{
    /// <summary>The call the council appraised (a label).</summary>
    public string? CallId { get; init; }

    /// <summary>The members needed to conclude (of all members), as the policy said when it closed.</summary>
    public int Quorum { get; init; }

    /// <summary>Who closed the session (the secretary).</summary>
    public string? ClosedBy { get; init; }
}

/// <summary>
/// A member as the file records them: name, title, organisation, role (<c>chair</c>, <c>vice-chair</c>, <c>secretary</c>,
/// <c>reviewer</c>, <c>member</c>), whether their sheet counted, and the reason when they recused.
/// </summary>
public sealed record CouncilSeat(string MemberId, string FullName, string? Title, string? Organisation, string Role, bool Counted, string? RecusalReason)
{
    /// <summary>The role in Vietnamese ("Chủ tịch Hội đồng", "Ủy viên phản biện").</summary>
    public string RoleText => Councils.CouncilRules.ParseRole(Role) is { } role ? Councils.CouncilRules.RoleText(role) : Role;
}

/// <summary>A counted member's sheet on this file.</summary>
public sealed record CouncilSeatSheet(string MemberId, IReadOnlyList<CriterionScore> Scores, bool RecommendsSupport, long RecommendedAmountVnd, string? Comment,
    DateTimeOffset AtUtc);
