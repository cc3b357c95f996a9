using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using static NsclWorkflows.Domain.Text.VietnameseFormat;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// Counts progress towards the targets of section II.2 from applications, by each target's <see cref="TargetMeasure"/>
/// (the catalogue's <c>targets[].measure</c>: the mapping of support kinds to targets is data, not code). In the
/// shipped catalogue: experts = persons of completed expert-training applications; S&amp;T tasks = approved applications
/// on line IV.1; enterprises supported = distinct enterprises with an approved IV.1 application; pilot models = distinct
/// enterprises with an approved pilot-model application. An application counts only in years up to the target's year
/// (and up to <c>asOfYear</c> when given). Pure: no storage, no clock.
/// </summary>
public static class TargetProgressCalculator
{
    static readonly ApplicationStatus[] Approved =
    [
        ApplicationStatus.InImplementation, ApplicationStatus.AwaitingFinalEvaluation, ApplicationStatus.Completed, ApplicationStatus.Failed,
        ApplicationStatus.AwaitingFinalPayment, ApplicationStatus.AwaitingRecognitionSigning,
    ];

    static readonly ApplicationStatus[] BeforeApproval =
    [
        ApplicationStatus.Submitted, ApplicationStatus.AwaitingCompletenessReview, ApplicationStatus.SupplementationRequested,
        ApplicationStatus.UnderAppraisal, ApplicationStatus.AwaitingApproval, ApplicationStatus.AwaitingDecisionSigning,
    ];

    static readonly ApplicationStatus[] BeforeCompletion = [ApplicationStatus.InImplementation, ApplicationStatus.AwaitingFinalEvaluation, ApplicationStatus.AwaitingFinalPayment,
        ApplicationStatus.AwaitingRecognitionSigning];

    /// <summary>Progress of every target of the catalogue, in the catalogue's order.</summary>
    public static IReadOnlyList<TargetProgress> Calculate(ProgrammeCatalogue catalogue, IEnumerable<TargetRecord> applications, int? asOfYear = null,
        IReadOnlyList<Activities.ProgrammeActivity>? activities = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(applications);
        var records = applications.DistinctBy(a => a.ApplicationId, StringComparer.Ordinal).ToArray();
        return catalogue.Programme.Targets
            .Select(t => t.Measure?.Count == TargetCount.ActivityOutputs
                ? Activities.ActivityTargets.Calculate(t, activities ?? [], asOfYear)
                : Calculate(catalogue, t, records, asOfYear))
            .ToArray();
    }

    public static TargetProgress Calculate(ProgrammeCatalogue catalogue, ProgrammeTarget target, IReadOnlyList<TargetRecord> applications, int? asOfYear = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(applications);
        if (target.Measure is not { } measure)
        {
            var source = target.BudgetLineId is { } id ? catalogue.Programme.FindLine(id)?.LeadUnit : null;
            return new(target, false, 0, 0, null, new Dictionary<int, decimal>(),
                $"Chỉ tiêu không tính từ hồ sơ: số liệu do {source ?? "đơn vị chủ trì"} cung cấp.");
        }

        var kinds = measure.KindIds.Count > 0
            ? measure.KindIds.ToHashSet(StringComparer.Ordinal)
            : catalogue.Kinds.Where(k => string.Equals(k.BudgetLineId, target.BudgetLineId, StringComparison.Ordinal)).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var lastYear = Math.Min(target.ByYear, asOfYear ?? target.ByYear);
        var relevant = applications.Where(a => kinds.Contains(a.KindId) && a.Year <= lastYear).ToArray();
        var (reached, before) = measure.Stage == TargetStage.Completed
            ? ([ApplicationStatus.Completed], BeforeCompletion)
            : (Approved, BeforeApproval);
        var counted = relevant.Where(a => reached.Contains(a.Status)).OrderBy(a => a.Year).ToArray();
        var waiting = relevant.Where(a => before.Contains(a.Status)).ToArray();

        var byYear = new SortedDictionary<int, decimal>();
        decimal pending;
        if (measure.Count == TargetCount.Enterprises)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in counted.Where(a => seen.Add(EnterpriseOf(a))))
            {
                byYear[a.Year] = byYear.GetValueOrDefault(a.Year) + 1;
            }

            pending = waiting.Select(EnterpriseOf).Distinct(StringComparer.Ordinal).Count(e => !seen.Contains(e));
        }
        else
        {
            foreach (var a in counted)
            {
                byYear[a.Year] = byYear.GetValueOrDefault(a.Year) + Weight(measure, a);
            }

            pending = waiting.Sum(a => Weight(measure, a));
        }

        var achieved = byYear.Values.Sum();
        var met = target.Comparison == TargetComparison.GreaterThan ? achieved > target.Value : achieved >= target.Value;
        return new(target, true, achieved, pending, met, byYear, Summary(target, achieved, pending, met, lastYear));
    }

    /// <summary>The statuses at which an application counts for a measure, and those before it (pending).</summary>
    internal static (ApplicationStatus[] Reached, ApplicationStatus[] Before) StagesOf(TargetMeasure measure) =>
        measure.Stage == TargetStage.Completed ? ([ApplicationStatus.Completed], BeforeCompletion) : (Approved, BeforeApproval);

    static decimal Weight(TargetMeasure measure, TargetRecord a) => measure.Count == TargetCount.Persons ? Math.Max(1, a.Persons) : 1;

    /// <summary>A branch ("0401234567-001") belongs to its enterprise ("0401234567").</summary>
    static string EnterpriseOf(TargetRecord a) => a.EnterpriseCode.Trim().Split('-')[0];

    internal static string Summary(ProgrammeTarget t, decimal achieved, decimal pending, bool met, int lastYear)
    {
        var comparison = t.Comparison == TargetComparison.GreaterThan ? "trên" : "ít nhất";
        var percent = t.Value > 0 ? $" ({Number(Math.Floor(achieved * 100 / t.Value))}%)" : string.Empty;
        var waiting = pending > 0 ? $"; {Number(pending)} {t.Unit} đang trong quy trình" : string.Empty;
        var verdict = met ? "Đã đạt chỉ tiêu." : "Chưa đạt chỉ tiêu.";
        return $"Đạt {Number(achieved)} {t.Unit} đến năm {lastYear}{percent}, chỉ tiêu {comparison} {Number(t.Value)} {t.Unit} " +
            $"đến năm {t.ByYear}{waiting}. {verdict}";
    }
}
