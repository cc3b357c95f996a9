using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Calls;

namespace NsclWorkflows.Functions.Http;

/// <summary>Calls for applications, orders and direct assignments: thin triggers over <see cref="CallsHandler"/> and <see cref="AssignmentsHandler"/>.</summary>
public sealed class CallFunctions(CallsHandler calls, AssignmentsHandler assignments)
{
    [Function(nameof(OpenCall))]
    public async Task<IActionResult> OpenCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Calls)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await calls.OpenAsync(req, client, cancellationToken));

    [Function(nameof(ListCalls))]
    public async Task<IActionResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Calls)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await calls.ListAsync(req, cancellationToken));

    [Function(nameof(ListOpenCalls))]
    public async Task<IActionResult> ListOpenCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenCalls)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await calls.OpenCallsAsync(cancellationToken));

    [Function(nameof(GetCall))]
    public async Task<IActionResult> GetCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Call)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await calls.GetAsync(req, id, cancellationToken));

    [Function(nameof(FinaliseCall))]
    public async Task<IActionResult> FinaliseCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CallFinalise)] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await calls.FinaliseAsync(req, id, client, cancellationToken));

    [Function(nameof(CreateAssignment))]
    public async Task<IActionResult> CreateAssignment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Assignments)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await assignments.CreateAsync(req, client, cancellationToken));
}
