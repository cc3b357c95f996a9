using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Aggregates;

/// <summary>
/// The programme's counters, kept as applications change so that target progress reads a few rows per support kind and
/// target instead of every application:
/// <list type="bullet">
/// <item><see cref="Tallies"/>: per (support kind, year, status) the number of applications and their weight (persons,
/// at least one each) — what targets counted in applications or persons need;</item>
/// <item><see cref="Enterprises"/>: per target counted in enterprises, per enterprise the years of its applications that
/// reached the target's stage and of those still before it; and <see cref="Pairs"/>: per such target, how many
/// enterprises have each (first year reached, first year waiting) — what the count of distinct enterprises needs for
/// any year.</item>
/// </list>
/// A change is the difference between an application's previous contribution (<see cref="TargetRecord"/>, stored with
/// the counters) and its current one: applying the same state twice changes nothing. Pure: storage keeps the rows.
/// </summary>
public static class ProgrammeCounters
{
    /// <summary>Key of a tally: kind, year, status.</summary>
    public static string TallyKey(string kind, int year, ApplicationStatus status) => $"{kind}|{year:D4}|{status}";

    /// <summary>The enterprise an application counts for: a branch ("0401234567-001") belongs to its enterprise.</summary>
    public static string EnterpriseOf(string enterpriseCode) => (enterpriseCode ?? string.Empty).Trim().Split('-')[0];

    /// <summary>Targets counted in enterprises, with the support kinds they count.</summary>
    public static IReadOnlyList<(ProgrammeTarget Target, IReadOnlySet<string> Kinds)> EnterpriseTargets(ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return [.. catalogue.Programme.Targets
            .Where(t => t.Measure is { Count: TargetCount.Enterprises })
            .Select(t => (t, KindsOf(catalogue, t)))];
    }

    public static IReadOnlySet<string> KindsOf(ProgrammeCatalogue catalogue, ProgrammeTarget target)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(target);
        return target.Measure is { KindIds.Count: > 0 } measure
            ? measure.KindIds.ToHashSet(StringComparer.Ordinal)
            : catalogue.Kinds.Where(k => string.Equals(k.BudgetLineId, target.BudgetLineId, StringComparison.Ordinal)).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Where an application stands for a target: 'r' reached its stage, 'w' before it, null neither (refused, withdrawn…).</summary>
    public static char? ClassFor(ProgrammeTarget target, ApplicationStatus status)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (reached, before) = TargetProgressCalculator.StagesOf(target.Measure!);
        return reached.Contains(status) ? 'r' : before.Contains(status) ? 'w' : null;
    }

    /// <summary>Persons an application weighs for a target counted in persons.</summary>
    public static int Weight(TargetRecord record) => Math.Max(1, (record ?? throw new ArgumentNullException(nameof(record))).Persons);

    /// <summary>An enterprise's (first year reached, first year waiting) from its years: the pair the target's summary row counts.</summary>
    public static (int? Reached, int? Waiting) PairOf(EnterpriseYears years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return (years.Reached.Where(y => y.Value > 0).Select(y => (int?)y.Key).Min(), years.Waiting.Where(y => y.Value > 0).Select(y => (int?)y.Key).Min());
    }

    public static string PairKey((int? Reached, int? Waiting) pair) => $"{pair.Reached?.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}|{pair.Waiting?.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}";

    public static (int? Reached, int? Waiting) ParsePair(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('|');
        return (Parse(parts[0]), parts.Length > 1 ? Parse(parts[1]) : null);

        static int? Parse(string s) => s.Length == 0 ? null : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Progress of every target counted from applications, from the counters; the same numbers
    /// <see cref="TargetProgressCalculator"/> computes from the applications themselves. Targets counted from activities
    /// or not measured are computed as there (they do not depend on applications).
    /// </summary>
    public static IReadOnlyList<TargetProgress> Progress(ProgrammeCatalogue catalogue, IReadOnlyDictionary<string, Tally> tallies,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> pairs, int? asOfYear, IReadOnlyList<Activities.ProgrammeActivity>? activities)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(pairs);
        var parsed = tallies.Select(t =>
        {
            var parts = t.Key.Split('|');
            return (Kind: parts[0], Year: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Status: Enum.Parse<ApplicationStatus>(parts[2]), t.Value);
        }).ToList();
        return [.. catalogue.Programme.Targets.Select(target =>
        {
            if (target.Measure is not { } measure)
            {
                return TargetProgressCalculator.Calculate(catalogue, target, [], asOfYear);
            }

            if (measure.Count == TargetCount.ActivityOutputs)
            {
                return Activities.ActivityTargets.Calculate(target, activities ?? [], asOfYear);
            }

            var lastYear = Math.Min(target.ByYear, asOfYear ?? target.ByYear);
            var byYear = new SortedDictionary<int, decimal>();
            decimal pending = 0;
            if (measure.Count == TargetCount.Enterprises)
            {
                foreach (var (key, count) in pairs.GetValueOrDefault(target.Id) ?? new Dictionary<string, int>())
                {
                    var (reached, waiting) = ParsePair(key);
                    if (reached is { } r && r <= lastYear)
                    {
                        byYear[r] = byYear.GetValueOrDefault(r) + count;
                    }
                    else if (waiting is { } w && w <= lastYear)
                    {
                        pending += count;
                    }
                }
            }
            else
            {
                var kinds = KindsOf(catalogue, target);
                var (reachedStatuses, beforeStatuses) = TargetProgressCalculator.StagesOf(measure);
                foreach (var t in parsed.Where(t => kinds.Contains(t.Kind) && t.Year <= lastYear))
                {
                    var weight = measure.Count == TargetCount.Persons ? t.Value.Weight : t.Value.Count;
                    if (reachedStatuses.Contains(t.Status))
                    {
                        byYear[t.Year] = byYear.GetValueOrDefault(t.Year) + weight;
                    }
                    else if (beforeStatuses.Contains(t.Status))
                    {
                        pending += weight;
                    }
                }
            }

            foreach (var year in byYear.Where(y => y.Value == 0).Select(y => y.Key).ToList())
            {
                byYear.Remove(year);
            }

            var achieved = byYear.Values.Sum();
            var met = target.Comparison == TargetComparison.GreaterThan ? achieved > target.Value : achieved >= target.Value;
            return new TargetProgress(target, true, achieved, pending, met, byYear, TargetProgressCalculator.Summary(target, achieved, pending, met, lastYear));
        })];
    }
}

/// <summary>Applications of one (kind, year, status), and their weight in persons.</summary>
public sealed record Tally(int Count, int Weight);

/// <summary>One enterprise's applications for one target: per year, how many reached the target's stage and how many wait before it.</summary>
public sealed class EnterpriseYears
{
    public Dictionary<int, int> Reached { get; init; } = [];

    public Dictionary<int, int> Waiting { get; init; } = [];

    public void Add(char cls, int year, int delta)
    {
        var map = cls == 'r' ? Reached : Waiting;
        var value = map.GetValueOrDefault(year) + delta;
        if (value == 0)
        {
            map.Remove(year);
        }
        else
        {
            map[year] = value;
        }
    }

    public bool IsEmpty => Reached.Count == 0 && Waiting.Count == 0;
}
