using FluentValidation;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// One person's action of the lifecycle, all in one place: its URL name, who takes it, its JSON body (its own record and field rules),
/// its business rules (the API answers them as 422 field errors; the machine refuses the same when an action reaches
/// it unchecked), the state it needs beyond its status (<see cref="StatusTable"/> says in which statuses it is offered),
/// and its <see cref="ActionDefinition{TPayload}.Decide"/>. Registered in <see cref="ActionCatalog"/>.
/// </summary>
public abstract class ActionDefinition(LifecycleAction action, string urlName, Actor actor)
{
    public LifecycleAction Action { get; } = action;

    /// <summary>The name in <c>/api/applications/{id}/actions/{name}</c>.</summary>
    public string UrlName { get; } = urlName;

    public Actor Actor { get; } = actor;

    /// <summary>The record the action's JSON body is read into (strictly: a field it does not declare is refused).</summary>
    public abstract Type BodyType { get; }

    /// <summary>The body's field rules (declared in the action's file with <see cref="BodyRules"/>) as field errors, in their order.</summary>
    public abstract IReadOnlyList<FieldError> Check(ActionBody body);

    /// <summary>
    /// Whether the action may be taken in any open status, beside the status's own actions (a note on the file): it
    /// changes no status and no deadline, and is not among the view's <c>allowedActions</c> (which are the file's
    /// next steps) but in <c>annotations</c>.
    /// </summary>
    public virtual bool IsAnnotation => false;

    /// <summary>The body's field naming a signed PDF the action carries (<see cref="ActionRequest.SignedFile"/>), if it takes one.</summary>
    public virtual string? FileField => null;
    /// <summary>
    /// Whether the action appraises the file (an appraiser's sheet; a council's result): refused while the file's call
    /// still receives applications (<see cref="Calls.CallRules.AppraisalRefusal"/>, 409 <c>call_still_open</c>), since a
    /// call's files are appraised together after its close.
    /// </summary>
    public virtual bool IsAppraisal => false;

    /// <summary>The audit kind of a refusal by the action's rules (an approval's refusals are shown to the leader).</summary>
    public virtual string RefusalAuditKind => AuditKinds.ActionIgnored;

    /// <summary>What the action needs of the state beyond its status (a pending extension to decide, a report to review).</summary>
    public virtual bool Permits(ImplementationState state) => true;

    /// <summary>The action's business rules against the application (ceilings, caps, plan years, dates), as field errors.</summary>
    public abstract IReadOnlyList<FieldError> Validate(ActionRequest request, Application application, ProgrammeCatalogue catalogue, DateTimeOffset atUtc);

    /// <summary>
    /// The decision the action enters in the decision register (its number is given before the step is decided, once per
    /// application: <see cref="Decisions.IDecisionRegister"/>); null for an action that numbers no decision.
    /// </summary>
    public virtual Decisions.DecisionRegistration? RegistrationFor(ActionRequest request, Application application, DateTimeOffset atUtc) => null;

    /// <summary>The budget movements the action needs (applied by the workflow before the step is recorded).</summary>
    public abstract IReadOnlyList<BudgetMovementRequest> MovementsFor(ActionRequest request, Application application, DateTimeOffset atUtc);

    internal abstract Decision Decide(StepContext context, ActionRequest request);

    /// <summary>A budget movement of this application, named for idempotence (<c>{id}:{name}</c>).</summary>
    protected static BudgetMovementRequest Move(Application application, string name, BudgetKey key, BudgetMovementKind kind, long amount,
        ActionRequest request, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(request);
        return new($"{application.Id}:{name}", key, application.Id, kind, amount, request.ActorName, reason, at);
    }

    /// <summary>
    /// The cap a recommendation and an approval must respect: the one fixed when the file was received, else the kind's
    /// cap in force for the persons it nominates; null: no cap (a lồng ghép line).
    /// </summary>
    public static long? CapOf(Application application, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(catalogue);
        return application.Lifecycle.SupportCapVnd
            ?? catalogue.FindKind(application.Submission.SupportKindId)?.CapFor(application.Submission.Nominees?.Count ?? 0);
    }

    protected static BudgetKey Key(LifecycleState state, ApprovalRecord approval)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(approval);
        return new(state.BudgetLineId, approval.BudgetYear);
    }
}

/// <summary>
/// An action with its typed body and payload: <typeparamref name="TBody"/> is what the client sends (checked by
/// <see cref="Rules"/>, mapped into the <see cref="ActionRequest"/> envelope); <typeparamref name="TPayload"/> is read once
/// from the envelope and the state (the figures it carries, such as a budget year or a tranche, are computed there once),
/// then validated, turned into movements and decided from the same values.
/// </summary>
/// <remarks><paramref name="read"/>: the action's values from the envelope, with the figures computed from the application's state.</remarks>
public abstract class ActionDefinition<TBody, TPayload>(LifecycleAction action, string urlName, Actor actor,
    Func<ActionRequest, Application, DateTimeOffset, TPayload> read)
    : ActionDefinition(action, urlName, actor)
    where TBody : ActionBody
{
    InlineValidator<TBody>? rules;

    public sealed override Type BodyType => typeof(TBody);

    /// <summary>Declares the body's field rules (<see cref="BodyRules"/>: <c>body.Note(b =&gt; b.Note, required: true)</c>).</summary>
    protected abstract void Rules(InlineValidator<TBody> body);

    public sealed override IReadOnlyList<FieldError> Check(ActionBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (rules is null)
        {
            var declared = new InlineValidator<TBody>();
            Rules(declared);
            rules = declared;
        }

        return FluentFieldErrors.Of(rules.Validate((TBody)body));
    }

    TPayload Read(ActionRequest request, Application application, DateTimeOffset atUtc) => read(request, application, atUtc);

    protected virtual IReadOnlyList<FieldError> Validate(TPayload payload, Application application, ProgrammeCatalogue catalogue) => [];

    protected virtual IReadOnlyList<BudgetMovementRequest> Movements(TPayload payload, ActionRequest request, Application application, DateTimeOffset atUtc) => [];

    /// <summary>Applies the action to the application (through the context) and returns its decision.</summary>
    internal abstract Decision Decide(StepContext c, ActionRequest request, TPayload payload);

    public sealed override IReadOnlyList<FieldError> Validate(ActionRequest request, Application application, ProgrammeCatalogue catalogue, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        return Validate(Read(request, application, atUtc), application, catalogue);
    }

    public sealed override IReadOnlyList<BudgetMovementRequest> MovementsFor(ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        return application.Lifecycle.MovesPlanMoney ? Movements(Read(request, application, atUtc), request, application, atUtc) : [];
    }

    internal sealed override Decision Decide(StepContext context, ActionRequest request)
    {
        // The movements from the state before the decision (the one LedgerMovesFor saw), kept only when it applies.
        var payload = Read(request, context.Application, context.At);
        IReadOnlyList<BudgetMovementRequest> movements = context.State.MovesPlanMoney ? Movements(payload, request, context.Application, context.At) : [];
        var decision = Decide(context, request, payload);
        return decision.Applied ? decision with { Movements = movements } : decision;
    }
}
