namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// How the system counts progress towards a target from applications (catalogue field <c>targets[].measure</c>):
/// what it counts, from which stage on, and which support kinds. A target without a measure (the TFP contribution)
/// is a figure reported from outside and is never computed. <see cref="KindIds"/> empty means every support kind of
/// the target's budget line.
/// </summary>
public sealed record TargetMeasure(TargetCount Count, TargetStage Stage, IReadOnlyList<string> KindIds, string? Note)
{
    /// <summary>
    /// For <see cref="TargetCount.ActivityOutputs"/>: the output kinds counted (catalogue <c>outputKinds</c>, camelCase
    /// names of <see cref="Activities.ActivityOutputKind"/>, e.g. <c>classesHeld</c>), from the activities of the target's budget line.
    /// </summary>
    public IReadOnlyList<Activities.ActivityOutputKind> OutputKinds { get; init; } = [];
}

/// <summary>What one counted application adds. Stored by name in the catalogue: only add.</summary>
public enum TargetCount
{
    /// <summary>Each application (a task) counts one.</summary>
    Applications,

    /// <summary>Each enterprise counts once, whatever the number of its applications or branches.</summary>
    Enterprises,

    /// <summary>Each application counts its persons (experts nominated in it, at least one).</summary>
    Persons,

    /// <summary>
    /// The quantities of programme activities' outputs (<see cref="TargetMeasure.OutputKinds"/>) on the target's budget
    /// line: classes held, participants, articles… Stage Approved counts every activity not cancelled, Completed only closed ones.
    /// </summary>
    ActivityOutputs,
}

/// <summary>From which point of the lifecycle an application counts.</summary>
public enum TargetStage
{
    /// <summary>Approved and carried out: in implementation, awaiting final evaluation, completed or failed (not cancelled).</summary>
    Approved,

    /// <summary>Evaluated as passed (đạt): for experts, trained and certified.</summary>
    Completed,
}
