using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// A run's figures and Word report (<see cref="IReportRunProducer"/>). The figures are those of the run's period with
/// the ledger as it stood at the end of its data cut-off day (<see cref="LedgerCut"/>): a movement recorded after the
/// cut-off is not in the report, whenever the report is built. Both products are stored with a source id of the run
/// (and, for the report, the approval), so asking twice stores one version.
/// </summary>
public sealed class ReportRunProducer(
    ProgrammeCatalogue catalogue, IBudgetLedger ledger, IProgrammeProgressSource progress, IIndicatorValueStore indicators,
    YearEndReportLayout layout, IDocumentStore documents, TimeProvider time) : IReportRunProducer
{
    public const string ReportKind = "report-run";
    public const string DataKind = "report-run-data";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<int> GatherAsync(ReportRun run, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var figures = await FiguresAsync(run, cancellationToken).ConfigureAwait(false);
        var stored = await documents.AddVersionAsync(
            new NewDocument(DataKind, run.Id, $"so-lieu-{run.Id}.json", DocumentKinds.JsonContentType, JsonSerializer.SerializeToUtf8Bytes(figures, Json),
                by, time.GetUtcNow(), run.Id + "-figures"),
            cancellationToken).ConfigureAwait(false);
        return stored.Version;
    }

    public async Task<int> BuildAsync(ReportRun run, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var figures = await FiguresAsync(run, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), "nscl-run-" + Guid.NewGuid().ToString("N") + ".docx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        OfficialDocumentBuilder.WriteReportRun(new ReportRunDocumentData(figures.Header, layout.Signatory, run, figures, layout.RecipientsFor(run.Addressee)), file);
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        var stored = await documents.AddVersionAsync(
            new NewDocument(ReportKind, run.Id, run.Title + ".docx", DocumentKinds.WordContentType, ReadOnlyMemory<byte>.Empty, by, now,
                run.Id + "-" + run.ApprovedAtUtc?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            file, cancellationToken).ConfigureAwait(false);
        return stored.Version;
    }

    /// <summary>The figures of the run's period, the ledger cut at the end of its data cut-off day.</summary>
    async Task<YearEndReportData> FiguresAsync(ReportRun run, CancellationToken cancellationToken)
    {
        var cutOffUtc = LedgerCut.EndOf(run.DataCutOff);
        var balances = new List<LedgerBalance>();
        foreach (var balance in await ledger.GetBalancesAsync(cancellationToken).ConfigureAwait(false))
        {
            balances.Add(LedgerCut.MayHaveMoved(balance)
                ? LedgerCut.AsOf(balance, await ledger.GetEntriesAsync(balance.Key, cancellationToken).ConfigureAwait(false), cutOffUtc)
                : balance);
        }

        var progressed = await progress.GetProgressAsync(run.PeriodTo.Year, run.DataCutOff, cancellationToken).ConfigureAwait(false);
        var entered = await indicators.AllAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
        return YearEndReportAssembler.Assemble(catalogue, balances, progressed, layout, run.PeriodTo.Year, run.DataCutOff, entered)
            with { Header = DocumentHeader.OfDepartment(DocumentSymbols.Report, today) };
    }
}
