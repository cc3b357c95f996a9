using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Activities;

namespace NsclWorkflows.Api.Activities;

/// <summary>
/// Programme activities over HTTP (officers only). <c>POST /api/activities</c> plans one (an Officer of the item's lead
/// unit; the estimated cost is reserved in the ledger and the activity's workflow started); <c>GET /api/activities</c>
/// lists those of the units the officer covers (<c>?year=&amp;line=</c>); <c>GET /api/activities/{id}</c> shows one;
/// <c>POST …/spending</c>, <c>…/outputs</c>, <c>…/close</c>, <c>…/cancel</c> change it. Checked in order: signed in (401),
/// the activity within the officer's units (404 otherwise, as for a stranger), the Officer role (403), the body
/// (415/400/422), the rules (422, or 409 when the state forbids it), the ledger (409 with its code).
/// </summary>
public sealed class ActivitiesHandler(IActivityRepository activities, IBudgetLedger ledger, OfficerAuthenticator officers, ProgrammeCatalogue catalogue, TimeProvider time)
{
    public async Task<Results<ApiCreated<ActivityView>, ProblemHttpResult>> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsIn(OfficerRoles.Officer))
        {
            return ForbiddenRole();
        }

        var (plan, problem) = await TypedJsonBody.ReadAsync(request, ActivityBodyRules.Plan, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = ActivityIds.FromRandom(Guid.NewGuid().ToByteArray());
        var outcome = ActivityRules.Plan(id, plan!, new ResponsibleOfficer(officer.Id, officer.Name), catalogue.Programme, time.GetUtcNow());
        if (!outcome.IsValid)
        {
            return ApiProblem.ValidationProblem(outcome.Errors);
        }

        var activity = outcome.Activity!;
        if (!officer.Covers(activity.LeadUnit))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_unit", "Không có quyền thực hiện",
                $"Mục {activity.LineId} do {Units.Name(activity.LeadUnit)} chủ trì; chỉ cán bộ của đơn vị này lập hoạt động thuộc mục.",
                extensions: new { leadUnit = activity.LeadUnit });
        }

        if (await ApplyAsync(outcome.Movements, cancellationToken) is { } refusal)
        {
            return LedgerConflict(refusal);
        }

        await activities.TryAddAsync(activity, cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(ProgrammeActivityWorkflow), ActivityWorkflowInput.For(activity),
            new Microsoft.DurableTask.StartOrchestrationOptions(ActivityIds.WorkflowInstanceId(activity.Id)), cancellationToken);
        return ApiResults.Created(View(activity, officer));
    }

    public async Task<Results<ApiOk<ActivitiesView>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return (ProblemHttpResult)problem!; // ProgrammeViewQuery's problems are ApiProblem's
        }

        var officer = officers.Authenticate(request)!;
        var line = request.Query["line"].ToString();
        var list = await activities.ListAsync(year, line.Length == 0 ? null : line, cancellationToken);
        var visible = list.Where(a => officer.Covers(a.LeadUnit)).ToList();
        var totals = Enum.GetValues<ActivityOutputKind>()
            .Select(k => new OutputTotalView(ActivityText.KindName(k), ActivityText.Kind(k), visible.Where(a => a.State != ActivityState.Cancelled).Sum(a => a.Quantity(k))))
            .Where(t => t.Quantity > 0)
            .ToList();
        return ApiResults.Ok(new ActivitiesView([.. visible.Select(a => View(a, officer))], totals));
    }

    public async Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var activity = ActivityIds.IsWellFormed(id) ? await activities.FindAsync(id, cancellationToken) : null;
        return activity is not null && officer.Covers(activity.LeadUnit)
            ? ApiResults.Ok(View(activity, officer))
            : ApiProblem.NotFoundProblem("hoạt động");
    }

    public Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> RecordSpendingAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var spendingId = "s" + Guid.NewGuid().ToString("N")[..12];
        return ChangeAsync(request, id, null, root =>
        {
            var (spending, errors) = TypedJsonBody.Read(root, ActivityBodyRules.Spending);
            return (spending is null ? null : (a, officer, now) => ActivityRules.RecordSpending(a, spendingId, spending, officer.Id, now), errors);
        }, cancellationToken);
    }

    public Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> RecordOutputAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var outputId = "o" + Guid.NewGuid().ToString("N")[..12];
        return ChangeAsync(request, id, null, root =>
        {
            var (output, errors) = TypedJsonBody.Read(root, ActivityBodyRules.OutputBody);
            return (output is null ? null : (a, officer, now) => ActivityRules.RecordOutput(a, outputId, output.ToRequest(), officer.Id, now), errors);
        }, cancellationToken);
    }

    public Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> CloseAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ChangeAsync(request, id, durable, root =>
        {
            var (body, errors) = TypedJsonBody.Read<ActivityCloseRequest>(root, null);
            return (body is null ? null : (a, officer, now) => ActivityRules.Close(a, body.Note, officer.Id, now), errors);
        }, cancellationToken);

    public Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> CancelAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ChangeAsync(request, id, durable, root =>
        {
            var (body, errors) = TypedJsonBody.Read<ActivityCancelRequest>(root, null);
            return (body is null ? null : (a, officer, now) => ActivityRules.Cancel(a, body.Reason, officer.Id, now), errors);
        }, cancellationToken);

    delegate ActivityOutcome Decide(ProgrammeActivity activity, Officer officer, DateTimeOffset nowUtc);

    async Task<Results<ApiOk<ActivityView>, ProblemHttpResult>> ChangeAsync(HttpRequest request, string id, DurableTaskClient? durable,
        Func<JsonElement, (Decide? Decide, IReadOnlyList<FieldError> Errors)> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var found = ActivityIds.IsWellFormed(id) ? await activities.FindAsync(id, cancellationToken) : null;
        if (found is null || !officer.Covers(found.LeadUnit))
        {
            return ApiProblem.NotFoundProblem("hoạt động");
        }

        if (!officer.IsIn(OfficerRoles.Officer))
        {
            return ForbiddenRole();
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        Decide decide;
        using (document)
        {
            var (parsed, errors) = read(document!.RootElement);
            if (errors.Count > 0 || parsed is null)
            {
                return ApiProblem.ValidationProblem(errors);
            }

            decide = parsed;
        }

        ActivityOutcome? refused = null;
        LedgerResult? ledgerRefusal = null;
        var updated = await activities.UpdateAsync(id, async current =>
        {
            (refused, ledgerRefusal) = (null, null);
            var outcome = decide(current, officer, time.GetUtcNow());
            if (!outcome.IsValid)
            {
                refused = outcome;
                return null;
            }

            ledgerRefusal = await ApplyAsync(outcome.Movements, cancellationToken);
            return ledgerRefusal is null ? outcome.Activity : null;
        }, cancellationToken);

        if (updated is null)
        {
            return ApiProblem.NotFoundProblem("hoạt động");
        }

        if (refused is not null)
        {
            return refused.IsStateConflict
                ? ApiProblem.Problem(StatusCodes.Status409Conflict, ActivityErrorCodes.WrongState, "Thao tác không phù hợp với trạng thái hoạt động",
                    refused.Errors[0].Message, refused.Errors, new { currentState = updated.State.ToString() })
                : ApiProblem.ValidationProblem(refused.Errors);
        }

        if (ledgerRefusal is not null)
        {
            return LedgerConflict(ledgerRefusal);
        }

        if (durable is not null && !updated.IsOpen)
        {
            await EndWorkflowAsync(durable, updated, cancellationToken);
        }

        return ApiResults.Ok(View(updated, officer));
    }

    /// <summary>Applies the movements in order; the first refusal stops (the ones before it are idempotent and stay).</summary>
    async Task<LedgerResult?> ApplyAsync(IReadOnlyList<BudgetMovementRequest> movements, CancellationToken cancellationToken)
    {
        foreach (var movement in movements)
        {
            var result = await ledger.ApplyAsync(movement, cancellationToken);
            if (result.Refused)
            {
                return result;
            }
        }

        return null;
    }

    static async Task EndWorkflowAsync(DurableTaskClient durable, ProgrammeActivity activity, CancellationToken cancellationToken)
    {
        var instanceId = ActivityIds.WorkflowInstanceId(activity.Id);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            await durable.RaiseEventAsync(instanceId, ProgrammeActivityWorkflow.EndedEvent, activity.State.ToString(), cancellationToken);
        }
    }

    static ProblemHttpResult LedgerConflict(LedgerResult refusal) =>
        ApiProblem.Problem(StatusCodes.Status409Conflict, refusal.RefusalCode ?? "ledger_refused", "Không thực hiện được trên sổ kinh phí",
            refusal.RefusalMessage, extensions: new { lineId = refusal.Balance.Key.LineId, year = refusal.Balance.Key.Year, remainingVnd = refusal.Balance.RemainingVnd });

    static ProblemHttpResult ForbiddenRole() =>
        ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
            "Lập và cập nhật hoạt động của chương trình cần vai trò Officer (cán bộ của đơn vị chủ trì).", extensions: new { requiredRole = OfficerRoles.Officer });

    ActivityView View(ProgrammeActivity a, Officer viewer)
    {
        var line = catalogue.Programme.AllLines.FirstOrDefault(l => l.Id == a.LineId);
        var canChange = a.IsOpen && viewer.IsIn(OfficerRoles.Officer) && viewer.Covers(a.LeadUnit);
        var allowed = new List<string>();
        if (canChange)
        {
            allowed.AddRange(["spending", "outputs"]);
            if (a.Outputs.Count > 0 && a.HeldCommittedVnd == 0)
            {
                allowed.Add("close");
            }

            if (a.CommittedVnd == 0)
            {
                allowed.Add("cancel");
            }
        }

        return new ActivityView(
            a.Id,
            a.Title,
            a.LineId,
            line?.Name,
            a.Year,
            a.LeadUnit,
            Units.Name(a.LeadUnit),
            new ActivityOfficerView(a.Officer.Id, a.Officer.Name),
            a.EstimatedCostVnd,
            a.PlannedStart,
            a.PlannedEnd,
            a.ExpectedOutputs,
            a.State,
            ActivityText.State(a.State),
            a.HeldReservedVnd,
            a.HeldCommittedVnd,
            a.DisbursedVnd,
            a.ReleasedVnd,
            [.. a.Spending.Select(s => new ActivitySpendingView(s.Id, s.CommittedVnd, s.DisbursedVnd, s.DocumentReference, s.Note, s.AtUtc))],
            [.. a.Outputs.Select(o => new ActivityOutputView(o.Id, ActivityText.KindName(o.Kind), ActivityText.Kind(o.Kind), o.Quantity, o.Note, o.AtUtc))],
            [.. a.Notes.Select(n => new ActivityNoteView(n.AtUtc, n.Text))],
            a.ClosingNote,
            a.CreatedAtUtc,
            a.UpdatedAtUtc,
            allowed);
    }
}

