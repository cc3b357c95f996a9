using Microsoft.Extensions.Logging;

namespace NsclWorkflows.Workflows.Lifecycle;

static partial class Log
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Application {ApplicationId}: inbox not synchronised after step {Sequence}")]
    public static partial void InboxSyncFailed(ILogger logger, Exception exception, string applicationId, int sequence);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Application {ApplicationId}: inbox not synchronised after document {Kind} was issued again")]
    public static partial void InboxSyncAfterDocumentFailed(ILogger logger, Exception exception, string applicationId, string kind);

    [LoggerMessage(EventId = 1471, Level = LogLevel.Warning, Message = "Application {ApplicationId}: money returned to the finalised call {CallId} not released to the item ({Code})")]
    public static partial void ReturnNotReleased(ILogger logger, string applicationId, string callId, string code);
}
