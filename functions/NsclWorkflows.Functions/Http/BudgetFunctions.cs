using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Budget;

namespace NsclWorkflows.Functions.Http;

/// <summary>The allocation log's endpoints onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class BudgetFunctions(AllocationsHandler allocations)
{
    [Function(nameof(ListBudgetAllocations))]
    public async Task<IActionResult> ListBudgetAllocations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BudgetAllocations)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await allocations.ListAsync(req, cancellationToken));

    [Function(nameof(RecordBudgetAllocation))]
    public async Task<IActionResult> RecordBudgetAllocation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.BudgetAllocations)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await allocations.RecordAsync(req, cancellationToken));
}
