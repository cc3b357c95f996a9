namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// Whether the Department issues a decision recognising the results of a task (quyết định công nhận kết quả thực hiện
/// nhiệm vụ) after a passed final evaluation (catalogue <c>recognitionPolicy</c>). When it does, a passed evaluation
/// produces the draft decision, which a leader signs and records (numbered in the decision register like the approval
/// decision) before the enterprise is told the result. The plan does not say: the Department's (<see cref="Source"/>).
/// </summary>
public sealed record RecognitionPolicy(bool IssuesDecision, CapSource Source, string? Note)
{
    /// <summary>Absent from the catalogue: no recognition decision (the result is told with the evaluation).</summary>
    public static RecognitionPolicy DepartmentDefault { get; } = new(false, CapSource.DepartmentDefault, null);
}
