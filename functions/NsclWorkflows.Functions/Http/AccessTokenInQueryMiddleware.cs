using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Applications;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Refuses an HTTP request carrying <c>?access=</c> with the same 400 problem the standalone host's endpoint filter
/// returns (<see cref="AccessTokenInQuery"/>); the function is not run.
/// </summary>
public sealed class AccessTokenInQueryMiddleware : RefusingMiddleware
{
    protected override IResult? Refusal(HttpRequest request) => AccessTokenInQuery.Refusal(request);
}
