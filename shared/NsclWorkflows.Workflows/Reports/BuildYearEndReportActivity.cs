using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Builds the Word report from the run's snapshot into a temporary file and stores it (streamed) as a new immutable
/// version of ("year-end-report", year). Idempotent per run: a re-executed activity returns the version its run already stored.
/// </summary>
public sealed class BuildYearEndReportActivity(IDocumentStore documents, IOfficialDocumentBuilder builder)
    : TaskActivity<YearEndReportRun, YearEndReportStored>
{
    public override async Task<YearEndReportStored> RunAsync(TaskActivityContext context, YearEndReportRun input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = GatherYearEndReportActivity.Scope(input.Year);
        YearEndReportData data;
        await using (var snapshot = await documents.OpenAsync(DocumentKinds.YearEndReportData, scope, input.SnapshotVersion, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Snapshot {input.SnapshotVersion} of the year-end report data {scope} is missing."))
        {
            data = await JsonSerializer.DeserializeAsync<YearEndReportData>(snapshot.Content, YearEndReportJson.Options).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Snapshot {input.SnapshotVersion} of the year-end report data {scope} is empty.");
        }

        // Built into a temporary file (deleted when closed) and uploaded from it: the package never sits in memory.
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "nscl-report-" + Guid.NewGuid().ToString("N") + ".docx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        builder.WriteYearEndReport(data, file);
        await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        var stored = await documents.AddVersionAsync(
            new NewDocument(
                DocumentKinds.YearEndReport,
                scope,
                FileName(input.Year),
                DocumentKinds.WordContentType,
                ReadOnlyMemory<byte>.Empty,
                input.RequestedBy,
                input.RequestedAtUtc,
                input.InstanceId),
            file,
            CancellationToken.None).ConfigureAwait(false);
        return new YearEndReportStored(stored.Version, stored.FileName, stored.Length, stored.Sha256);
    }

    /// <summary>"Báo cáo kết quả thực hiện Kế hoạch năm 2025.docx".</summary>
    public static string FileName(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"Báo cáo kết quả thực hiện Kế hoạch năm {year}.docx");
}
