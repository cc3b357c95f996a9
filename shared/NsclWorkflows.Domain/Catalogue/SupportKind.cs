namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Something an enterprise (or a nominated person) can apply for, with the rules its workflow follows.</summary>
/// <remarks><see cref="MaxAmountVnd"/> is <see cref="Cap"/>'s amount (per application or per person, see the cap).</remarks>
public sealed record SupportKind(
    string Id,
    string Name,
    string Description,
    string BudgetLineId,
    long? MaxAmountVnd,
    WorkflowPolicy Policy)
{
    /// <summary>The support cap (catalogue <c>supportKinds[].cap</c>), or null when this plan sets none (lines funded elsewhere).</summary>
    public SupportCap? Cap { get; init; }

    /// <summary>Whether applications of this kind name the persons they nominate (expert training, I.2).</summary>
    public bool NominatesPersons { get; init; }

    /// <summary>
    /// Whether enterprises may apply for this kind at any time (catalogue <c>rolling</c>, true when absent: a catalogue
    /// written before calls keeps every kind open); false: only through an open call for applications that names the
    /// kind (<see cref="Calls.Call"/>).
    /// </summary>
    public bool Rolling { get; init; } = true;

    /// <summary>The rubric appraisers score applications of this kind against (catalogue <c>rubrics[]</c>); null: free criteria.</summary>
    public string? AppraisalRubricId { get; init; }

    /// <summary>The rubric the final evaluation scores against; null: free criteria.</summary>
    public string? EvaluationRubricId { get; init; }

    /// <summary>The most one application nominating <paramref name="persons"/> persons may get from this plan; null: no cap.</summary>
    public long? CapFor(int persons) => Cap?.For(persons);
}
