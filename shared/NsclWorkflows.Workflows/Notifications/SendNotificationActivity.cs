using Microsoft.DurableTask;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Workflows.Notifications;

/// <summary>
/// Sends one notification through <see cref="INotificationService"/>. Transient provider failures throw and are
/// retried by <see cref="Common.RetryPolicies.Email"/>; permanent ones come back in the outcome (recorded, not retried).
/// Exactly-once per recipient is the service's job (its idempotency record), so a re-executed activity sends nothing twice.
/// </summary>
public sealed class SendNotificationActivity(INotificationService notifications) : TaskActivity<NotificationRequest, NotificationOutcome>
{
    public override Task<NotificationOutcome> RunAsync(TaskActivityContext context, NotificationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return notifications.SendAsync(input, CancellationToken.None);
    }
}
