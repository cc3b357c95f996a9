using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Workflows;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Lifecycle;

namespace NsclWorkflows.Api.Operations;

/// <summary>
/// <c>GET /api/operations/workflows</c> (Admin): the workflows that are not running as they should, for an operator —
/// failed and terminated instances (with the failure message); application and e-mail workflows waiting to try a write
/// again after it failed beyond its retries (their custom status, <see cref="RetryingStatus"/>: storage away for long, or
/// a defect); and application workflows that are running but stuck:
/// their application's next deadline (where the workflow acts on its own) passed more than <see cref="StuckMargin"/>
/// ago with no step recorded since, or the application is closed while its workflow still runs. Bounded: at most
/// <see cref="MaxListed"/> rows and <see cref="MaxScanned"/> running instances read.
/// </summary>
public sealed partial class WorkflowOperationsHandler(OfficerAuthenticator officers, IApplicationRepository applications, LifecycleMachine machine, TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<WorkflowOperationsHandler> logger, Domain.Notifications.IParkedEmails? parked = null)
{
    public const int MaxListed = 200;
    public const int MaxScanned = 2000;
    public const string ApplicationInstancePrefix = "application-";
    public const string NotificationInstancePrefix = "notification-";

    /// <summary>How late a workflow may act on its deadline before it counts as stuck (timers fire late under load; a worker restarts).</summary>
    public static readonly TimeSpan StuckMargin = TimeSpan.FromHours(1);

