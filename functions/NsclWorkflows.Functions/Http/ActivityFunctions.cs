using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Activities;

namespace NsclWorkflows.Functions.Http;

/// <summary>Programme activities: thin triggers over <see cref="ActivitiesHandler"/>.</summary>
public sealed class ActivityFunctions(ActivitiesHandler activities)
{
    [Function(nameof(PlanActivity))]
    public async Task<IActionResult> PlanActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Activities)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.CreateAsync(req, client, cancellationToken));

    [Function(nameof(ListActivities))]
    public async Task<IActionResult> ListActivities(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Activities)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.ListAsync(req, cancellationToken));

    [Function(nameof(GetActivity))]
    public async Task<IActionResult> GetActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Activity)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.GetAsync(req, id, cancellationToken));

    [Function(nameof(RecordActivitySpending))]
    public async Task<IActionResult> RecordActivitySpending(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ActivitySpending)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.RecordSpendingAsync(req, id, cancellationToken));

    [Function(nameof(RecordActivityOutput))]
    public async Task<IActionResult> RecordActivityOutput(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ActivityOutputs)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.RecordOutputAsync(req, id, cancellationToken));

    [Function(nameof(CloseActivity))]
    public async Task<IActionResult> CloseActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ActivityClose)] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.CloseAsync(req, id, client, cancellationToken));

    [Function(nameof(CancelActivity))]
    public async Task<IActionResult> CancelActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ActivityCancel)] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await activities.CancelAsync(req, id, client, cancellationToken));
}
