namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What the decision recognising the results of a task (quyết định công nhận kết quả thực hiện nhiệm vụ) says: the
/// task and its beneficiary, the approval it carried out, the evaluation (by a council, named with its founding decision,
/// or by the Department), the result (đạt) and the amount accepted for settlement; Điều 2 the settlement, Điều 3
/// enforcement. <see cref="IsDraft"/> marks the draft put to the leader. Amounts in đồng (VND).
/// </summary>
public sealed record RecognitionDecisionData(
    DocumentHeader Header,
    Signatory Signatory,
    ApplicationSummary Application,
    IReadOnlyList<string> LegalBases,
    string ApprovalReference,
    string EvaluationReference,
    long ApprovedAmountVnd,
    long AcceptedAmountVnd,
    IReadOnlyList<string> Recipients,
    bool IsDraft = true)
{
    /// <summary>Who issues it (the unit that handles the file): its director decides, its division proposes.</summary>
    public DocumentIssuer Issuer { get; init; } = DocumentIssuer.Department;
}