    public async Task<Results<ApiOk<WorkflowProblemsView>, ProblemHttpResult>> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsAdmin)
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Danh sách quy trình lỗi dành cho quản trị hệ thống.", extensions: new { requiredRole = OfficerRoles.Admin });
        }

        var now = time.GetUtcNow();
        var rows = new List<WorkflowProblem>();
        var truncated = false;
        var stopped = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        await foreach (var instance in durable.GetAllInstancesAsync(stopped).WithCancellation(cancellationToken))
        {
            if (rows.Count >= MaxListed)
            {
                truncated = true;
                break;
            }

            var application = await ApplicationOfAsync(instance.InstanceId, cancellationToken);
            rows.Add(Row(instance, application, instance.RuntimeStatus.ToString(), instance.LastUpdatedAt, FailureOf(instance)));
        }

        var running = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running],
            InstanceIdPrefix = ApplicationInstancePrefix,
            FetchInputsAndOutputs = true, // the custom status says when a workflow waits to try a write again
            PageSize = 100,
        };
        var scanned = 0;
        await foreach (var instance in durable.GetAllInstancesAsync(running).WithCancellation(cancellationToken))
        {
            if (rows.Count >= MaxListed || ++scanned > MaxScanned)
            {
                truncated = true;
                break;
            }

            var application = await ApplicationOfAsync(instance.InstanceId, cancellationToken);
            if (RetryingOf(instance) is { } retrying)
            {
                rows.Add(Row(instance, application, "Retrying", instance.LastUpdatedAt, retrying));
                continue;
            }

            if (application is null)
            {
                continue;
            }

            var nextDeadline = machine.ResultOf(application, applied: true, notifications: []).NextDeadlineUtc;
            if (StuckSince(application, nextDeadline, instance.LastUpdatedAt, now, StuckMargin) is { } since)
            {
                rows.Add(Row(instance, application, "Stuck", since, LifecycleRules.IsFinal(application.Status)
                    ? "Hồ sơ đã kết thúc nhưng quy trình vẫn chạy."
                    : $"Quá hạn tự xử lý từ {since:yyyy-MM-dd HH:mm} UTC mà quy trình chưa ghi nhận bước nào."));
            }
        }

        // E-mail workflows whose failure could not be recorded yet (the record is tried again in rounds).
        var notifications = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running],
            InstanceIdPrefix = NotificationInstancePrefix,
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        await foreach (var instance in durable.GetAllInstancesAsync(notifications).WithCancellation(cancellationToken))
        {
            if (rows.Count >= MaxListed || ++scanned > MaxScanned)
            {
                truncated = true;
                break;
            }

            if (RetryingOf(instance) is { } retrying)
            {
                rows.Add(Row(instance, null, "Retrying", instance.LastUpdatedAt, retrying));
            }
        }

        // E-mails the provider refused for now, waiting for the sweep: how many, since when, why (an outage shows here).
        ParkedEmailsSummary? waiting = null;
        if (parked is not null)
        {
            var list = await parked.ListAsync(MaxListed + 1, cancellationToken);
            waiting = new ParkedEmailsSummary(Math.Min(list.Count, MaxListed), list.Count > MaxListed,
                list.Count == 0 ? null : list.Min(p => p.ParkedAtUtc), list.Count == 0 ? null : list.MaxBy(p => p.ParkedAtUtc)!.Reason);
        }

        return ApiResults.Ok(new WorkflowProblemsView(now, (int)StuckMargin.TotalMinutes, truncated, rows) { ParkedEmails = waiting });
    }

    /// <summary>
    /// Since when a running application workflow is stuck, or null: its next deadline passed more than
    /// <paramref name="margin"/> ago (the workflow acts at its deadline: escalation, withdrawal; either moves the
    /// deadline on), or the application is closed and the workflow has not ended within the margin.
    /// </summary>
    public static DateTimeOffset? StuckSince(Application application, DateTimeOffset? nextDeadlineUtc, DateTimeOffset instanceUpdatedUtc,
        DateTimeOffset now, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (LifecycleRules.IsFinal(application.Status))
        {
            var closed = application.UpdatedAtUtc > instanceUpdatedUtc ? application.UpdatedAtUtc : instanceUpdatedUtc;
            return now - closed > margin ? closed : null;
        }

        return nextDeadlineUtc is { } due && now - due > margin && application.UpdatedAtUtc < due ? due : null;
    }

    /// <summary>
    /// <c>POST /api/operations/workflows/{instanceId}/resume</c> (Admin): an application's workflow that ended Failed or
    /// Terminated while its application is open starts again where the application stands: a new execution of the same
    /// instance, carried on from the stored state (the last step's number, the deadline and reminders the machine computes
    /// from it, <see cref="LifecycleMachine.ResultOf"/>), as a continued execution is. It first takes the actions still kept
    /// (<see cref="IPendingActions"/>: accepted while it was down or lost with it), so nothing a person was told was
    /// accepted is dropped; reminders already sent are not sent twice (e-mails start once per occurrence).
    /// </summary>
    public async Task<Results<ApiAccepted<WorkflowResumed>, ProblemHttpResult>> ResumeAsync(HttpRequest request, string instanceId, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsAdmin)
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Khởi động lại quy trình dành cho quản trị hệ thống.", extensions: new { requiredRole = OfficerRoles.Admin });
        }

        var application = await ApplicationOfAsync(instanceId, cancellationToken);
        var instance = application is null ? null : await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (application is null || instance is null)
        {
            return ApiProblem.NotFoundProblem("quy trình của hồ sơ");
        }

        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "workflow_not_stopped", "Quy trình không ở trạng thái dừng",
                "Chỉ khởi động lại quy trình đã dừng do lỗi hoặc bị dừng.", extensions: new { workflowStatus = instance.RuntimeStatus.ToString() });
        }

        if (LifecycleRules.IsFinal(application.Status))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "application_closed", "Hồ sơ đã kết thúc",
                "Hồ sơ đã kết thúc; không cần khởi động lại quy trình.", extensions: new { applicationStatus = application.Status.ToString() });
        }

        var previous = instance.ReadInputAs<ApplicationWorkflowInput>() ?? new ApplicationWorkflowInput(application.Id);
        var input = ApplicationWorkflowResume.InputFor(previous, application, machine);
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationWorkflow), input,
            new Microsoft.DurableTask.StartOrchestrationOptions(instanceId) { Version = WorkflowVersions.Current }, cancellationToken);
        LogResumed(logger, instanceId, instance.RuntimeStatus.ToString(), application.LastSequence, officer.Name);
        return ApiResults.Accepted(new WorkflowResumed(instanceId, application.Id, application.Status.ToString(), application.LastSequence));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1431, Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Workflow {InstanceId} ({Status}) resumed from step {Sequence} by {Officer}")]
    static partial void LogResumed(Microsoft.Extensions.Logging.ILogger logger, string instanceId, string status, int sequence, string officer);

    async Task<Application?> ApplicationOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!instanceId.StartsWith(ApplicationInstancePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = instanceId[ApplicationInstancePrefix.Length..];
        return ApplicationIds.IsWellFormed(id) ? await applications.FindAsync(id, cancellationToken) : null;
    }

    static WorkflowProblem Row(OrchestrationMetadata instance, Application? application, string status, DateTimeOffset since, string? failure) =>
        new(instance.InstanceId, instance.Name, status, StatusText(status), application?.Id, application?.TrackingCode,
            application?.Status.ToString(), since, failure);

    static string? RetryingOf(OrchestrationMetadata instance) => RetryingText(instance.SerializedCustomStatus);

    /// <summary>What a workflow waiting for another round says (<see cref="RetryingStatus"/>, as its custom status), in words; null otherwise.</summary>
    public static string? RetryingText(string? serializedCustomStatus)
    {
        if (serializedCustomStatus is not { Length: > 0 } custom)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RetryingStatus>(custom, Json) is { Activity.Length: > 0 } r
                ? $"Lần thử {r.Round} không thành công ({r.What}): {r.Error}. Thử lại lúc {r.NextAttemptUtc:yyyy-MM-dd HH:mm:ss} UTC."
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static string? FailureOf(OrchestrationMetadata instance)
    {
        if (instance.FailureDetails is { } failure)
        {
            return $"{failure.ErrorType}: {failure.ErrorMessage}";
        }

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated && instance.SerializedOutput is { Length: > 0 } output)
        {
            try
            {
                return JsonSerializer.Deserialize<string>(output) ?? output;
            }
            catch (JsonException)
            {
                return output;
            }
        }

        return null;
    }

    static string StatusText(string status) => status switch
    {
        "Failed" => "Lỗi, đã dừng",
        "Terminated" => "Bị chấm dứt",
        "Stuck" => "Đang chạy nhưng không tiến triển",
        "Retrying" => "Đang chờ thử lại một bước lỗi",
        _ => status,
    };

}

