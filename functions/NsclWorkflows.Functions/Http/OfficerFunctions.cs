using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Officers;

namespace NsclWorkflows.Functions.Http;

/// <summary><c>GET /api/me</c> onto the shared handler.</summary>
public sealed class OfficerFunctions(MeHandler me)
{
    [Function(nameof(GetMe))]
    public IActionResult GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest req) =>
        new ResultActionResult(me.Handle(req));
}
