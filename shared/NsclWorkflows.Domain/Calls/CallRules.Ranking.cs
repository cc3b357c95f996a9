using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Calls;

/// <summary>The ranking of a closed call's applications against its envelope.</summary>
public static partial class CallRules
{
    /// <summary>
    /// The call's applications ranked by appraisal total, highest first (files not appraised yet last, in the order
    /// received), each counted against the envelope at its approved amount, else its recommended amount (nothing for a
    /// file that failed the rubric, was rejected, withdrawn or ended): the running total says which fit.
    /// </summary>
    public static IReadOnlyList<CallRankingLine> Rank(Call call, IEnumerable<CallApplicationFacts> applications)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(applications);
        var ordered = applications
            .OrderBy(a => a.TotalScore is null ? 1 : 0)
            .ThenByDescending(a => a.TotalScore ?? 0)
            .ThenBy(a => a.SubmittedAtUtc)
            .ThenBy(a => a.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var lines = new List<CallRankingLine>(ordered.Count);
        long running = 0;
        foreach (var a in ordered)
        {
            var counted = Counted(a);
            running += counted;
            lines.Add(new CallRankingLine(lines.Count + 1, a, counted, running, counted > 0 && running <= call.EnvelopeVnd));
        }

        return lines;
    }

    static long Counted(CallApplicationFacts a)
    {
        if (a.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Expired or ApplicationStatus.Failed
            or ApplicationStatus.CompletenessAccepted || a.Passed == false)
        {
            return 0;
        }

        return a.ApprovedAmountVnd ?? a.RecommendedAmountVnd ?? 0;
    }
}
