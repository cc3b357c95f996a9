using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Aggregates;

/// <summary>
/// The programme's counters (<see cref="ProgrammeCounters"/>), kept by the projection as steps are recorded, one set per
/// catalogue version. Until every application has been applied once to the current set (<see cref="IsCompleteAsync"/>),
/// readers count from the applications instead.
/// </summary>
public interface IProgrammeAggregates
{
    /// <summary>Brings the counters in line with the application's current state. Idempotent: the same state twice changes nothing.</summary>
    Task ApplyAsync(Application application, CancellationToken cancellationToken);

    /// <summary>True once every application has been applied to the counters of the current catalogue.</summary>
    Task<bool> IsCompleteAsync(CancellationToken cancellationToken);

    /// <summary>Records that every application has been applied (by the catch-up or the rebuild command).</summary>
    Task MarkCompleteAsync(int applications, CancellationToken cancellationToken);

    /// <summary>Progress of every target from the counters, or null while they are not complete.</summary>
    Task<IReadOnlyList<TargetProgress>?> TargetProgressAsync(int? asOfYear, IReadOnlyList<Activities.ProgrammeActivity>? activities, CancellationToken cancellationToken);
}
