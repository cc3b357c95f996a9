using NsclWorkflows.Domain.Aggregates;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// What the workflow keeps in step with an application after each recorded step (through <see cref="IInbox.SyncAsync"/>,
/// retried by the workflow when it fails): the officers' inbox with its search rows, then the programme counters.
/// Both are idempotent, so a retry or a replay of the step changes nothing more.
/// </summary>
public sealed class ApplicationProjections(TableInbox inbox, IProgrammeAggregates aggregates) : IInbox
{
    public async Task SyncAsync(Application application, CancellationToken cancellationToken)
    {
        await inbox.SyncAsync(application, cancellationToken);
        await aggregates.ApplyAsync(application, cancellationToken);
    }

    public Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        inbox.ListAsync(units, roles, cancellationToken);
}
