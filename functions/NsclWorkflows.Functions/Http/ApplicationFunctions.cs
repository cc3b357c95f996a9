using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Lifecycle;

namespace NsclWorkflows.Functions.Http;

/// <summary>The application endpoints onto the shared handlers. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class ApplicationFunctions(
    SubmitApplicationHandler submit,
    GetApplicationHandler get,
    ApplicationActionHandler act,
    HistoryHandler history,
    RotateAccessLinkHandler rotate,
    NsclWorkflows.Api.Inbox.InboxPageHandler inbox,
    BudgetHandler budget,
    TargetsHandler targets,
    NsclWorkflows.Api.Notifications.GetNotificationsHandler notifications)
{
    [Function(nameof(GetApplicationNotifications))]
    public async Task<IActionResult> GetApplicationNotifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationNotifications)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await notifications.HandleAsync(req, id, cancellationToken));

    [Function(nameof(GetBudget))]
    public async Task<IActionResult> GetBudget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Budget)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await budget.HandleAsync(req, cancellationToken));

    [Function(nameof(GetTargets))]
    public async Task<IActionResult> GetTargets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Targets)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await targets.HandleAsync(req, cancellationToken));

    [Function(nameof(ApplicationAction))]
    public async Task<IActionResult> ApplicationAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ApplicationAction)] HttpRequest req,
        string id,
        string action,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await act.HandleAsync(req, id, action, client, cancellationToken));

    [Function(nameof(GetApplicationHistory))]
    public async Task<IActionResult> GetApplicationHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationHistory)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await history.HandleAsync(req, id, cancellationToken));

    [Function(nameof(RotateAccessLink))]
    public async Task<IActionResult> RotateAccessLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ApplicationAccessLink)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await rotate.HandleAsync(req, id, cancellationToken));

    [Function(nameof(GetInbox))]
    public async Task<IActionResult> GetInbox(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Inbox)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await inbox.HandleAsync(req, cancellationToken));

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
}
