using Microsoft.DurableTask;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.LifecycleBenchmark;

/// <summary>The smallest durable round trip: one orchestration, one activity.</summary>
public sealed class PingWorkflow : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(nameof(PingActivity), input);
    }
}

public sealed class PingActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}

/// <summary>E-mail left out of the measurement: counts the notifications the lifecycle asks for.</summary>
public sealed class CountingNotifications : INotificationService
{
    static int count;

    public static int Count => count;

    public Task<NotificationOutcome> SendAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return Task.FromResult(new NotificationOutcome(1, 0, []));
    }
}
