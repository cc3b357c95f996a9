using System.Collections.Concurrent;
using NsclWorkflows.Domain.Activities;

namespace NsclWorkflows.Workflows.Tests.Activities;

/// <summary>Activities in memory, with an optional failure to imitate storage down. The Table adapter is tested on Azurite.</summary>
sealed class InMemoryActivityRepository : IActivityRepository
{
    readonly ConcurrentDictionary<string, ProgrammeActivity> items = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public bool Failing { get; set; }

    public Task<bool> TryAddAsync(ProgrammeActivity activity, CancellationToken cancellationToken) => Task.FromResult(items.TryAdd(activity.Id, activity));

    public Task<ProgrammeActivity?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryGetValue(id, out var a) ? a : null);

    public async Task<ProgrammeActivity?> UpdateAsync(string id, Func<ProgrammeActivity, Task<ProgrammeActivity?>> change, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("storage is down (test)");
        }

        if (!items.TryGetValue(id, out var current))
        {
            return null;
        }

        var updated = await change(current);
        if (updated is null)
        {
            return current;
        }

        lock (gate)
        {
            items[id] = updated;
        }

        return updated;
    }

    public Task<IReadOnlyList<ProgrammeActivity>> ListAsync(int? year, string? lineId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProgrammeActivity>>([.. items.Values.Where(a => (year is null || a.Year == year) && (lineId is null || a.LineId == lineId))]);
}
