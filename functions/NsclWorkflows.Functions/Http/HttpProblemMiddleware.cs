using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// An unexpected exception in an HTTP function becomes the same 500 problem (Vietnamese text) the standalone host's
/// exception handler returns, instead of the Functions host's empty 500.
/// </summary>
public sealed partial class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public static bool IsHttpTrigger(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase));
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false })
        {
            LogFailed(logger, ex, context.FunctionDefinition.Name);
            var http = context.GetHttpContext()!;
            await ApiProblem.InternalError().ExecuteAsync(http);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Function {FunctionName} failed")]
    static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}
