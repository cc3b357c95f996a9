using Microsoft.Extensions.Logging;

namespace NsclWorkflows.Workflows.Intake;

static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Application {ApplicationId}: completeness accepted")]
    public static partial void Decided(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Application {ApplicationId}: completeness review deadline passed, expired")]
    public static partial void Expired(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Application {ApplicationId}: receipt acknowledged again (activity re-executed)")]
    public static partial void ReceiptRepeated(ILogger logger, string applicationId);
}
