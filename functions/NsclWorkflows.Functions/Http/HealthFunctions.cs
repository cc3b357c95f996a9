using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Health;

namespace NsclWorkflows.Functions.Http;

/// <summary><c>GET /api/health</c> onto the shared handler.</summary>
public sealed class HealthFunctions(HealthHandler health)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new ResultActionResult(await health.HandleAsync(client, cancellationToken));
    }
}
