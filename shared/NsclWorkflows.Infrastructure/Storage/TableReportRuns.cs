using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Report runs in Table storage (table <see cref="TableName"/>): one row per run in partition "run", the run as JSON
/// split over properties of at most 30,000 characters (a string property holds 64 KiB), replaced only with the ETag
/// it was read with (If-Match), so two officers saving at once never overwrite each other: the loser re-reads and its
/// change is applied again (and refused by the rules when it no longer fits, e.g. the narrative's revision).
/// </summary>
public sealed class TableReportRuns(TableClientFactory tables) : IReportRunRepository
{
    public const string TableName = "ReportRuns";
    const int MaxAttempts = 10;

    readonly JsonDocumentTable<ReportRun> rows = new(tables, TableName, "run", r => r.Id, r => new Dictionary<string, object> { ["State"] = r.State.ToString() });

    public Task<bool> TryAddAsync(ReportRun run, CancellationToken cancellationToken) => rows.TryAddAsync(run, cancellationToken);

    public Task<ReportRun?> FindAsync(string id, CancellationToken cancellationToken) => rows.FindAsync(id, cancellationToken);

    public async Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await rows.ListAsync(null, null, cancellationToken)).OrderByDescending(r => r.CreatedAtUtc)];

    public Task<ValidationResult<ReportRun>?> UpdateAsync(string id, Func<ReportRun, ValidationResult<ReportRun>> change, CancellationToken cancellationToken) =>
        rows.UpdateAsync(id, change, MaxAttempts, () => new InvalidOperationException($"Report run {id} kept changing under {MaxAttempts} attempts."), cancellationToken);
}
