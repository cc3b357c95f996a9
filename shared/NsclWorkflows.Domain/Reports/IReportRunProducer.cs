namespace NsclWorkflows.Domain.Reports;

/// <summary>
/// Makes a run's products from the stored data: the figures of its period (the ledger cut at its data cut-off) as a
/// stored snapshot, and the Word report. Both are idempotent per run (a re-executed activity stores nothing new), so the
/// API (a leader's approval) and the run's workflow (after a failed or interrupted build) may both ask.
/// </summary>
public interface IReportRunProducer
{
    /// <summary>Stores the figures of the run's period as they stood at its cut-off; returns the snapshot's version.</summary>
    Task<int> GatherAsync(ReportRun run, string by, CancellationToken cancellationToken);

    /// <summary>Builds and stores the Word report of an approved run; returns its version.</summary>
    Task<int> BuildAsync(ReportRun run, string by, CancellationToken cancellationToken);
}

/// <summary>
/// The secret links lead units enter their input through: the token is derived from a server key, the run and the unit
/// (so an e-mail sent later carries the same link without the token being stored); only its hash is kept on the run.
/// </summary>
public interface IReportRunLinks
{
    /// <summary>The unit's token for the run.</summary>
    string Token(string runId, string unitId);

    /// <summary>The unit's input page, the token in the fragment: <c>/don-vi/bao-cao.html#run=…&amp;unit=…&amp;access=…</c>.</summary>
    string InputPage(string runId, string unitId);
}
