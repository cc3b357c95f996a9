namespace NsclWorkflows.Domain.Notifications;

/// <summary>Where one e-mail (one request, one recipient) stands. Stored by name: only add.</summary>
public enum NotificationState
{
    /// <summary>Claimed and being handed to the provider; the outcome is not known yet.</summary>
    Sending,

    /// <summary>The provider accepted it (2xx).</summary>
    Sent,

    /// <summary>The provider refused it for now (429, 5xx, timeout); the workflow's retry policy sends it again.</summary>
    Retrying,

    /// <summary>Refused for good (other 4xx, no recipient configured, template error); not retried.</summary>
    Failed,

    /// <summary>
    /// A re-executed activity found it still <see cref="Sending"/>: the process stopped between handing it to the
    /// provider and recording the answer. It is not sent again (at most once); it may or may not have gone out.
    /// </summary>
    Unconfirmed,
}

/// <summary>One e-mail of an application as recorded: who, which event, what happened, and the provider's reason when refused.</summary>
public sealed record NotificationRecord(
    string ApplicationId,
    NotificationEvent Event,
    string Occurrence,
    NotificationAudience Audience,
    string Recipient,
    string Subject,
    NotificationState State,
    int Attempts,
    int? ProviderStatus,
    string? Reason,
    DateTimeOffset CreatedAtUtc,
    DateTimeOffset UpdatedAtUtc);

/// <summary>Reads the e-mails recorded for an application, for its status page and the officers' inbox.</summary>
public interface INotificationLog
{
    /// <summary>Every e-mail recorded for the application, oldest first.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(string applicationId, CancellationToken cancellationToken);
}