/// <summary>The answer of <c>GET /api/activities</c>: the activities the officer's units lead, and their outputs in total.</summary>
public sealed record ActivitiesView(IReadOnlyList<ActivityView> Activities, IReadOnlyList<OutputTotalView> OutputTotals);

/// <summary>The quantity of one kind of output over the activities listed (cancelled ones not counted).</summary>
public sealed record OutputTotalView(string Kind, string Label, int Quantity);

/// <summary>One programme activity as officers see it; <c>allowedActions</c> are what the viewer may do now.</summary>
public sealed record ActivityView(
    string Id,
    string Title,
    string LineId,
    string? LineName,
    int Year,
    string LeadUnit,
    string LeadUnitName,
    ActivityOfficerView Officer,
    long EstimatedCostVnd,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    string ExpectedOutputs,
    ActivityState State,
    string StateText,
    long ReservedVnd,
    long CommittedVnd,
    long DisbursedVnd,
    long ReleasedVnd,
    IReadOnlyList<ActivitySpendingView> Spending,
    IReadOnlyList<ActivityOutputView> Outputs,
    IReadOnlyList<ActivityNoteView> Notes,
    string? ClosingNote,
    DateTimeOffset CreatedAtUtc,
    DateTimeOffset UpdatedAtUtc,
    IReadOnlyList<string> AllowedActions);

/// <summary>The officer responsible for an activity.</summary>
public sealed record ActivityOfficerView(string Id, string Name);

/// <summary>One spending entry of an activity.</summary>
public sealed record ActivitySpendingView(string Id, long CommittedVnd, long DisbursedVnd, string DocumentReference, string? Note, DateTimeOffset AtUtc);

/// <summary>One recorded output of an activity.</summary>
public sealed record ActivityOutputView(string Id, string Kind, string KindText, int Quantity, string? Note, DateTimeOffset AtUtc);

/// <summary>A note on an activity.</summary>
public sealed record ActivityNoteView(DateTimeOffset AtUtc, string Text);
