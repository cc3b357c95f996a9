namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// A resource made once per process on first use (a table or blob container created if missing), shared by concurrent
/// callers while it is being made. Unlike <see cref="Lazy{T}"/> over a task, a failure is not kept: the next call tries
/// again, so storage that was unreachable at the first request does not break every later one until a restart.
/// </summary>
public sealed class CreatedOnce<T>(Func<Task<T>> create)
{
    readonly Lock gate = new();
    Task<T>? current;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (gate)
        {
            if (current is null || current.IsFaulted || current.IsCanceled)
            {
                current = create();
            }

            task = current;
        }

        return task.WaitAsync(cancellationToken);
    }
}
