using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email;

static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} sent to recipient {RecipientHash} on attempt {Attempt}: provider status {Status}, message id {ProviderMessageId}")]
    public static partial void Sent(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string recipientHash, int attempt, int status, string? providerMessageId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} to recipient {RecipientHash} refused for now on attempt {Attempt} ({Reason}); the activity's retry policy will send it again")]
    public static partial void WillRetry(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string recipientHash, int attempt, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} to recipient {RecipientHash} refused for good on attempt {Attempt}: {Reason}")]
    public static partial void Failed(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string recipientHash, int attempt, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} to recipient {RecipientHash} was sent before: not sent again")]
    public static partial void AlreadySent(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string recipientHash);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} to recipient {RecipientHash} was being sent when an earlier run stopped: recorded as unconfirmed and not sent again")]
    public static partial void Unconfirmed(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string recipientHash);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "E-mail {Event} ({Occurrence}) of {ApplicationId} cannot be sent: {Reason}")]
    public static partial void CannotSend(ILogger logger, string applicationId, NotificationEvent @event, string occurrence, string reason);
}
