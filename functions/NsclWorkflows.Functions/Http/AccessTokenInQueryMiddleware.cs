using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using NsclWorkflows.Api.Applications;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Refuses an HTTP request carrying <c>?access=</c> with the same 400 problem the standalone host's endpoint filter
/// returns (<see cref="AccessTokenInQuery"/>); the function is not run.
/// </summary>
public sealed class AccessTokenInQueryMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && AccessTokenInQuery.Refusal(http.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
