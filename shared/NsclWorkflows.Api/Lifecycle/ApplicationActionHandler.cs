using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>POST /api/applications/{id}/actions/{action}</c>: one person's step. Checked in order — who may see the
/// application (else 404), who may take the action (403), the version the person saw (<c>If-Match</c>, 412
/// <c>stale_version</c> when the file moved on; see <see cref="ActionVersion"/>), whether its state allows it (409 with
/// the current state and the allowed actions), the body (415/400/422), the budget for an approval (409 <c>no_allocation</c> when the
/// item has no allocation in the year, <c>budget_exceeded</c> beyond what remains), whether the application's
/// workflow can take an event at all (409 <c>workflow_unavailable</c>: not found, failed, terminated or completed;
/// an event raised to it would be accepted and then discarded) — then the version is claimed (412 for the second of
/// two actions on one version) and only then raised to the workflow (202). The
/// allowed actions are <see cref="LifecycleRules.Allowed"/> of the stored state, the same the application view offers.
/// </summary>
public sealed class ApplicationActionHandler(ApplicationAccess access, ProgrammeCatalogue catalogue, IBudgetLedger ledger, IActionClaims claims, TimeProvider time,
    Domain.Attachments.IAttachmentStore attachments, IPendingActions pending, Domain.Councils.ICouncilRepository councils)
{
    /// <summary>The leader's evaluation of a file an evaluation council still sits on (409): the council advises first.</summary>
    public const string EvaluationCouncilOpen = "evaluation_council_open";

    public async Task<Results<ApiAccepted<ActionAccepted>, ProblemHttpResult>> HandleAsync(HttpRequest request, string id, string actionName, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (!ActionNames.TryParse(actionName, out var action))
        {
            return ApiProblem.Problem(StatusCodes.Status404NotFound, "unknown_action", "Không có thao tác này",
                $"Các thao tác: {string.Join(", ", ActionNames.All)}.");
        }

        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        var (actorName, actorRole, forbidden) = Authorise(caller, action);
        if (forbidden is not null)
        {
            return forbidden;
        }

        // The version the person saw (If-Match): a file that moved on since is a 412 (notes never conflict).
        var (seen, badVersion) = ActionVersion.Read(request);
        if (badVersion is not null)
        {
            return badVersion;
        }

        seen = ActionCatalog.Of(action).IsAnnotation ? null : seen;
        if (seen is { } version && version != application.Lifecycle.Version)
        {
            return ActionVersion.Stale(application, version);
        }

        var allowed = AllowedNow(application);
        if (!LifecycleRules.Permits(application.Status, LifecycleMachine.ImplementationOf(application.Lifecycle), action))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "invalid_transition", "Thao tác không phù hợp với trạng thái hồ sơ",
                $"Hồ sơ đang ở trạng thái \"{ApplicationStatusText.Vietnamese(application.Status)}\"; không thể thực hiện thao tác này.",
                extensions: new { currentStatus = application.Status.ToString(), allowedActions = allowed.Select(ActionNames.Of).ToArray() });
        }

        // A file of a call is appraised with the others after the call's close (the machine refuses the same).
        if (ActionCatalog.Of(action).IsAppraisal && Domain.Calls.CallRules.AppraisalRefusal(application.Lifecycle, time.GetUtcNow()) is { } stillOpen)
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, Domain.Calls.CallErrorCodes.CallStillOpen, "Đợt tuyển chọn chưa hết hạn nhận hồ sơ", stillOpen,
                extensions: new { callId = application.Lifecycle.CallId, closesAtUtc = application.Lifecycle.CallClosesAtUtc });
        }

        // The leader evaluates on an evaluation council's advice: not while one founded for the file still sits.
        if (action == LifecycleAction.Evaluate && Domain.Councils.CouncilRules.OpenCouncilHolding(await councils.ListAsync(application.Lifecycle.Unit, cancellationToken),
            Domain.Councils.CouncilPurpose.Evaluation, [application.Id]) is { } sitting)
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, EvaluationCouncilOpen, "Hội đồng đánh giá, nghiệm thu chưa kết luận",
                $"Hồ sơ đang được {sitting.Council.Name} (Quyết định số {sitting.Council.Decision.Number}) đánh giá; Lãnh đạo Sở nghiệm thu sau khi Thư ký hội đồng kết thúc phiên họp.",
                extensions: new { councilId = sitting.Council.Id });
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ActionRequest? raised;
        using (document)
        {
            var (parsed, errors) = ActionPayloadReader.Read(document!.RootElement, action, actorName, actorRole, application, catalogue, time.GetUtcNow());
            if (errors.Count > 0)
            {
                return ApiProblem.ValidationProblem(errors);
            }

            raised = parsed! with { ActorId = caller.Officer?.Id };
        }

        // The step's signed PDF (a decision's, a payment's voucher): one of this application's attachments, a PDF by its
        // content (422 on the action's file field otherwise).
        if (raised.SignedFile is { } signedFile
            && await SignedFileErrorAsync(application.Id, signedFile, ActionCatalog.Of(action).FileField ?? "signedFile", cancellationToken) is { } fileError)
        {
            return ApiProblem.ValidationProblem([fileError]);
        }

        // A reservation (an approval's) is answered early here from the balance; the ledger refuses the same where the
        // money moves (no_allocation / budget_exceeded). The movement is the action's own: the year and amount computed once.
        foreach (var reserve in ActionCatalog.Of(action).MovementsFor(raised, application, time.GetUtcNow()).Where(m => m.Kind == BudgetMovementKind.Reserve))
        {
            var year = reserve.Key.Year;
            var balance = await ledger.GetBalanceAsync(reserve.Key, cancellationToken);
            if (balance.CeilingSource == CeilingSource.None)
            {
                var refusal = LedgerRules.NoAllocation(balance.Key);
                return ApiProblem.Problem(StatusCodes.Status409Conflict, refusal.Code, "Chưa có dự toán được giao", refusal.Message,
                    extensions: new { lineId = balance.Key.LineId, year });
            }

            if (balance.RemainingVnd < reserve.AmountVnd)
            {
                return ApiProblem.Problem(StatusCodes.Status409Conflict, "budget_exceeded", "Vượt kinh phí còn lại",
                    $"Dòng kinh phí {balance.Key.LineId} năm {year} chỉ còn {Money(balance.RemainingVnd)}; không thể phê duyệt {Money(reserve.AmountVnd)}.",
                    extensions: new { lineId = balance.Key.LineId, year, remainingVnd = balance.RemainingVnd });
            }
        }

        // A draw from a call's envelope (an approval of a file of a call): answered early from what the envelope still holds.
        foreach (var draw in ActionCatalog.Of(action).MovementsFor(raised, application, time.GetUtcNow()).Where(m => m.Kind == BudgetMovementKind.Draw))
        {
            var envelope = await ledger.GetHoldingAsync(draw.Key, draw.FromHolderId!, cancellationToken);
            if (envelope.ReservedVnd < draw.AmountVnd)
            {
                return ApiProblem.Problem(StatusCodes.Status409Conflict, LedgerRefusalCodes.EnvelopeExceeded, "Vượt kinh phí của đợt tuyển chọn",
                    $"Kinh phí của đợt tuyển chọn chỉ còn {Money(envelope.ReservedVnd)} chưa phân bổ; không thể phê duyệt {Money(draw.AmountVnd)}.",
                    extensions: new { callId = draw.FromHolderId, lineId = draw.Key.LineId, year = draw.Key.Year, remainingVnd = envelope.ReservedVnd });
            }
        }

        var instanceId = ApplicationIds.WorkflowInstanceId(application.Id);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || !CanTakeEvents(instance.RuntimeStatus))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "workflow_unavailable", "Quy trình xử lý hồ sơ không hoạt động",
                "Quy trình xử lý của hồ sơ này đã dừng nên không thể tiếp nhận thao tác. Đề nghị liên hệ quản trị hệ thống để kiểm tra.",
                extensions: new { workflowStatus = instance?.RuntimeStatus.ToString() ?? "NotFound" });
        }

        // Claimed atomically just before the event: of two actions on one version only one is raised (read-then-check
        // alone would let both through). The workflow's machine refuses a stale one again, should both ever arrive.
        if (seen is { } claimed && !await claims.TryClaimAsync(application.Id, claimed, time.GetUtcNow(), cancellationToken))
        {
            return ActionVersion.Stale(application, claimed);
        }

        // Kept before it is raised: the event can be lost while the workflow continues as new, the kept copy cannot
        // (the workflow reads it; one id is taken once). Only then is the 202 an action that will be taken.
        var accepted = raised with { ExpectedVersion = seen, ActionId = Guid.NewGuid().ToString("N") };
        await pending.AddAsync(application.Id, accepted, time.GetUtcNow(), cancellationToken);
        await durable.RaiseEventAsync(instanceId, ActionRequest.EventName, accepted, cancellationToken);

        return ApiResults.Accepted(new ActionAccepted(application.Id, ActionNames.Of(action), Accepted: true) { ActionId = accepted.ActionId });
    }

    /// <summary>
    /// The actions the application's stored state allows, whoever takes them: the one rule the view's
    /// <c>allowedActions</c> is filtered from, so a page never offers what this endpoint refuses (a just-submitted file
    /// included: its workflow takes the action after recording receipt).
    /// </summary>
    public static IReadOnlyList<LifecycleAction> AllowedNow(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return LifecycleRules.Allowed(application.Status, LifecycleMachine.ImplementationOf(application.Lifecycle));
    }

    async Task<Domain.Validation.FieldError?> SignedFileErrorAsync(string applicationId, string name, string field, CancellationToken cancellationToken)
    {
        var stored = await attachments.ListAsync(applicationId, cancellationToken);
        var head = new byte[8];
        var read = 0;
        if (stored.Any(a => a.Name == name) && await attachments.OpenAsync(applicationId, name, cancellationToken) is var (content, _))
        {
            await using (content)
            {
                read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }
        }

        return RecordSignedDecision.FileError(name, stored, head.AsSpan(0, read), field);
    }

    /// <summary>Whether an instance in this state receives an event (pending and suspended ones keep it for later).</summary>
    static bool CanTakeEvents(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Who takes the action and in which role; a 403 when the caller is not the one the action belongs to.</summary>
    static (string Name, string Role, ProblemHttpResult? Forbidden) Authorise(Caller caller, LifecycleAction action)
    {
        var actor = LifecycleRules.ActorOf(action);
        if (actor == Actor.Council)
        {
            // A council's result comes only from its secretary's close of the session (with the members' sheets), never from a caller here.
            return (string.Empty, string.Empty, Forbidden("Kết quả của hội đồng được chuyển vào hồ sơ khi Thư ký hội đồng kết thúc phiên họp.", "Council"));
        }

        if (actor == Actor.Enterprise)
        {
            return caller.IsEnterprise
                ? ("enterprise", "Enterprise", null)
                : (string.Empty, string.Empty, Forbidden("Thao tác này do doanh nghiệp thực hiện qua đường liên kết riêng của hồ sơ.", "Enterprise"));
        }

        var role = OfficerRoles.For(actor);
        if (caller.Officer is not { } officer)
        {
            return (string.Empty, string.Empty, Forbidden("Thao tác này dành cho cán bộ đã đăng nhập.", role));
        }

        return officer.IsIn(role)
            ? (officer.Name, officer.RoleFor(role), null)
            : (string.Empty, string.Empty, Forbidden($"Thao tác này cần vai trò {role}.", role));
    }

    static ProblemHttpResult Forbidden(string detail, string requiredRole) =>
        ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện", detail, extensions: new { requiredRole });

    static string Money(long vnd) => VietnameseFormat.Dong(vnd);
}

/// <summary>An action taken and raised to the application's workflow (202: its effect follows; the view shows it).</summary>
public sealed record ActionAccepted(string ApplicationId, string Action, bool Accepted)
{
    /// <summary>The accepted action's id (it is taken once, however it reaches the workflow); null for an action not kept.</summary>
    public string? ActionId { get; init; }
}
