using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;

namespace NsclWorkflows.Functions.Http;

/// <summary>The application endpoints onto the shared handlers. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class ApplicationFunctions(
    SubmitApplicationHandler submit,
    GetApplicationHandler get,
    DecideCompletenessHandler decide)
{
    [Function(nameof(SubmitApplication))]
    public async Task<IActionResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Applications)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await submit.HandleAsync(req, client, cancellationToken));

    [Function(nameof(GetApplication))]
    public async Task<IActionResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Application)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await get.HandleAsync(req, id, cancellationToken));

    [Function(nameof(DecideCompleteness))]
    public async Task<IActionResult> DecideCompleteness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CompletenessDecision)] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await decide.HandleAsync(req, id, client, cancellationToken));
}
