using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Targets;

namespace NsclWorkflows.Functions.Http;

/// <summary>Indicator values of the programme's targets onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class TargetValueFunctions(IndicatorValuesHandler values)
{
    [Function(nameof(RecordTargetValue))]
    public async Task<IActionResult> RecordTargetValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TargetValues)] HttpRequest req,
        string targetId,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await values.RecordAsync(req, targetId, cancellationToken));

    [Function(nameof(ListTargetValues))]
    public async Task<IActionResult> ListTargetValues(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TargetValues)] HttpRequest req,
        string targetId,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await values.ListAsync(req, targetId, cancellationToken));
}
