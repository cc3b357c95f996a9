using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>Score sheets as clients send them: every criterion of the catalogue's rubric at the same share of its maximum.</summary>
static class Sheets
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    /// <summary>An appraisal sheet (0.8 of each maximum: 80/100, a pass).</summary>
    public static object[] Appraisal(decimal share = 0.8m) => Of("nscl-tham-dinh", share);

    /// <summary>An appraisal sheet with the same comment on every criterion (where hostile text reaches documents).</summary>
    public static object[] AppraisalWithComments(string comment) =>
        [.. Criteria("nscl-tham-dinh").Select(c => new { criterion = c.Id, score = c.MaxScore * 0.8m, maxScore = c.MaxScore, comment })];

    /// <summary>A council member's sheet: every criterion at <paramref name="share"/> of its maximum, each with a comment (members must comment).</summary>
    public static object[] Council(decimal share, string comment = "Đánh giá theo hồ sơ và phần trình bày tại phiên họp.") =>
        [.. Criteria("nscl-tham-dinh").Select(c => new { criterion = c.Id, score = Math.Round(c.MaxScore * share * 2, MidpointRounding.AwayFromZero) / 2, maxScore = c.MaxScore, comment })];

    /// <summary>A final evaluation sheet (0.9: 90/100, a pass).</summary>
    public static object[] Evaluation(decimal share = 0.9m) => Of("nscl-nghiem-thu", share);

    /// <summary>An evaluation council member's sheet: every criterion of the evaluation rubric at 0.8 of its maximum, each with the comment.</summary>
    public static object[] EvaluationWithComments(string comment) =>
        [.. Criteria("nscl-nghiem-thu").Select(c => new { criterion = c.Id, score = Math.Round(c.MaxScore * 0.8m * 2, MidpointRounding.AwayFromZero) / 2, maxScore = c.MaxScore, comment })];

    static IReadOnlyList<RubricCriterion> Criteria(string rubric) => Catalogue.Rubrics.Single(r => r.Id == rubric).Criteria;

    static object[] Of(string rubric, decimal share) =>
        [.. Criteria(rubric).Select(c => new { criterion = c.Id, score = Math.Round(c.MaxScore * share * 2, MidpointRounding.AwayFromZero) / 2, maxScore = c.MaxScore })];
}
