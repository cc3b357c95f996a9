using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Intake;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/completeness-decision</c> (officers): <c>{"decision":"accept","note":"..."}</c>.
/// Checked against the stored state first; only an allowed action becomes an event to the workflow.
/// </summary>
/// (Kept for clients of the first release; <c>actions/accept-completeness</c> is the general form.)
public sealed class DecideCompletenessHandler(IApplicationRepository applications, OfficerAuthenticator officers)
{
    static readonly ApplicationStatus[] OpenForDecision = [ApplicationStatus.Submitted, ApplicationStatus.AwaitingCompletenessReview];

    public async Task<IResult> HandleAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var officer = officers.Authenticate(request);
        if (officer is null)
        {
            return ApiProblem.Unauthorized();
        }

        // Same order as the general action route: who may see it (404), its state (409), then the body (400/422).
        var application = ApplicationIds.IsWellFormed(id) ? await applications.FindAsync(id, cancellationToken) : null;
        if (application is null || !officer.Covers(application.Lifecycle.Unit))
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        if (!OpenForDecision.Contains(application.Status))
        {
            return ApiProblem.Create(StatusCodes.Status409Conflict, "invalid_transition", "Thao tác không phù hợp với trạng thái hồ sơ",
                $"Hồ sơ đang ở trạng thái \"{ApplicationStatusText.Vietnamese(application.Status)}\"; không thể kết luận tính đầy đủ.",
                extensions: new { currentStatus = application.Status.ToString(), allowedActions = Array.Empty<string>() });
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        string? note;
        using (document)
        {
            var root = document!.RootElement;
            var decision = root.TryGetProperty("decision", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? d.GetString() : null;
            if (decision != "accept")
            {
                return ApiProblem.Validation([new FieldError("decision", ErrorCodes.InvalidFormat, "Quyết định phải là \"accept\" (hồ sơ đầy đủ).")]);
            }

            note = root.TryGetProperty("note", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String
                ? VietnameseText.NormaliseBlock(n.GetString()!)
                : null;
        }

        var legacy = application.LastSequence == 0 && application.Lifecycle.Unit.Length == 0;
        if (legacy)
        {
            await durable.RaiseEventAsync(
                ApplicationIds.WorkflowInstanceId(id),
                CompletenessDecision.EventName,
                new CompletenessDecision(id, officer.Name, string.IsNullOrEmpty(note) ? null : note),
                cancellationToken);
        }
        else
        {
            await durable.RaiseEventAsync(
                ApplicationIds.WorkflowInstanceId(id),
                ActionRequest.EventName,
                new ActionRequest(LifecycleAction.AcceptCompleteness, officer.Name, OfficerRoles.Officer) { Note = string.IsNullOrEmpty(note) ? null : note },
                cancellationToken);
        }
        return Results.Json(new { applicationId = id, accepted = true }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}
