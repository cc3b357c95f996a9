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
}
