using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>Score sheets against the catalogue's rubrics: every criterion at the same share of its maximum.</summary>
static class Sheets
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    public static Rubric AppraisalRubric => Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh");

    public static Rubric EvaluationRubric => Catalogue.Rubrics.Single(r => r.Id == "nscl-nghiem-thu");

    /// <summary>An appraisal sheet at <paramref name="share"/> of each maximum (0.8: 80/100, a pass).</summary>
    public static IReadOnlyList<CriterionScore> Appraisal(decimal share = 0.8m) => Of(AppraisalRubric, share);

    public static IReadOnlyList<CriterionScore> Evaluation(decimal share = 0.8m) => Of(EvaluationRubric, share);

    public static IReadOnlyList<CriterionScore> Of(Rubric rubric, decimal share) =>
        [.. rubric.Criteria.Select(c => new CriterionScore(c.Id, Math.Round(c.MaxScore * share * 2, MidpointRounding.AwayFromZero) / 2, c.MaxScore))];
}
