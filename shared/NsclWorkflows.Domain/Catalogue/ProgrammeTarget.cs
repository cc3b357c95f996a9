namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// A target of section II.2 of the plan: "<see cref="Comparison"/> <see cref="Value"/> <see cref="Unit"/> by
/// <see cref="ByYear"/>", with the printed wording. <see cref="BudgetLineId"/> is the line that pays for it, if any.
/// </summary>
public sealed record ProgrammeTarget(
    string Id,
    string Section,
    string Text,
    TargetComparison Comparison,
    decimal Value,
    string Unit,
    int ByYear,
    string? BudgetLineId)
{
    /// <summary>How progress is counted from applications; null when the figure comes from outside (e.g. TFP).</summary>
    public TargetMeasure? Measure { get; init; }
}
