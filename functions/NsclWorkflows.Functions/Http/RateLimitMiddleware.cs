using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// The shared <see cref="AbuseLimits"/> on the Functions host (which has no ASP.NET Core rate-limiting middleware in
/// front of the functions): the token limit for every HTTP function, then the function's own policy, by the same
/// names the standalone host uses. The client address is the platform's <c>X-Forwarded-For</c> (see
/// <see cref="RateLimitOptions.ForwardedForHops"/>).
/// </summary>
public sealed class RateLimitMiddleware(AbuseLimits limits) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var name = context.FunctionDefinition.Name;
        using var tokenLease = limits.TokenRequestLimiter.AttemptAcquire(http);
        if (!tokenLease.IsAcquired)
        {
            await AbuseLimits.RejectAsync(http, tokenLease, name);
            return;
        }

        if (AbuseLimits.PolicyByEndpoint.TryGetValue(name, out var policy))
        {
            using var lease = limits.Limiter(policy).AttemptAcquire(http);
            if (!lease.IsAcquired)
            {
                await AbuseLimits.RejectAsync(http, lease, name);
                return;
            }
        }

        await next(context);
    }
}
