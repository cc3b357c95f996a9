using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Api.Reports;

namespace NsclWorkflows.Functions.Http;

/// <summary>The year-end report and document downloads onto the shared handlers. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class ReportFunctions(YearEndReportHandler reports, ApplicationDocumentHandler documents)
{
    [Function(nameof(StartYearEndReport))]
    public async Task<IActionResult> StartYearEndReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.YearEndReport)] HttpRequest req,
        string year,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await reports.StartAsync(req, year, client, cancellationToken));

    [Function(nameof(GetYearEndReport))]
    public async Task<IActionResult> GetYearEndReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.YearEndReport)] HttpRequest req,
        string year,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await reports.GetAsync(req, year, cancellationToken));

    [Function(nameof(ListApplicationDocuments))]
    public async Task<IActionResult> ListApplicationDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationDocuments)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await documents.ListAsync(req, id, cancellationToken));

    [Function(nameof(GetApplicationDocument))]
    public async Task<IActionResult> GetApplicationDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationDocument)] HttpRequest req,
        string id,
        string kind,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await documents.HandleAsync(req, id, kind, cancellationToken));
}
