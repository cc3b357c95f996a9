using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// Starts a run's <see cref="ReportRunWorkflow"/> (once: its instance id is the run's) and tells it when people moved
/// the run on. Both hosts pass their <see cref="DurableTaskClient"/> (the Functions app binds it per call). A start that
/// fails is recorded in the run's journal (the run itself is kept); a signal that fails is logged only: the workflow
/// also wakes at its deadlines.
/// </summary>
public sealed partial class ReportRunWorkflows(IReportRunRepository runs, IOptions<DeadlineOptions> deadlines, TimeProvider time, ILogger<ReportRunWorkflows> logger)
{
    /// <summary>Starts the run's workflow unless it exists; answers the run (with a journal entry when the start failed).</summary>
    public async Task<ReportRun> StartAsync(DurableTaskClient durable, ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(run);
        var now = time.GetUtcNow();
        var input = ReportRunWorkflowInput.For(run, now, deadlines.Value.CompressedWorkingDay);
        try
        {
            await DurableStart.StartIfAbsentAsync(durable, nameof(ReportRunWorkflow), input.InstanceId, input, cancellationToken).ConfigureAwait(false);
            return run;
        }
#pragma warning disable CA1031 // The run is stored: a failed start is recorded on it (officers see it), not turned into a 500.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogStartFailed(logger, ex, run.Id);
            var noted = await runs.UpdateAsync(run.Id, r => ValidationResult<ReportRun>.Ok(ReportRunRules.Note(r, new(now, "workflow",
                "Không khởi động được quy trình theo dõi báo cáo (gửi thư, nhắc, báo quá hạn): cán bộ gửi đường dẫn cho đơn vị và theo dõi hạn.", true))),
                cancellationToken).ConfigureAwait(false);
            return noted?.Value ?? run;
        }
    }

    /// <summary>Tells the run's workflow that the run changed (best effort).</summary>
    public async Task SignalAsync(DurableTaskClient durable, ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await durable.RaiseEventAsync(ReportRunWorkflowInput.InstanceIdOf(run.Id), ReportRunWorkflow.ChangedEvent, run.State.ToString(), cancellationToken)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the workflow reads the run again at its next deadline.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogSignalFailed(logger, ex, run.Id);
        }
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Error, Message = "Report run {RunId}: its workflow could not be started")]
    static partial void LogStartFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Report run {RunId}: its workflow could not be told of a change")]
    static partial void LogSignalFailed(ILogger logger, Exception exception, string runId);
}
