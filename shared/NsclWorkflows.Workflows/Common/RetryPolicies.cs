using Microsoft.DurableTask;

namespace NsclWorkflows.Workflows.Common;

/// <summary>Retry policies of the activities, in one place.</summary>
public static class RetryPolicies
{
    /// <summary>Storage writes: 5 attempts, 2 s doubling to at most 1 min.</summary>
    public static readonly TaskOptions Storage = Doubling(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), transientOnly: false);

    /// <summary>
    /// A lifecycle write the workflow cannot go on without (a step, a failed e-mail's record): like <see cref="Storage"/>
    /// for what may pass by itself; anything else (a defect) fails the call at once, and the workflow's rounds
    /// (<see cref="ActivityRounds"/>) decide: try again later, or record an action that cannot be taken.
    /// </summary>
    public static readonly TaskOptions Writes = Doubling(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), transientOnly: true);

    /// <summary>
    /// E-mail: 6 attempts, 5 s doubling to at most 5 min, for what may pass by itself: the provider's 429, 5xx and
    /// timeouts (<c>TransientNotificationException</c>), and the network or storage failing on the way. A defect (a
    /// template with a missing value, a bad setting) fails at once: retrying it for minutes would only delay the
    /// failure being recorded on the application. Other 4xx answers are not thrown at all (recorded as failed).
    /// </summary>
    public static readonly TaskOptions Email = Doubling(6, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), transientOnly: true);

    /// <summary>
    /// Documents and the inbox projection: like <see cref="Storage"/> for what may pass by itself (storage, network,
    /// timeouts); a document that cannot be built from the stored data (a defect, hostile text) or a projection defect
    /// fails at once and is recorded on the application.
    /// </summary>
    public static readonly TaskOptions Projections = Doubling(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), transientOnly: true);

    /// <summary><paramref name="attempts"/> attempts, the wait doubling from <paramref name="first"/> to at most <paramref name="max"/>; only transient failures retried when <paramref name="transientOnly"/>.</summary>
    static TaskOptions Doubling(int attempts, TimeSpan first, TimeSpan max, bool transientOnly) =>
        TaskOptions.FromRetryPolicy(transientOnly
            ? new RetryPolicy(attempts, first, backoffCoefficient: 2, maxRetryInterval: max) { HandleFailure = IsTransient }
            : new RetryPolicy(attempts, first, backoffCoefficient: 2, maxRetryInterval: max));

    /// <summary>Exception types (full names, as the failure details carry them) that may succeed when tried again.</summary>
    static readonly HashSet<string> TransientTypes = new(StringComparer.Ordinal)
    {
        typeof(Domain.Notifications.TransientNotificationException).FullName!,
        "Azure.RequestFailedException", // storage (the adapters' SDK; this project does not reference it)
        typeof(HttpRequestException).FullName!,
        typeof(System.Net.Sockets.SocketException).FullName!,
        typeof(IOException).FullName!,
        typeof(TimeoutException).FullName!,
        typeof(TaskCanceledException).FullName!,
        typeof(OperationCanceledException).FullName!,
    };

    /// <summary>Whether an exception (or one it wraps) may pass when tried again: the same types as <see cref="IsTransient(TaskFailureDetails)"/>.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (TransientTypes.Contains(e.GetType().FullName!))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a failed e-mail activity is worth another attempt (its exception or one it wraps is transient).</summary>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (TransientTypes.Contains(f.ErrorType))
            {
                return true;
            }
        }

        return false;
    }
}
