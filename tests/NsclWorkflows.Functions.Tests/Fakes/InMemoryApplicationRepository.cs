using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Functions.Tests.Fakes;

/// <summary>Applications in a dictionary, with the audit trail each change wrote.</summary>
sealed class InMemoryApplicationRepository : IApplicationRepository
{
    readonly Dictionary<string, Application> applications = new(StringComparer.Ordinal);
    readonly List<AuditEntry> audit = [];

    public IReadOnlyList<AuditEntry> Audit => audit;

    public Application Get(string id) => applications[id];

    public Task<bool> TryAddAsync(Application application, AuditEntry firstEntry, CancellationToken cancellationToken)
    {
        if (!applications.TryAdd(application.Id, application))
        {
            return Task.FromResult(false);
        }

        audit.Add(firstEntry);
        return Task.FromResult(true);
    }

    public Task<Application?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(applications.GetValueOrDefault(id));

    public Task<Application?> UpdateAsync(string id, Func<Application, AuditEntry?> change, CancellationToken cancellationToken)
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

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(audit.Where(a => a.ApplicationId == applicationId).ToList());
}
