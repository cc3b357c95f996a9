using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Workflows.Tests;

/// <summary>
/// Fake of <see cref="IApplicationRepository"/> for orchestrator tests. The real one (Table storage) is tested on
/// Azurite in the integration tests with the same behaviours: duplicate add refused, change + audit together.
/// </summary>
sealed class InMemoryApplicationRepository : IApplicationRepository
{
    readonly Lock gate = new();
    readonly Dictionary<string, Application> applications = [];
    readonly List<AuditEntry> audit = [];

    public Task<bool> TryAddAsync(Application application, AuditEntry firstEntry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!applications.TryAdd(application.Id, application))
            {
                return Task.FromResult(false);
            }

            audit.Add(firstEntry);
            return Task.FromResult(true);
        }
    }

    public Task<Application?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(applications.GetValueOrDefault(id));
        }
    }

    public Task<Application?> UpdateAsync(string id, Func<Application, AuditEntry?> change, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!applications.TryGetValue(id, out var application))
            {
                return Task.FromResult<Application?>(null);
            }

            if (change(application) is { } entry)
            {
                audit.Add(entry);
            }

            return Task.FromResult<Application?>(application);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(audit.Where(a => a.ApplicationId == applicationId).ToList());
        }
    }
}
