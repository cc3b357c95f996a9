using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Reports.Runs;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Report runs onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>. Each trigger only binds
/// its route (and, where the run's workflow is started or told, the durable client) and hands the call to
/// <see cref="Respond"/>: the one body they share.
/// </summary>
public sealed class ReportRunFunctions(ReportRunsHandler runs)
{
    const AuthorizationLevel Anonymous = AuthorizationLevel.Anonymous;

    [Function(nameof(OpenReportRun))]
    public Task<IActionResult> OpenReportRun([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRuns)] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(runs.OpenAsync(req, client, cancellationToken));

    [Function(nameof(ListReportRuns))]
    public Task<IActionResult> ListReportRuns([HttpTrigger(Anonymous, "get", Route = ApiRoutes.ReportRuns)] HttpRequest req,
        CancellationToken cancellationToken) => Respond(runs.ListAsync(req, cancellationToken));

    [Function(nameof(GetReportRun))]
    public Task<IActionResult> GetReportRun([HttpTrigger(Anonymous, "get", Route = ApiRoutes.ReportRun)] HttpRequest req, string id,
        CancellationToken cancellationToken) => Respond(runs.GetAsync(req, id, cancellationToken));

    [Function(nameof(GetReportRunUnitInput))]
    public Task<IActionResult> GetReportRunUnitInput([HttpTrigger(Anonymous, "get", Route = ApiRoutes.ReportRunUnit)] HttpRequest req, string id, string unit,
        CancellationToken cancellationToken) => Respond(runs.GetUnitAsync(req, id, unit, cancellationToken));

    [Function(nameof(SubmitReportRunUnitInput))]
    public Task<IActionResult> SubmitReportRunUnitInput([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunUnit)] HttpRequest req, string id, string unit,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(runs.SubmitUnitAsync(req, id, unit, client, cancellationToken));

    [Function(nameof(CloseReportRunInput))]
    public Task<IActionResult> CloseReportRunInput([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunCloseInput)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(runs.CloseInputAsync(req, id, client, cancellationToken));

    [Function(nameof(SaveReportRunNarrative))]
    public Task<IActionResult> SaveReportRunNarrative([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunNarrative)] HttpRequest req, string id,
        CancellationToken cancellationToken) => Respond(runs.SaveNarrativeAsync(req, id, cancellationToken));

    [Function(nameof(SubmitReportRun))]
    public Task<IActionResult> SubmitReportRun([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunSubmit)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(runs.SubmitAsync(req, id, client, cancellationToken));

    [Function(nameof(DecideReportRun))]
    public Task<IActionResult> DecideReportRun([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunDecision)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(runs.DecideAsync(req, id, client, cancellationToken));

    [Function(nameof(GetReportRunReport))]
    public Task<IActionResult> GetReportRunReport([HttpTrigger(Anonymous, "get", Route = ApiRoutes.ReportRunReport)] HttpRequest req, string id,
        CancellationToken cancellationToken) => Respond(runs.GetReportAsync(req, id, cancellationToken));

    [Function(nameof(UploadReportRunSignedCopy))]
    public Task<IActionResult> UploadReportRunSignedCopy([HttpTrigger(Anonymous, "post", Route = ApiRoutes.ReportRunSignedCopy)] HttpRequest req, string id,
        CancellationToken cancellationToken) => Respond(runs.UploadSignedAsync(req, id, cancellationToken));

    /// <summary>The shared body: the handler's result as the Functions host's action result.</summary>
    static async Task<IActionResult> Respond<TResult>(Task<TResult> result)
        where TResult : IResult => new ResultActionResult(await result.ConfigureAwait(false));
}
