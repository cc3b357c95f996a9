using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace NsclWorkflows.Workflows.Common;

/// <summary>
/// The custom status of a workflow waiting to try an activity again: which activity, for what, the round that failed,
/// when the next starts and why the last failed. Cleared when the activity completes. Read by the operations view.
/// </summary>
public sealed record RetryingStatus(string Activity, string What, int Round, DateTime NextAttemptUtc, string Error)
{
    /// <summary>The failure as the status keeps it (the custom status is small: at most 300 characters).</summary>
    public static string Shorten(string error) => error.Length <= 300 ? error : error[..300] + "…";
}

/// <summary>
/// Calls an activity until it completes: each call with its retry policy; when the policy is spent, a durable timer of
/// <see cref="WorkflowTiming.Round"/> and the call again, with the workflow's custom status saying so meanwhile
/// (<see cref="RetryingStatus"/>). No failure of the activity fails the workflow, unless <c>giveUp</c> says this
/// one should reach the caller (which then records it). A result that is not this call's (<c>isThisCalls</c>, or one
/// that does not even deserialize) is not taken: the call is made again. Deterministic: only durable calls and the
/// context's clock.
/// </summary>
public static partial class ActivityRounds
{
    public static async Task<TResult> CallUntilDoneAsync<TResult>(this TaskOrchestrationContext context, WorkflowTiming timing, string activity,
        object input, TaskOptions policy, string what, Func<TaskFailedException, int, bool>? giveUp = null, Func<TResult, bool>? isThisCalls = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(timing);
        for (var round = 1; ; round++)
        {
            try
            {
                var result = await context.CallActivityAsync<TResult>(activity, input, policy);
                if (isThisCalls is not null && !isThisCalls(result))
                {
                    // Another call's result of the same type (see the JsonException below): the call is made again.
                    LogResultNotThisCalls(context.CreateReplaySafeLogger(typeof(ActivityRounds)), context.InstanceId, activity, what, round,
                        "the result names another call");
                    continue;
                }

                if (round > 1)
                {
                    context.SetCustomStatus(null);
                }

                return result;
            }
            catch (TaskFailedException ex) when (giveUp is null || !giveUp(ex, round))
            {
                var next = context.CurrentUtcDateTime + timing.Round(round);
                context.SetCustomStatus(new RetryingStatus(activity, what, round, next, RetryingStatus.Shorten(ex.FailureDetails.ErrorMessage)));
                LogRoundFailed(context.CreateReplaySafeLogger(typeof(ActivityRounds)), context.InstanceId, activity, what, round, next,
                    ex.FailureDetails.ErrorType, ex.FailureDetails.ErrorMessage);
                await context.CreateTimer(next, CancellationToken.None);
            }
            catch (JsonException ex)
            {
                // The completion handed to this call is not its result: after a restart, the backend delivered the
                // result of another call with the same task id (seen once in the fault campaign: a number where a step
                // was expected). The call is made again; the activities this is used with are idempotent.
                LogResultNotThisCalls(context.CreateReplaySafeLogger(typeof(ActivityRounds)), context.InstanceId, activity, what, round, ex.Message);
            }
            catch (TaskFailedException) when (round > 1)
            {
                context.SetCustomStatus(null);
                throw;
            }
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a completion that is not its call's result (see <see cref="CallUntilDoneAsync{TResult}"/>).</summary>
    public static bool IsResultOfAnotherCall(Exception exception) => exception is JsonException;

    [LoggerMessage(EventId = 1422, Level = LogLevel.Error,
        Message = "Workflow {InstanceId}: {Activity} ({What}) was handed a result that is not its own in round {Round} ({Error}); calling it again")]
    static partial void LogResultNotThisCalls(ILogger logger, string instanceId, string activity, string what, int round, string error);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Error,
        Message = "Workflow {InstanceId}: {Activity} ({What}) failed after its retries in round {Round} ({ErrorType}: {Error}); next round at {NextAttemptUtc:o}")]
    static partial void LogRoundFailed(ILogger logger, string instanceId, string activity, string what, int round, DateTime nextAttemptUtc, string errorType,
        string error);
}