/// <summary>The answer of <c>GET /api/operations/workflows</c>: workflows stopped or stuck, at most <see cref="WorkflowOperationsHandler.MaxListed"/>.</summary>
public sealed record WorkflowProblemsView(DateTimeOffset CheckedAtUtc, int StuckMarginMinutes, bool Truncated, IReadOnlyList<WorkflowProblem> Workflows)
{
    /// <summary>E-mails parked for the sweep (the provider refused them for now); null where the host keeps none.</summary>
    public ParkedEmailsSummary? ParkedEmails { get; init; }
}

/// <summary>Parked e-mails: how many (<see cref="AtLeast"/>: more than listed), the oldest's parking time, the newest's reason.</summary>
public sealed record ParkedEmailsSummary(int Count, bool AtLeast, DateTimeOffset? OldestParkedAtUtc, string? LastReason);

/// <summary>One workflow not running as it should. <see cref="Failure"/> is for officers only (this endpoint is Admin-only).</summary>
public sealed record WorkflowProblem(string InstanceId, string Workflow, string Status, string StatusText, string? ApplicationId, string? TrackingCode,
    string? ApplicationStatus, DateTimeOffset SinceUtc, string? Failure);

/// <summary>A workflow started again: its instance, the application and where it stands, the last step it continues from.</summary>
public sealed record WorkflowResumed(string InstanceId, string ApplicationId, string ApplicationStatus, int FromStep);
