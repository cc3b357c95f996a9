using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Calls;

/// <summary>Stable codes of the calls' refusals (besides <see cref="ErrorCodes"/> and the ledger's). Never rename one.</summary>
public static class CallErrorCodes
{
    /// <summary>A kind that is not rolling submitted without naming a call (422).</summary>
    public const string CallRequired = "call_required";

    /// <summary>The call named does not exist (422 on <c>callId</c>).</summary>
    public const string CallNotFound = "call_not_found";

    /// <summary>The call named is not receiving applications: before its open date, or after its close date (422).</summary>
    public const string CallNotOpen = "call_not_open";

    /// <summary>The kind submitted is not one the call offers (422).</summary>
    public const string KindNotInCall = "kind_not_in_call";

    /// <summary>An application of a call appraised (or a council's result delivered) before the call's close date (409).</summary>
    public const string CallStillOpen = "call_still_open";

    /// <summary>The call's state forbids the change (finalising before the close, or twice) (409).</summary>
    public const string WrongState = "call_wrong_state";

    /// <summary>A close date that is not a working day (422).</summary>
    public const string NotWorkingDay = "not_working_day";

    /// <summary>A call open fewer working days than the catalogue's minimum (422).</summary>
    public const string PeriodTooShort = "period_too_short";

    /// <summary>Kinds of a call charged to different budget items (422).</summary>
    public const string KindsOnDifferentLines = "kinds_on_different_lines";

    /// <summary>Kinds funded elsewhere (lồng ghép): no money of this plan to put in an envelope (422).</summary>
    public const string NotFundedHere = "not_funded_here";
}

/// <summary>What a leader asks when opening a call (null: absent).</summary>
public sealed record CallOpenRequest(
    string? Title,
    IReadOnlyList<string>? SupportKindIds,
    int? Year,
    long? EnvelopeVnd,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    IReadOnlyList<string>? RequiredDocuments,
    string? RubricId);

/// <summary>
/// The outcome of a rule: the call as it becomes and the ledger movements to apply first (each idempotent by its id), or
/// field errors and nothing else. An error coded <see cref="CallErrorCodes.WrongState"/> is a conflict (409).
/// </summary>
public sealed record CallOutcome(Call? Call, IReadOnlyList<BudgetMovementRequest> Movements, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public bool IsStateConflict => Errors.Any(e => e.Code == CallErrorCodes.WrongState);

    internal static CallOutcome Refused(params FieldError[] errors) => new(null, [], errors);
}

/// <summary>When a call's steps fall (see <see cref="CallRules.Times"/>).</summary>
public sealed record CallTimes(DateTimeOffset OpensAtUtc, DateTimeOffset ClosesAtUtc, DateTimeOffset FinaliseDueUtc, DateTimeOffset EscalateAtUtc);

/// <summary>One application of a call as the ranking sees it.</summary>
public sealed record CallApplicationFacts(
    string ApplicationId,
    string TrackingCode,
    string EnterpriseName,
    string Title,
    string SupportKindId,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAtUtc,
    long RequestedAmountVnd,
    decimal? TotalScore,
    bool? Passed,
    long? RecommendedAmountVnd,
    long? ApprovedAmountVnd);

/// <summary>
/// One line of a call's ranking: its place (1 = highest appraisal total), the amount counted against the envelope
/// (approved, else recommended; 0 for a file that failed or recommends nothing), the running total of those amounts
/// down the ranking, and whether the file fits in the envelope at that point.
/// </summary>
public sealed record CallRankingLine(int Rank, CallApplicationFacts Application, long CountedVnd, long RunningTotalVnd, bool FitsEnvelope);
