namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What the final-evaluation minutes (biên bản nghiệm thu) record: the task, the council and who attended, the results
/// the enterprise reported against each criterion, the council's outcome (đạt / không đạt), conclusion and
/// recommendations, and the amount accepted for settlement. Amounts in đồng (VND).
/// </summary>
public sealed record EvaluationMinutesData(
    DocumentHeader Header,
    ApplicationSummary Application,
    string DecisionReference,
    long ApprovedAmountVnd,
    DateTimeOffset HeldAt,
    string Location,
    IReadOnlyList<CouncilMember> Members,
    IReadOnlyList<EvaluationCriterionResult> Results,
    EvaluationOutcome Outcome,
    string Conclusion,
    IReadOnlyList<string> Recommendations,
    long AcceptedAmountVnd,
    string ChairName,
    string SecretaryName)
{
    /// <summary>Scores per criterion against the kind's evaluation rubric, each with the rubric's verdict (a mandatory criterion at its minimum).</summary>
    public bool ScoredAgainstRubric { get; init; }

    /// <summary>
    /// When the meeting closed ("Cuộc họp kết thúc lúc … giờ … phút"); null when not recorded. When it equals
    /// <see cref="HeldAt"/> (only the close was recorded), the opening line gives the date without a time.
    /// </summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Who evaluates and issues the minutes (the unit that handles the file).</summary>
    public DocumentIssuer Issuer { get; init; } = DocumentIssuer.Department;

    /// <summary>The evaluation council (founding decision, members and roles, recusals, the meeting); null when the leader evaluated without one.</summary>
    public Lifecycle.CouncilSummary? Council { get; init; }

    /// <summary>Each counted member's sheet (name, role, scores per criterion, comment, amount recommended), when a council evaluated.</summary>
    public IReadOnlyList<AppraiserAssessment> MemberSheets { get; init; } = [];
}

/// <summary>A council member or attendee: name, role on the council, organisation.</summary>
public sealed record CouncilMember(string Name, string Role, string Organisation);

/// <summary>
/// One criterion: what was committed (or its maximum score), what was achieved (or the score given), and whether the
/// council finds it met; <see cref="Met"/> is null when no verdict per criterion was recorded (scores only).
/// </summary>
public sealed record EvaluationCriterionResult(string Criterion, string Committed, string Achieved, bool? Met);

/// <summary>The council's verdict. Stored by name: only add.</summary>
public enum EvaluationOutcome
{
    /// <summary>Đạt.</summary>
    Passed,

    /// <summary>Không đạt.</summary>
    Failed,
}
