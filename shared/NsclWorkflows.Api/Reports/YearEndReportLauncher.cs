using Microsoft.DurableTask.Client;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Api.Reports;

/// <summary>Starts a year-end report run for an occurrence (at most once per (year, occurrence)).</summary>
public interface IYearEndReportLauncher
{
    Task<(string InstanceId, bool Started)> LaunchAsync(YearEndReportRequest request, CancellationToken cancellationToken);
}

/// <summary>Through the host's <see cref="DurableTaskClient"/> and <see cref="YearEndReportStarter"/>.</summary>
public sealed class DurableYearEndReportLauncher(DurableTaskClient client) : IYearEndReportLauncher
{
    public Task<(string InstanceId, bool Started)> LaunchAsync(YearEndReportRequest request, CancellationToken cancellationToken) =>
        YearEndReportStarter.StartIfNewAsync(client, request, cancellationToken);
}
