using System.Collections.Concurrent;
using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Workflows.Tests.Calls;

/// <summary>Calls in memory. The Table adapter is tested on Azurite (through the host).</summary>
sealed class InMemoryCallRepository : ICallRepository
{
    readonly ConcurrentDictionary<string, Call> items = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, List<string>> applications = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public Task<bool> TryAddAsync(Call call, CancellationToken cancellationToken) => Task.FromResult(items.TryAdd(call.Id, call));

    public Task<Call?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(items.TryGetValue(id, out var c) ? c : null);

    public async Task<Call?> UpdateAsync(string id, Func<Call, Task<Call?>> change, CancellationToken cancellationToken)
    {
        if (!items.TryGetValue(id, out var current))
        {
            return null;
        }

        var updated = await change(current);
        if (updated is null)
        {
            return current;
        }

        items[id] = updated;
        return updated;
    }

    public Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Call>>([.. items.Values]);

    public Task AddApplicationAsync(string callId, string applicationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var list = applications.GetOrAdd(callId, _ => []);
            if (!list.Contains(applicationId))
            {
                list.Add(applicationId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ApplicationIdsAsync(string callId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(applications.TryGetValue(callId, out var list) ? [.. list] : []);
        }
    }
}
