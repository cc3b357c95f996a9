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
    readonly List<(string Id, Func<Application, bool> Condition, TaskCompletionSource<Application> Done)> waiters = [];

    /// <summary>Completes when the application, after some write, satisfies <paramref name="condition"/> (checked on every write, no polling).</summary>
    public async Task<Application> WaitUntilAsync(string id, Func<Application, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<Application>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (applications.TryGetValue(id, out var now) && condition(now))
            {
                return now;
            }

            waiters.Add((id, condition, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var state = applications.GetValueOrDefault(id);
            throw new TimeoutException($"Application {id} did not reach the expected state in {timeout}; it is {state?.Status}, audit: "
                + string.Join(" | ", audit.Where(a => a.ApplicationId == id).Select(a => a.Kind + ": " + a.Detail)));
        }
    }

    void Signal(Application application)
    {
        foreach (var waiter in waiters.Where(w => w.Id == application.Id && w.Condition(application)).ToList())
        {
            waiters.Remove(waiter);
            waiter.Done.TrySetResult(application);
        }
    }

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

    Func<AuditEntry, bool>? failAfterWriting;

    /// <summary>The next write whose entry matches is stored, then answered with a timeout (as when storage's answer is lost).</summary>
    public void FailOnceAfterWriting(Func<AuditEntry, bool> match) => failAfterWriting = match;

    int failuresLeft;
    Func<Application, bool>? failWhen;
    Func<Exception>? failWith;

    /// <summary>The next <paramref name="count"/> writes to an application matching <paramref name="when"/> throw <paramref name="error"/> before writing anything.</summary>
    public void FailNextUpdates(int count, Func<Application, bool> when, Func<Exception> error)
    {
        lock (gate)
        {
            (failuresLeft, failWhen, failWith) = (count, when, error);
        }
    }

    /// <summary>How many of the failures <see cref="FailNextUpdates"/> asked for are still to come.</summary>
    public int FailuresLeft
    {
        get
        {
            lock (gate)
            {
                return failuresLeft;
            }
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

            if (failuresLeft > 0 && failWhen!(application))
            {
                failuresLeft--;
                throw failWith!();
            }

            if (change(application) is { } entry)
            {
                audit.Add(entry);
                Signal(application);
                if (failAfterWriting is { } fail && fail(entry))
                {
                    failAfterWriting = null;
                    throw new TimeoutException("The write's answer was lost.");
                }
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
