using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Operations;

namespace NsclWorkflows.Functions.Http;

/// <summary><c>GET /api/operations/workflows</c> and <c>POST /api/operations/workflows/{instanceId}/resume</c> onto the shared handler.</summary>
public sealed class OperationsFunctions(WorkflowOperationsHandler workflows)
{
    [Function(nameof(ListWorkflowProblems))]
    public async Task<IActionResult> ListWorkflowProblems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.WorkflowOperations)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await workflows.HandleAsync(req, client, cancellationToken));

    [Function(nameof(ResumeWorkflow))]
    public async Task<IActionResult> ResumeWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.WorkflowResume)] HttpRequest req, string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await workflows.ResumeAsync(req, instanceId, client, cancellationToken));
}
