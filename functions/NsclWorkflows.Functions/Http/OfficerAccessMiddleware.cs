using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using NsclWorkflows.Api.Officers;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Before any HTTP function: a request carrying an officer credential the app does not trust now (in particular
/// <c>X-MS-CLIENT-PRINCIPAL</c> while App Service Authentication is off) is answered 401 with
/// <see cref="OfficerAccess.UnavailableCode"/> and never reaches a handler.
/// </summary>
public sealed class OfficerAccessMiddleware(OfficerAccess access) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && access.Refusal(http.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
