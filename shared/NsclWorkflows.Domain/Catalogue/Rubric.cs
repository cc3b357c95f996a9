using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Catalogue;

/// <summary>What a rubric is used for: the appraisal of an application (thẩm định) or the final evaluation (nghiệm thu).</summary>
public enum RubricUse
{
    Appraisal,
    Evaluation,
}

/// <summary>
/// A score sheet's criteria and the rule that decides (catalogue <c>rubrics[]</c>): each member scores every criterion
/// from 0 to its maximum; the council's score on a criterion is the members' average; the total is the sum of the
/// averages times their weights; the result passes when the total reaches <see cref="PassTotal"/> and every mandatory
/// criterion's average reaches its <see cref="RubricCriterion.MinScore"/>. The plan gives no rubric: the catalogue's are
/// the Department's (<see cref="Source"/>), amended as catalogue data.
/// </summary>
public sealed record Rubric(string Id, string Name, IReadOnlyList<RubricCriterion> Criteria, decimal PassTotal, CapSource Source, string? Note)
{
    /// <summary>The highest total a sheet can reach.</summary>
    public decimal MaxTotal => Criteria.Sum(c => c.MaxScore * c.Weight);

    /// <summary>The criterion a score names, by its id or its name (case and surrounding spaces ignored).</summary>
    public RubricCriterion? Find(string? criterion)
    {
        var key = criterion?.Trim();
        return string.IsNullOrEmpty(key) ? null : Criteria.FirstOrDefault(c =>
            string.Equals(c.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The problems of one sheet against this rubric (empty: it scores every criterion once, within its maximum):
    /// <c>(criterion or null, code, Vietnamese message)</c>.
    /// </summary>
    public IReadOnlyList<(string? Criterion, string Code, string Message)> Check(IReadOnlyList<CriterionScore> sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var problems = new List<(string?, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var score in sheet)
        {
            if (Find(score.Criterion) is not { } criterion)
            {
                problems.Add((score.Criterion, RubricCodes.UnknownCriterion, $"Tiêu chí \"{score.Criterion}\" không có trong phiếu chấm \"{Name}\"."));
            }
            else if (!seen.Add(criterion.Id))
            {
                problems.Add((criterion.Id, RubricCodes.DuplicateCriterion, $"Tiêu chí \"{criterion.Name}\" được chấm hai lần."));
            }
            else if (score.Score < 0 || score.Score > criterion.MaxScore)
            {
                problems.Add((criterion.Id, RubricCodes.ScoreOutOfRange, $"Điểm tiêu chí \"{criterion.Name}\" phải từ 0 đến {criterion.MaxScore:0.##}."));
            }
        }

        foreach (var missing in Criteria.Where(c => !seen.Contains(c.Id)))
        {
            problems.Add((missing.Id, RubricCodes.MissingCriterion, $"Chưa chấm tiêu chí \"{missing.Name}\" (tối đa {missing.MaxScore:0.##} điểm)."));
        }

        return problems;
    }

    /// <summary>A sheet in the rubric's order, each score named and bounded as the rubric says (comments kept). Call on a checked sheet.</summary>
    public IReadOnlyList<CriterionScore> Normalise(IReadOnlyList<CriterionScore> sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return [.. Criteria.Select(c => sheet.First(s => Find(s.Criterion)?.Id == c.Id) is var s
            ? new CriterionScore(c.Name, s.Score, c.MaxScore) { Comment = s.Comment, CriterionId = c.Id }
            : throw new InvalidOperationException($"The sheet has no score for {c.Id}."))];
    }

    /// <summary>The council's result from the members' sheets that count (each checked against this rubric).</summary>
    public RubricOutcome Assess(IReadOnlyList<IReadOnlyList<CriterionScore>> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A result needs at least one sheet.", nameof(sheets));
        }

        var averages = Criteria.Select(c =>
        {
            var average = Math.Round(sheets.Average(sheet => sheet.Where(s => Find(s.Criterion)?.Id == c.Id).Select(s => s.Score).DefaultIfEmpty(0).First()), 2);
            return new CriterionAverage(c.Id, c.Name, c.MaxScore, c.Weight, average, c.Mandatory, !c.Mandatory || average >= (c.MinScore ?? 0));
        }).ToList();
        var total = Math.Round(averages.Sum(a => a.Average * a.Weight), 2);
        return new RubricOutcome(Id, averages, total, MaxTotal, PassTotal, total >= PassTotal && averages.All(a => a.Met), sheets.Count);
    }
}

/// <summary>One criterion of a rubric. <see cref="MinScore"/>: the least average a mandatory criterion needs for a pass.</summary>
public sealed record RubricCriterion(string Id, string Name, decimal MaxScore, decimal Weight, bool Mandatory, decimal? MinScore);

/// <summary>A council's result against a rubric: the average per criterion, the weighted total, and whether it passes.</summary>
public sealed record RubricOutcome(
    string RubricId, IReadOnlyList<CriterionAverage> Criteria, decimal Total, decimal MaxTotal, decimal PassTotal, bool Passed, int Sheets)
{
    /// <summary>The mandatory criteria whose average stayed below their minimum.</summary>
    public IEnumerable<CriterionAverage> Unmet => Criteria.Where(c => !c.Met);

    /// <summary>"72,5/100 điểm, đạt (ngưỡng 70 điểm)" or "…, không đạt: tiêu chí bắt buộc dưới mức tối thiểu (…)".</summary>
    public string Describe()
    {
        static string N(decimal value) => VietnameseFormat.Number(value, 2);
        var score = $"{N(Total)}/{N(MaxTotal)} điểm";
        if (Passed)
        {
            return $"{score}, đạt (ngưỡng {N(PassTotal)} điểm)";
        }

        var unmet = Unmet.Select(c => $"\"{c.Name}\" {N(c.Average)}/{N(c.MaxScore)}").ToList();
        return unmet.Count == 0
            ? $"{score}, không đạt (ngưỡng {N(PassTotal)} điểm)"
            : $"{score}, không đạt: tiêu chí bắt buộc dưới mức tối thiểu ({string.Join("; ", unmet)})";
    }
}

/// <summary>The council's average on one criterion; <see cref="Met"/>: not mandatory, or at least its minimum.</summary>
public sealed record CriterionAverage(string Id, string Name, decimal MaxScore, decimal Weight, decimal Average, bool Mandatory, bool Met);

/// <summary>Stable codes of a sheet's problems against its rubric.</summary>
public static class RubricCodes
{
    public const string UnknownCriterion = "rubric_unknown_criterion";
    public const string DuplicateCriterion = "rubric_duplicate_criterion";
    public const string MissingCriterion = "rubric_missing_criterion";
    public const string ScoreOutOfRange = "out_of_range";
    public const string ContradictsRubric = "contradicts_rubric";
}
