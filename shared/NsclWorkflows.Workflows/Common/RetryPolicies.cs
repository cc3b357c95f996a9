using Microsoft.DurableTask;

namespace NsclWorkflows.Workflows.Common;

/// <summary>Retry policies shared by the workflows. Storage hiccups are retried; domain refusals are not.</summary>
public static class RetryPolicies
{
    /// <summary>Storage writes: 5 attempts, 2 s doubling to at most 1 min.</summary>
    public static readonly TaskOptions Storage = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>E-mail: 6 attempts, 5 s doubling to at most 5 min (429, 5xx and timeouts; other 4xx are not thrown).</summary>
    public static readonly TaskOptions Email = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));
}
