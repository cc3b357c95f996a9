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
    string SecretaryName);

/// <summary>A council member or attendee: name, role on the council, organisation.</summary>
public sealed record CouncilMember(string Name, string Role, string Organisation);

/// <summary>One criterion: what was committed, what was achieved, and whether the council finds it met.</summary>
public sealed record EvaluationCriterionResult(string Criterion, string Committed, string Achieved, bool Met);

/// <summary>The council's verdict. Stored by name: only add.</summary>
public enum EvaluationOutcome
{
    /// <summary>Đạt.</summary>
    Passed,

    /// <summary>Không đạt.</summary>
    Failed,
}
