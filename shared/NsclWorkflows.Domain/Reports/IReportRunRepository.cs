using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Reports;

/// <summary>Where report runs are kept: each run whole, changed under optimistic concurrency (no lost update).</summary>
public interface IReportRunRepository
{
    /// <summary>Stores a new run; false when a run with its id exists already (nothing changed).</summary>
    Task<bool> TryAddAsync(ReportRun run, CancellationToken cancellationToken);

    Task<ReportRun?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ReportRun>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored run and stores the result if it is valid; on a concurrent write the
    /// change is applied again to the newer run. Null when there is no such run; the change's errors when it refuses.
    /// </summary>
    Task<ValidationResult<ReportRun>?> UpdateAsync(string id, Func<ReportRun, ValidationResult<ReportRun>> change, CancellationToken cancellationToken);
}
