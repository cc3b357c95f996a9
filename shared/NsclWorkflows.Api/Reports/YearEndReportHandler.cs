using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Api.Reports;

/// <summary>
/// <c>POST /api/reports/year-end/{year}</c> (leaders and admins): starts a run now, 202 with its instance id; a second
/// request in the same minute gets the same run. <c>GET /api/reports/year-end/{year}[?version=N]</c> (officers): the
/// latest (or one) stored report as a Word download.
/// </summary>
public sealed class YearEndReportHandler(
    OfficerAuthenticator officers, IDocumentStore documents, YearEndSchedule schedule, ProgrammeCatalogue catalogue, TimeProvider time)
{
    public async Task<Results<ApiAccepted<YearEndReportStarted>, ProblemHttpResult>> StartAsync(HttpRequest request, string year, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = officers.Authenticate(request);
        if (officer is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsIn(OfficerRoles.Leader))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden", "Không có quyền",
                "Chỉ lãnh đạo Sở hoặc quản trị viên được lập báo cáo năm.");
        }

        var now = time.GetUtcNow();
        var today = schedule.LocalDate(now);
        if (!TryYear(year, out var number) || number < catalogue.Programme.Years.Min() || number > today.Year)
        {
            return ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, "invalid_year", "Năm báo cáo không hợp lệ",
                $"Năm báo cáo phải từ {catalogue.Programme.Years.Min()} đến {today.Year}.");
        }

        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var run = new YearEndReportRequest(number, minute, today, YearEndReportRequest.OnDemand, officer.Name);
        var (instanceId, started) = await new DurableYearEndReportLauncher(durable).LaunchAsync(run, cancellationToken).ConfigureAwait(false);
        return ApiResults.Accepted(new YearEndReportStarted(instanceId, number, started, $"/{ApiRoutes.Prefix}/reports/year-end/{number}"));
    }

    public async Task<Results<DocumentDownload, ProblemHttpResult>> GetAsync(HttpRequest request, string year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!TryYear(year, out var number))
        {
            return ApiProblem.NotFoundProblem("báo cáo");
        }

        var scope = number.ToString(CultureInfo.InvariantCulture);
        var content = await DocumentRequests.OpenAsync(documents, request, DocumentKinds.YearEndReport, scope, cancellationToken).ConfigureAwait(false);
        return content is null ? ApiProblem.NotFoundProblem($"báo cáo năm {scope}") : new DocumentDownload(content);
    }

    static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4;
}

/// <summary>A year-end report run started (or the one already started this minute): its instance and where the report will be.</summary>
public sealed record YearEndReportStarted(string InstanceId, int Year, bool Started, string ReportUrl);
