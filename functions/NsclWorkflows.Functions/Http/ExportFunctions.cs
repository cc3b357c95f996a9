using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Reports.Exports;

namespace NsclWorkflows.Functions.Http;

/// <summary>The xlsx/CSV exports and the national database feed onto the shared handlers. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class ExportFunctions(ExportsHandler exports, NsclWorkflows.Api.Reports.Feed.NationalFeedHandler feed)
{
    [Function(nameof(GetNationalFeed))]
    public IActionResult GetNationalFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.NationalFeed)] HttpRequest req) =>
        new ResultActionResult(feed.Handle(req));

    [Function(nameof(ExportApplications))]
    public IActionResult ExportApplications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportApplications)] HttpRequest req) =>
        new ResultActionResult(exports.Applications(req));

    [Function(nameof(ExportEnterprises))]
    public IActionResult ExportEnterprises(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportEnterprises)] HttpRequest req) =>
        new ResultActionResult(exports.Enterprises(req));

    [Function(nameof(ExportLedger))]
    public async Task<IActionResult> ExportLedger(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportLedger)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await exports.LedgerAsync(req, cancellationToken));

    [Function(nameof(ExportLedgerMovements))]
    public async Task<IActionResult> ExportLedgerMovements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportLedgerMovements)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await exports.LedgerMovementsAsync(req, cancellationToken));

    [Function(nameof(ExportActivities))]
    public async Task<IActionResult> ExportActivities(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportActivities)] HttpRequest req,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await exports.ActivitiesAsync(req, cancellationToken));

    [Function(nameof(ExportApplicationHistory))]
    public async Task<IActionResult> ExportApplicationHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ExportApplicationHistory)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await exports.HistoryAsync(req, id, cancellationToken));
}
