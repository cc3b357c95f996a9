using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Gathers the year-end report's data — the catalogue as printed, the ledger's balances, the lifecycle's progress, the
/// indicator values officers entered —
/// and stores it as a JSON snapshot (kind <see cref="DocumentKinds.YearEndReportData"/>), once per run: a re-executed
/// activity finds the snapshot of its run and stores nothing new. The report is then built from that snapshot, so
/// retries and replays print the same figures.
/// </summary>
public sealed class GatherYearEndReportActivity(
    ProgrammeCatalogue catalogue, IDocumentStore documents, IBudgetLedger ledger, IProgrammeProgressSource progressSource, YearEndReportLayout layout,
    IIndicatorValueStore indicators)
    : TaskActivity<YearEndReportRun, YearEndSnapshot>
{
    public override async Task<YearEndSnapshot> RunAsync(TaskActivityContext context, YearEndReportRun input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var balances = await ledger.GetBalancesAsync(CancellationToken.None).ConfigureAwait(false);
        var progress = await progressSource.GetProgressAsync(input.Year, input.AsOf, CancellationToken.None).ConfigureAwait(false);
        var entered = await indicators.AllAsync(CancellationToken.None).ConfigureAwait(false);
        var data = YearEndReportAssembler.Assemble(catalogue, balances, progress, layout, input.Year, input.AsOf, entered);

        var stored = await documents.AddVersionAsync(
            new NewDocument(
                DocumentKinds.YearEndReportData,
                Scope(input.Year),
                $"so-lieu-bao-cao-nam-{Scope(input.Year)}.json",
                DocumentKinds.JsonContentType,
                JsonSerializer.SerializeToUtf8Bytes(data, YearEndReportJson.Options),
                input.RequestedBy,
                input.RequestedAtUtc,
                input.InstanceId),
            CancellationToken.None).ConfigureAwait(false);
        return new YearEndSnapshot(stored.Version, data.Enterprises.Count, data.TotalRow.ApprovedTotalVnd, data.TotalRow.DisbursedTotalVnd);
    }

    public static string Scope(int year) => year.ToString(CultureInfo.InvariantCulture);
}
