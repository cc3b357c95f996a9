namespace NsclWorkflows.Domain.Notifications;

/// <summary>
/// E-mails that could not be sent when their step or reminder asked for them (the provider failing: 429, 5xx, timeouts),
/// kept until a sweep sends them, or records their failure once they have waited too long. One row per notification
/// (application, event, occurrence, audience): parking the same one twice keeps the first.
/// </summary>
public interface IParkedEmails
{
    /// <summary>Keeps the notification unless it is kept already (the first time and reason stay).</summary>
    Task ParkAsync(NotificationRequest request, string reason, DateTimeOffset parkedAtUtc, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> kept notifications, the oldest first.</summary>
    Task<IReadOnlyList<ParkedEmail>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Removes the notification's row; nothing happens when it is gone already.</summary>
    Task RemoveAsync(NotificationRequest request, CancellationToken cancellationToken);
}

/// <summary>A parked notification, when it was parked and why.</summary>
public sealed record ParkedEmail(NotificationRequest Request, string Reason, DateTimeOffset ParkedAtUtc);
