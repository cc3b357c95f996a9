using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Reports.Runs;

namespace NsclWorkflows.Functions.Http;

/// <summary>Report runs onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class ReportRunFunctions(ReportRunsHandler runs)
{
    [Function(nameof(OpenReportRun))]
    public async Task<IActionResult> OpenReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRuns)] HttpRequest req, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.OpenAsync(req, cancellationToken));

    [Function(nameof(ListReportRuns))]
    public async Task<IActionResult> ListReportRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportRuns)] HttpRequest req, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.ListAsync(req, cancellationToken));

    [Function(nameof(GetReportRun))]
    public async Task<IActionResult> GetReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportRun)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.GetAsync(req, id, cancellationToken));

    [Function(nameof(GetReportRunUnitInput))]
    public async Task<IActionResult> GetReportRunUnitInput(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportRunUnit)] HttpRequest req, string id, string unit, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.GetUnitAsync(req, id, unit, cancellationToken));

    [Function(nameof(SubmitReportRunUnitInput))]
    public async Task<IActionResult> SubmitReportRunUnitInput(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunUnit)] HttpRequest req, string id, string unit, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.SubmitUnitAsync(req, id, unit, cancellationToken));

    [Function(nameof(CloseReportRunInput))]
    public async Task<IActionResult> CloseReportRunInput(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunCloseInput)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.CloseInputAsync(req, id, cancellationToken));

    [Function(nameof(SaveReportRunNarrative))]
    public async Task<IActionResult> SaveReportRunNarrative(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunNarrative)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.SaveNarrativeAsync(req, id, cancellationToken));

    [Function(nameof(SubmitReportRun))]
    public async Task<IActionResult> SubmitReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunSubmit)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.SubmitAsync(req, id, cancellationToken));

    [Function(nameof(DecideReportRun))]
    public async Task<IActionResult> DecideReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunDecision)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.DecideAsync(req, id, cancellationToken));

    [Function(nameof(GetReportRunReport))]
    public async Task<IActionResult> GetReportRunReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportRunReport)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.GetReportAsync(req, id, cancellationToken));

    [Function(nameof(UploadReportRunSignedCopy))]
    public async Task<IActionResult> UploadReportRunSignedCopy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportRunSignedCopy)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await runs.UploadSignedAsync(req, id, cancellationToken));
}
