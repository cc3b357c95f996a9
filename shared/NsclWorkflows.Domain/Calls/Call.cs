namespace NsclWorkflows.Domain.Calls;

/// <summary>Where a call for applications stands. Stored by name: only add.</summary>
public enum CallState
{
    /// <summary>Announced, its envelope held in the ledger; applications are not received before the open date.</summary>
    Scheduled,

    /// <summary>Between its open date and the end of its close date: enterprises apply.</summary>
    Open,

    /// <summary>Past its close date: its applications are appraised together and ranked; none is received any more.</summary>
    Closed,

    /// <summary>Finalised by a leader: what the envelope did not fund is released to the item's allocation.</summary>
    Finalised,
}

/// <summary>A document a call requires of every application (an id of the kinds' lists, with its name).</summary>
public sealed record CallDocument(string Id, string Name);

/// <summary>Who opened or finalised a call.</summary>
public sealed record CallOfficer(string Id, string Name);

/// <summary>What the system did for a call (opened, closed, an e-mail sent or failed), shown on its page.</summary>
public sealed record CallNote(DateTimeOffset AtUtc, string Text);

/// <summary>
/// A call for applications (đợt tuyển chọn, xét chọn): support kinds offered together under one budget item and year,
/// with an envelope (the money the call may award, held in the ledger under the call's id from the moment it is
/// announced), an open and a close date (Vietnam calendar days; the close date a working day), the documents every
/// application must carry and the rubric the council scores against. Its applications are appraised together after
/// the close and ranked; approvals draw from the envelope; finalising releases the rest. Immutable:
/// <see cref="CallRules"/> makes every change. Stored fields only gain members.
/// </summary>
public sealed record Call
{
    public required string Id { get; init; }

    /// <summary>The unit that runs the call: the lead unit of its budget item.</summary>
    public required string Unit { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> SupportKindIds { get; init; }

    public required string LineId { get; init; }

    public required int Year { get; init; }

    public required long EnvelopeVnd { get; init; }

    public required DateOnly OpensOn { get; init; }

    public required DateOnly ClosesOn { get; init; }

    /// <summary>When applications are first received: 00:00 of <see cref="OpensOn"/> in Đà Nẵng (compressed in tests).</summary>
    public required DateTimeOffset OpensAtUtc { get; init; }

    /// <summary>When the call stops receiving: the end of <see cref="ClosesOn"/> in Đà Nẵng (compressed in tests).</summary>
    public required DateTimeOffset ClosesAtUtc { get; init; }

    /// <summary>By when the call is to be finalised (working days of the policy after the close); then reminded, then escalated.</summary>
    public required DateTimeOffset FinaliseDueUtc { get; init; }

    /// <summary>When the leaders are told the call is still not finalised.</summary>
    public required DateTimeOffset EscalateAtUtc { get; init; }

    public required IReadOnlyList<CallDocument> RequiredDocuments { get; init; }

    /// <summary>The rubric the call's applications are appraised against (catalogue <c>rubrics[]</c>); null: free criteria.</summary>
    public string? RubricId { get; init; }

    public required CallOfficer OpenedBy { get; init; }

    public required DateTimeOffset CreatedAtUtc { get; init; }

    public required DateTimeOffset UpdatedAtUtc { get; init; }

    /// <summary>The envelope is held in the ledger (reserved under the call's id).</summary>
    public bool EnvelopeReserved { get; init; }

    public DateTimeOffset? FinalisedAtUtc { get; init; }

    public CallOfficer? FinalisedBy { get; init; }

    /// <summary>What finalising released back to the allocation (the envelope's unused rest).</summary>
    public long ReleasedVnd { get; init; }

    public string? FinalisingNote { get; init; }

    /// <summary>The officers were told the call closed (with this many applications).</summary>
    public int? ClosedWithApplications { get; init; }

    public IReadOnlyList<CallNote> Notes { get; init; } = [];

    /// <summary>Where the call stands at <paramref name="nowUtc"/>: by its dates, once finalised for good.</summary>
    public CallState StateAt(DateTimeOffset nowUtc) =>
        FinalisedAtUtc is not null ? CallState.Finalised
        : nowUtc < OpensAtUtc ? CallState.Scheduled
        : nowUtc < ClosesAtUtc ? CallState.Open
        : CallState.Closed;

    public bool Offers(string kindId) => SupportKindIds.Contains(kindId, StringComparer.Ordinal);
}
