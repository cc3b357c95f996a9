using NsclWorkflows.Domain.Calls;

namespace NsclWorkflows.Api.Calls;

/// <summary>Vietnamese names of a call's states.</summary>
public static class CallText
{
    public static string State(CallState state) => state switch
    {
        CallState.Scheduled => "Chưa đến ngày nhận hồ sơ",
        CallState.Open => "Đang nhận hồ sơ",
        CallState.Closed => "Hết hạn nhận hồ sơ, đang xét chọn",
        CallState.Finalised => "Đã kết thúc",
        _ => state.ToString(),
    };
}

/// <summary>The body of <c>POST /api/calls</c> (for the OpenAPI document; the handler reads the JSON itself).</summary>
/// <param name="Title">The call's title (one line, at most 300 characters).</param>
/// <param name="SupportKindIds">The kinds it offers (one budget item).</param>
/// <param name="Year">Its budget year.</param>
/// <param name="EnvelopeVnd">The money it may award, reserved when it opens.</param>
/// <param name="OpensOn">First day applications are received (yyyy-MM-dd, from today).</param>
/// <param name="ClosesOn">Last day (a working day, at least the catalogue's minimum of working days after the first).</param>
/// <param name="RequiredDocuments">Ids among the kinds' required documents (default: all of them).</param>
/// <param name="RubricId">The rubric its files are appraised against (default: the kind's).</param>
public sealed record CallOpenBody(string? Title, IReadOnlyList<string>? SupportKindIds, int? Year, long? EnvelopeVnd, string? OpensOn, string? ClosesOn,
    IReadOnlyList<string>? RequiredDocuments, string? RubricId);

/// <summary>The body of <c>POST /api/calls/{id}/finalise</c>.</summary>
/// <param name="Note">What was decided, for the record.</param>
public sealed record CallFinaliseBody(string? Note);

/// <summary>The answer of <c>GET /api/calls</c>: the calls of the officer's units, the kinds a call may offer, the minimum period and whether the viewer may open one.</summary>
public sealed record CallsView(IReadOnlyList<CallView> Calls, IReadOnlyList<CallKindView> Kinds, int MinimumOpenWorkingDays, bool CanOpen);

/// <summary>A kind a call may offer (a funded item's); <c>rolling</c>: also applied for at any time.</summary>
public sealed record CallKindView(string Id, string Name, string LineId, bool Rolling);

/// <summary>
/// One call as officers see it: its money (envelope; <c>heldVnd</c> what the ledger still holds for it, <c>usedVnd</c>
/// what approvals drew, <c>releasedVnd</c> what finalising released), its dates and state, and after the close its
/// ranking (<c>null</c> before, and in lists).
/// </summary>
public sealed record CallView(
    string Id,
    string Title,
    string Unit,
    string UnitName,
    IReadOnlyList<OpenCallKindView> SupportKinds,
    string LineId,
    int Year,
    long EnvelopeVnd,
    long HeldVnd,
    long UsedVnd,
    long ReleasedVnd,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateTimeOffset OpensAtUtc,
    DateTimeOffset ClosesAtUtc,
    DateTimeOffset FinaliseDueUtc,
    CallState State,
    string StateText,
    IReadOnlyList<CallDocumentView> RequiredDocuments,
    string? RubricId,
    CallOfficerView OpenedBy,
    DateTimeOffset? FinalisedAtUtc,
    CallOfficerView? FinalisedBy,
    string? FinalisingNote,
    int? ApplicationCount,
    IReadOnlyList<CallRankingLineView>? Ranking,
    IReadOnlyList<CallNoteView> Notes,
    IReadOnlyList<string> AllowedActions);

/// <summary>One line of a call's ranking (see <see cref="CallRules.Rank"/>).</summary>
public sealed record CallRankingLineView(
    int Rank,
    string ApplicationId,
    string TrackingCode,
    string EnterpriseName,
    string Title,
    string SupportKindId,
    string Status,
    string StatusText,
    long RequestedAmountVnd,
    decimal? TotalScore,
    bool? Passed,
    long? RecommendedAmountVnd,
    long? ApprovedAmountVnd,
    long CountedVnd,
    long RunningTotalVnd,
    bool FitsEnvelope);

public sealed record CallOfficerView(string Id, string Name);

public sealed record CallNoteView(DateTimeOffset AtUtc, string Text);

public sealed record CallDocumentView(string Id, string Name);

/// <summary>The answer of <c>GET /api/calls/open</c>.</summary>
public sealed record OpenCallsView(IReadOnlyList<OpenCallView> Calls);

/// <summary>An open call as an enterprise sees it: no money, no officer.</summary>
public sealed record OpenCallView(string Id, string Title, IReadOnlyList<OpenCallKindView> SupportKinds, DateOnly OpensOn, DateOnly ClosesOn,
    DateTimeOffset ClosesAtUtc, IReadOnlyList<CallDocumentView> RequiredDocuments);

public sealed record OpenCallKindView(string Id, string Name);
