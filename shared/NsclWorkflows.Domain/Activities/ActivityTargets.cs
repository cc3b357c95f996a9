using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Activities;

/// <summary>
/// Progress towards a target counted from programme activities' outputs (<see cref="TargetCount.ActivityOutputs"/>):
/// the quantities of the measure's output kinds recorded on activities of the target's budget line, in years up to the
/// target's year (and <c>asOfYear</c>). Stage Completed counts closed activities (open ones are pending); stage
/// Approved counts every activity not cancelled. Pure.
/// </summary>
public static class ActivityTargets
{
    public static TargetProgress Calculate(ProgrammeTarget target, IReadOnlyList<ProgrammeActivity> activities, int? asOfYear)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(activities);
        var measure = target.Measure ?? throw new ArgumentException("The target has no measure.", nameof(target));
        var lastYear = Math.Min(target.ByYear, asOfYear ?? target.ByYear);
        var relevant = activities
            .DistinctBy(a => a.Id, StringComparer.Ordinal)
            .Where(a => string.Equals(a.LineId, target.BudgetLineId, StringComparison.Ordinal) && a.Year <= lastYear && a.State != ActivityState.Cancelled)
            .ToArray();
        bool Counts(ProgrammeActivity a) => measure.Stage == TargetStage.Approved || a.State == ActivityState.Closed;
        decimal Quantity(ProgrammeActivity a) => measure.OutputKinds.Sum(a.Quantity);

        var byYear = new SortedDictionary<int, decimal>();
        foreach (var a in relevant.Where(Counts))
        {
            byYear[a.Year] = byYear.GetValueOrDefault(a.Year) + Quantity(a);
        }

        var pending = relevant.Where(a => !Counts(a)).Sum(Quantity);
        var achieved = byYear.Values.Sum();
        var met = target.Comparison == TargetComparison.GreaterThan ? achieved > target.Value : achieved >= target.Value;
        return new(target, true, achieved, pending, met, byYear, TargetProgressCalculator.Summary(target, achieved, pending, met, lastYear));
    }
}
