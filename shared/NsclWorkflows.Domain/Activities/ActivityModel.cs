namespace NsclWorkflows.Domain.Activities;

/// <summary>Where a programme activity stands. Stored by name: only add.</summary>
public enum ActivityState
{
    /// <summary>Planned: the estimated cost is reserved, nothing done yet.</summary>
    Planned,

    /// <summary>Started: spending or outputs have been recorded.</summary>
    InProgress,

    /// <summary>The planned end date has passed and the result is awaited.</summary>
    ResultDue,

    /// <summary>Closed with its result; the unspent reservation is released.</summary>
    Closed,

    /// <summary>Cancelled; the unspent reservation is released.</summary>
    Cancelled,
}

/// <summary>What an activity produced (the plan's outputs). Stored by name: only add.</summary>
public enum ActivityOutputKind
{
    /// <summary>Classes, workshops or training sessions held (lớp, hội thảo, tập huấn).</summary>
    ClassesHeld,

    /// <summary>Participants (lượt người tham dự).</summary>
    Participants,

    /// <summary>Organisations the participants came from (enterprises, public bodies).</summary>
    ParticipantOrganisations,

    /// <summary>Articles, reports, broadcasts, posters (tin, bài, phóng sự, chuyên mục, pano).</summary>
    ArticlesAndBroadcasts,

    /// <summary>Enterprises surveyed (khảo sát).</summary>
    EnterprisesSurveyed,

    /// <summary>Certification and testing bodies supported (tổ chức chứng nhận, thử nghiệm).</summary>
    BodiesSupported,

    /// <summary>Councils held (hội đồng).</summary>
    CouncilsHeld,

    /// <summary>Conferences held (hội nghị sơ kết, tổng kết).</summary>
    ConferencesHeld,
}

/// <summary>One recorded output: a kind, a quantity and a note.</summary>
public sealed record ActivityOutput(string Id, ActivityOutputKind Kind, int Quantity, string? Note, string ActorId, DateTimeOffset AtUtc);

/// <summary>
/// One recorded spending: an amount committed (cam kết chi: a contract, an order) and/or disbursed (giải ngân: paid),
/// with the payment's document reference (số chứng từ, hợp đồng).
/// </summary>
public sealed record ActivitySpending(
    string Id,
    long CommittedVnd,
    long DisbursedVnd,
    string DocumentReference,
    string? Note,
    string ActorId,
    DateTimeOffset AtUtc);

/// <summary>What the system did for an activity (a reminder sent, an e-mail that failed), shown on its page.</summary>
public sealed record ActivityNote(DateTimeOffset AtUtc, string Text);

/// <summary>The officer responsible for an activity.</summary>
public sealed record ResponsibleOfficer(string Id, string Name);

/// <summary>
/// A programme activity: funded work under a budget item and year that is not an enterprise application (a class, a
/// survey, a media series, a council). Its money is held in the ledger under its own id: <see cref="ReservedVnd"/>,
/// <see cref="CommittedVnd"/>, <see cref="DisbursedVnd"/> and <see cref="ReleasedVnd"/> are the totals moved so far.
/// Immutable: <see cref="ActivityRules"/> makes every change. Stored fields only gain members.
/// </summary>
public sealed record ProgrammeActivity
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string LineId { get; init; }

    public required int Year { get; init; }

    public required string LeadUnit { get; init; }

    public required ResponsibleOfficer Officer { get; init; }

    public required long EstimatedCostVnd { get; init; }

    public required DateOnly PlannedStart { get; init; }

    public required DateOnly PlannedEnd { get; init; }

    public required string ExpectedOutputs { get; init; }

    public required ActivityState State { get; init; }

    public required DateTimeOffset CreatedAtUtc { get; init; }

    public required DateTimeOffset UpdatedAtUtc { get; init; }

    public IReadOnlyList<ActivitySpending> Spending { get; init; } = [];

    public IReadOnlyList<ActivityOutput> Outputs { get; init; } = [];

    /// <summary>Total reserved on the ledger (the estimate, plus any top-up when a commitment exceeded it).</summary>
    public long ReservedVnd { get; init; }

    public long CommittedVnd { get; init; }

    public long DisbursedVnd { get; init; }

    public long ReleasedVnd { get; init; }

    public IReadOnlyList<ActivityNote> Notes { get; init; } = [];

    /// <summary>Why it was closed or cancelled.</summary>
    public string? ClosingNote { get; init; }

    /// <summary>Reserved and neither committed nor released: what the ledger holds reserved for it.</summary>
    public long HeldReservedVnd => ReservedVnd - CommittedVnd - ReleasedVnd;

    /// <summary>Committed and not yet paid.</summary>
    public long HeldCommittedVnd => CommittedVnd - DisbursedVnd;

    public bool IsOpen => State is ActivityState.Planned or ActivityState.InProgress or ActivityState.ResultDue;

    /// <summary>Total quantity recorded for <paramref name="kind"/>.</summary>
    public int Quantity(ActivityOutputKind kind) => Outputs.Where(o => o.Kind == kind).Sum(o => o.Quantity);
}
