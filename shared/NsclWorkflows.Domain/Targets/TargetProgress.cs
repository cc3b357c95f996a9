using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// Progress towards one target of section II.2. <see cref="Measured"/> is false for figures the system does not count
/// (the TFP contribution): then the numbers are 0 and <see cref="Met"/> is null. <see cref="AchievedByYear"/> gives what
/// each year added (an enterprise counts in the first year it counted), so its values add up to <see cref="Achieved"/>.
/// <see cref="Pending"/> is what would count once it reaches the stage (still in the lifecycle, not yet there).
/// <see cref="Summary"/> is one Vietnamese sentence for reports.
/// </summary>
public sealed record TargetProgress(
    ProgrammeTarget Target,
    bool Measured,
    decimal Achieved,
    decimal Pending,
    bool? Met,
    IReadOnlyDictionary<int, decimal> AchievedByYear,
    string Summary);
