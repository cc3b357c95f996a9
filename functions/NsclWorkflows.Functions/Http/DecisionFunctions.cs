using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Decisions;

namespace NsclWorkflows.Functions.Http;

/// <summary>The decision register onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class DecisionFunctions(DecisionRegisterHandler decisions)
{
    [Function(nameof(ListDecisions))]
    public async Task<IActionResult> ListDecisions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Decisions)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await decisions.ListAsync(req, cancellationToken));
}
