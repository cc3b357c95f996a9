namespace NsclWorkflows.Domain.Activities;

/// <summary>Where programme activities are kept.</summary>
public interface IActivityRepository
{
    /// <summary>Adds a new activity; false when the id is already taken.</summary>
    Task<bool> TryAddAsync(ProgrammeActivity activity, CancellationToken cancellationToken);

    Task<ProgrammeActivity?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the activity, asks <paramref name="change"/> what it becomes (null: nothing changes) and stores that only if
    /// nobody changed it meanwhile; otherwise reads again and asks again. Null when the activity does not exist.
    /// </summary>
    Task<ProgrammeActivity?> UpdateAsync(string id, Func<ProgrammeActivity, Task<ProgrammeActivity?>> change, CancellationToken cancellationToken);

    /// <summary>Activities of a year and/or line (null: all).</summary>
    Task<IReadOnlyList<ProgrammeActivity>> ListAsync(int? year, string? lineId, CancellationToken cancellationToken);
}
