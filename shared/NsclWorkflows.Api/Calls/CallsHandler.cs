using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Calls;

namespace NsclWorkflows.Api.Calls;

/// <summary>
/// Calls for applications over HTTP. <c>POST /api/calls</c>: a Leader of the item's lead unit opens one (checked in order:
/// signed in 401, Leader 403, the body 415/400/422, the unit 403 <c>forbidden_unit</c>, the ledger 409 with its code:
/// the envelope is reserved under the call's id before it is stored; then its workflow starts). <c>GET /api/calls</c>:
/// the calls of the officer's units with their money; <c>GET /api/calls/{id}</c>: one call (404 outside the officer's
/// units), its applications, and after the close their ranking against the envelope. <c>POST /api/calls/{id}/finalise</c>:
/// a Leader of the unit, after the close (409 <c>call_wrong_state</c> before, or twice): what the envelope still holds
/// is released. <c>GET /api/calls/open</c>: anyone; the open calls with only what an enterprise needs.
/// </summary>
public sealed class CallsHandler(ICallRepository calls, IBudgetLedger ledger, CallFinaliser finaliser, IApplicationRepository applications, OfficerAuthenticator officers,
    ProgrammeCatalogue catalogue, IWorkingDayCalendar calendar, IOptions<DeadlineOptions> deadlines, TimeProvider time)
{
    public async Task<Results<ApiCreated<CallView>, ProblemHttpResult>> OpenAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsIn(OfficerRoles.Leader))
        {
            return ForbiddenRole();
        }

        var (open, problem) = await TypedJsonBody.ReadAsync(request, CallBodyRules.Open, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = CallIds.FromRandom(Guid.NewGuid().ToByteArray());
        var outcome = CallRules.Open(id, open!, new CallOfficer(officer.Id, officer.Name), catalogue, ApplicationForm.Shipped, calendar, time.GetUtcNow(),
            deadlines.Value.CompressedWorkingDay);
        if (!outcome.IsValid)
        {
            return ApiProblem.ValidationProblem(outcome.Errors);
        }

        var call = outcome.Call!;
        if (!officer.Covers(call.Unit))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_unit", "Không có quyền thực hiện",
                $"Mục {call.LineId} do {Units.Name(call.Unit)} chủ trì; chỉ lãnh đạo của đơn vị này mở đợt tuyển chọn thuộc mục.",
                extensions: new { unit = call.Unit });
        }

        foreach (var movement in outcome.Movements)
        {
            var result = await ledger.ApplyAsync(movement, cancellationToken);
            if (result.Refused)
            {
                return ApiProblem.Problem(StatusCodes.Status409Conflict, result.RefusalCode ?? "ledger_refused", "Không tạm giữ được kinh phí của đợt",
                    result.RefusalMessage, extensions: new { lineId = call.LineId, year = call.Year, remainingVnd = result.Balance.RemainingVnd });
            }
        }

        try
        {
            await calls.TryAddAsync(call, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The call could not be stored: its envelope is released again (best effort), so no money stays held for nothing.
            await ledger.ApplyAsync(new BudgetMovementRequest(CallRules.ReleaseMovementId(call.Id), CallRules.KeyOf(call), call.Id, BudgetMovementKind.Release,
                call.EnvelopeVnd, officer.Id, $"Hủy tạm giữ: đợt tuyển chọn \"{call.Title}\" chưa được lưu", time.GetUtcNow()), CancellationToken.None);
            throw;
        }

        await Workflows.Common.DurableStart.StartIfAbsentAsync(durable, nameof(CallWorkflow), CallIds.WorkflowInstanceId(call.Id), CallWorkflowInput.For(call),
            cancellationToken);
        return ApiResults.Created(await ViewAsync(call, officer, withApplications: false, cancellationToken));
    }

    public async Task<Results<ApiOk<CallsView>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var list = new List<CallView>();
        foreach (var call in (await calls.ListAsync(cancellationToken)).Where(c => officer.Covers(c.Unit)))
        {
            list.Add(await ViewAsync(call, officer, withApplications: false, cancellationToken));
        }

        var kinds = catalogue.Kinds.Where(k => BudgetPlan.From(catalogue.Programme).IsFundedItem(k.BudgetLineId))
            .Select(k => new CallKindView(k.Id, k.Name, k.BudgetLineId, k.Rolling)).ToList();
        return ApiResults.Ok(new CallsView(list, kinds, catalogue.CallPolicy.MinimumOpenWorkingDays, officer.IsIn(OfficerRoles.Leader)));
    }

    public async Task<Results<ApiOk<CallView>, ProblemHttpResult>> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var call = CallIds.IsWellFormed(id) ? await calls.FindAsync(id, cancellationToken) : null;
        return call is not null && officer.Covers(call.Unit)
            ? ApiResults.Ok(await ViewAsync(call, officer, withApplications: true, cancellationToken))
            : ApiProblem.NotFoundProblem("đợt tuyển chọn");
    }

    public async Task<Results<ApiOk<CallView>, ProblemHttpResult>> FinaliseAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var found = CallIds.IsWellFormed(id) ? await calls.FindAsync(id, cancellationToken) : null;
        if (found is null || !officer.Covers(found.Unit))
        {
            return ApiProblem.NotFoundProblem("đợt tuyển chọn");
        }

        if (!officer.IsIn(OfficerRoles.Leader))
        {
            return ForbiddenRole();
        }

        var (finalise, problem) = await TypedJsonBody.ReadAsync<CallFinaliseBody>(request, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var finalised = await finaliser.FinaliseAsync(id, finalise!.Note, new CallOfficer(officer.Id, officer.Name), cancellationToken);
        if (finalised?.Call is not { } updated)
        {
            return ApiProblem.NotFoundProblem("đợt tuyển chọn");
        }

        if (finalised.Refused is { } refused)
        {
            return refused.IsStateConflict
                ? ApiProblem.Problem(StatusCodes.Status409Conflict, CallErrorCodes.WrongState, "Thao tác không phù hợp với trạng thái đợt tuyển chọn",
                    refused.Errors[0].Message, refused.Errors, new { currentState = updated.StateAt(time.GetUtcNow()).ToString() })
                : ApiProblem.ValidationProblem(refused.Errors);
        }

        if (finalised.LedgerRefusal is { } ledgerRefusal)
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, ledgerRefusal.RefusalCode ?? "ledger_refused", "Không thực hiện được trên sổ kinh phí",
                ledgerRefusal.RefusalMessage);
        }

        var instanceId = CallIds.WorkflowInstanceId(updated.Id);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            await durable.RaiseEventAsync(instanceId, CallWorkflow.FinalisedEvent, CallState.Finalised.ToString(), cancellationToken);
        }

        return ApiResults.Ok(await ViewAsync(updated, officer, withApplications: true, cancellationToken));
    }

    /// <summary><c>GET /api/calls/open</c>: the calls receiving applications now, with only what an enterprise needs.</summary>
    public async Task<ApiOk<OpenCallsView>> OpenCallsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await calls.ListAsync(cancellationToken)).Where(c => c.StateAt(now) == CallState.Open)
            .OrderBy(c => c.ClosesAtUtc).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new OpenCallView(c.Id, c.Title,
                [.. c.SupportKindIds.Select(k => new OpenCallKindView(k, catalogue.FindKind(k)?.Name ?? k))],
                c.OpensOn, c.ClosesOn, c.ClosesAtUtc, [.. c.RequiredDocuments.Select(d => new CallDocumentView(d.Id, d.Name))]))
            .ToList();
        return ApiResults.Ok(new OpenCallsView(open));
    }

    async Task<CallView> ViewAsync(Call call, Officer viewer, bool withApplications, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = call.StateAt(now);
        var held = (await ledger.GetHoldingAsync(CallRules.KeyOf(call), call.Id, cancellationToken)).ReservedVnd;
        var used = Math.Max(0, call.EnvelopeVnd - held - call.ReleasedVnd);
        IReadOnlyList<CallRankingLineView>? ranking = null;
        var count = call.ClosedWithApplications;
        if (withApplications)
        {
            var facts = new List<CallApplicationFacts>();
            foreach (var applicationId in await calls.ApplicationIdsAsync(call.Id, cancellationToken))
            {
                if (await applications.FindAsync(applicationId, cancellationToken) is { } a)
                {
                    var state0 = a.Lifecycle;
                    facts.Add(new CallApplicationFacts(a.Id, a.TrackingCode, a.Submission.EnterpriseName, a.Submission.Title, a.Submission.SupportKindId,
                        a.Status, a.SubmittedAtUtc, a.Submission.RequestedAmountVnd,
                        state0.AppraisalOutcome?.Total ?? (state0.Appraisals.Count > 0 ? state0.Appraisals.Average(x => x.TotalScore) : null),
                        state0.AppraisalOutcome?.Passed, state0.RecommendedAmountVnd, state0.Approval?.AmountVnd));
                }
            }

            count = facts.Count;
            ranking = [.. CallRules.Rank(call, facts).Select(l => new CallRankingLineView(
                l.Rank, l.Application.ApplicationId, l.Application.TrackingCode, l.Application.EnterpriseName, l.Application.Title,
                l.Application.SupportKindId, l.Application.Status.ToString(), ApplicationStatusText.Vietnamese(l.Application.Status),
                l.Application.RequestedAmountVnd, l.Application.TotalScore, l.Application.Passed, l.Application.RecommendedAmountVnd,
                l.Application.ApprovedAmountVnd, l.CountedVnd, l.RunningTotalVnd, l.FitsEnvelope))];
        }

        var allowed = new List<string>();
        if (state == CallState.Closed && viewer.IsIn(OfficerRoles.Leader) && viewer.Covers(call.Unit))
        {
            allowed.Add("finalise");
        }

        return new CallView(call.Id, call.Title, call.Unit, Units.Name(call.Unit),
            [.. call.SupportKindIds.Select(k => new OpenCallKindView(k, catalogue.FindKind(k)?.Name ?? k))],
            call.LineId, call.Year, call.EnvelopeVnd, held, used, call.ReleasedVnd, call.OpensOn, call.ClosesOn, call.OpensAtUtc, call.ClosesAtUtc,
            call.FinaliseDueUtc, state, CallText.State(state), [.. call.RequiredDocuments.Select(d => new CallDocumentView(d.Id, d.Name))], call.RubricId,
            new CallOfficerView(call.OpenedBy.Id, call.OpenedBy.Name), call.FinalisedAtUtc,
            call.FinalisedBy is { } by ? new CallOfficerView(by.Id, by.Name) : null, call.FinalisingNote, count,
            state is CallState.Closed or CallState.Finalised ? ranking : null,
            [.. call.Notes.Select(n => new CallNoteView(n.AtUtc, n.Text))], allowed);
    }

    static ProblemHttpResult ForbiddenRole() =>
        ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
            "Mở và kết thúc đợt tuyển chọn cần vai trò Leader (lãnh đạo đơn vị chủ trì).", extensions: new { requiredRole = OfficerRoles.Leader });
}
