using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Councils;

namespace NsclWorkflows.Api.Councils;

/// <summary>
/// Starts a council's <see cref="CouncilWorkflow"/> (once: its instance id is the council's) and tells it when members
/// moved the council on. A start that fails is recorded in the council's journal (the council itself is kept); a signal
/// that fails is logged only: the workflow also wakes at its deadlines.
/// </summary>
public sealed partial class CouncilWorkflows(ICouncilRepository councils, DeadlinePlanner planner, ProgrammeCatalogue catalogue, IOptions<DeadlineOptions> deadlines,
    TimeProvider time, ILogger<CouncilWorkflows> logger)
{
    public async Task<Council> StartAsync(DurableTaskClient durable, Council council, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(council);
        var now = time.GetUtcNow();
        var input = CouncilWorkflowInput.For(council, now, planner, catalogue.CouncilPolicy, deadlines.Value.CompressedWorkingDay);
        try
        {
            await DurableStart.StartIfAbsentAsync(durable, nameof(CouncilWorkflow), input.InstanceId, input, cancellationToken).ConfigureAwait(false);
            return council;
        }
#pragma warning disable CA1031 // The council is stored: a failed start is recorded on it (officers see it), not turned into a 500.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogStartFailed(logger, ex, council.Id);
            var noted = await councils.UpdateAsync(council.Id, c => ValidationResult<Council>.Ok(CouncilRules.Note(c, new(now, "workflow",
                "Không khởi động được quy trình theo dõi hội đồng (gửi thư mời, nhắc, báo quá hạn): cán bộ gửi đường dẫn cho thành viên và theo dõi hạn.", true))),
                cancellationToken).ConfigureAwait(false);
            return noted?.Value ?? council;
        }
    }

    /// <summary>Tells the council's workflow that the council changed (best effort).</summary>
    public async Task SignalAsync(DurableTaskClient durable, Council council, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(council);
        try
        {
            await durable.RaiseEventAsync(CouncilWorkflowInput.InstanceIdOf(council.Id), CouncilWorkflow.ChangedEvent, council.State.ToString(), cancellationToken)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the workflow reads the council again at its next deadline.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogSignalFailed(logger, ex, council.Id);
        }
    }

    [LoggerMessage(EventId = 1701, Level = LogLevel.Error, Message = "Council {CouncilId}: its workflow could not be started")]
    static partial void LogStartFailed(ILogger logger, Exception exception, string councilId);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Council {CouncilId}: its workflow could not be told of a change")]
    static partial void LogSignalFailed(ILogger logger, Exception exception, string councilId);
}
