namespace NsclWorkflows.Domain.Calls;

/// <summary>Where calls for applications are kept, with the index of the applications each received.</summary>
public interface ICallRepository
{
    /// <summary>Adds a new call; false when the id is already taken.</summary>
    Task<bool> TryAddAsync(Call call, CancellationToken cancellationToken);

    Task<Call?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the call, asks <paramref name="change"/> what it becomes (null: nothing changes) and stores that only if
    /// nobody changed it meanwhile; otherwise reads again and asks again. Null when the call does not exist.
    /// </summary>
    Task<Call?> UpdateAsync(string id, Func<Call, Task<Call?>> change, CancellationToken cancellationToken);

    /// <summary>Every call, newest first (a programme has a few a year).</summary>
    Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="applicationId"/> was submitted to the call (idempotent).</summary>
    Task AddApplicationAsync(string callId, string applicationId, CancellationToken cancellationToken);

    /// <summary>The ids of the applications submitted to the call, in the order received.</summary>
    Task<IReadOnlyList<string>> ApplicationIdsAsync(string callId, CancellationToken cancellationToken);
}
