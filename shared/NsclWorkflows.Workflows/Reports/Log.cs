using Microsoft.Extensions.Logging;

namespace NsclWorkflows.Workflows.Reports;

static partial class Log
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Year-end report {Year}: version {Version} stored by {InstanceId}")]
    public static partial void ReportStored(ILogger logger, int year, int version, string instanceId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Year-end report {Year}: leaders not notified: {Reason}")]
    public static partial void NotificationFailed(ILogger logger, int year, string reason);
}
