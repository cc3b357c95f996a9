using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Before any HTTP function: when <see cref="Refusal"/> has an answer for the request, that answer is written and the
/// function never runs. The rule itself lives in the shared API code, so both hosts refuse alike.
/// </summary>
public abstract class RefusingMiddleware : IFunctionsWorkerMiddleware
{
    protected abstract IResult? Refusal(HttpRequest request);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && Refusal(http.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
