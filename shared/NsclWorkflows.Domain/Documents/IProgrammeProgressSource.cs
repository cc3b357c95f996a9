namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What the application lifecycle knows that the year-end report needs: the enterprises supported (one row per
/// approved task, every year up to <c>year</c>), the items overdue on <c>asOf</c>, and results reported against the
/// programme's targets (by target id; e.g. experts certified, TFP share, which no application records).
/// Implemented over the lifecycle's state by the application layer.
/// </summary>
public interface IProgrammeProgressSource
{
    Task<ProgrammeProgress> GetProgressAsync(int year, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>The lifecycle's part of the year-end report.</summary>
public sealed record ProgrammeProgress(
    IReadOnlyList<SupportedEnterpriseRow> Enterprises,
    IReadOnlyList<OverdueItemRow> Overdue,
    IReadOnlyList<TargetResult> TargetResults)
{
    public static ProgrammeProgress None { get; } = new([], [], []);
}

/// <summary>A result reported against a target (same unit as the target), with an optional note on its source.</summary>
public sealed record TargetResult(string TargetId, decimal Actual, string? Note = null);
