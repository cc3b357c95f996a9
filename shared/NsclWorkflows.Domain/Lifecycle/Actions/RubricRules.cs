using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// How a score sheet meets its kind's rubric (<see cref="Rubric"/>, catalogue data): every criterion scored once, within
/// its maximum (field <c>scores.{criterionId}</c> names the criterion a problem is about). A kind without a rubric takes
/// free criteria, each with its own maximum. The machine applies these as the API does.
/// </summary>
internal static class RubricRules
{
    /// <summary>The rubric of the file: its call's for the appraisal when the call names one, else its kind's.</summary>
    public static Rubric? RubricOf(Application application, ProgrammeCatalogue catalogue, RubricUse use) =>
        use == RubricUse.Appraisal && application.Lifecycle.CallRubricId is { } callRubric && catalogue.Rubrics.FirstOrDefault(r => r.Id == callRubric) is { } chosen
            ? chosen
            : catalogue.FindKind(application.Submission.SupportKindId) is { } kind ? catalogue.RubricFor(kind, use) : null;

    public static IEnumerable<FieldError> Errors(Rubric? rubric, IReadOnlyList<CriterionScore> scores)
    {
        if (rubric is null)
        {
            return scores.Any(s => s.MaxScore <= 0)
                ? [new FieldError("scores", ErrorCodes.Required, "Vui lòng nhập điểm tối đa (maxScore) của mỗi tiêu chí.")]
                : [];
        }

        return rubric.Check(scores).Select(p => new FieldError(p.Criterion is { } id && rubric.Find(id) is { } c ? $"scores.{c.Id}" : "scores", p.Code, p.Message));
    }

    /// <summary>The sheet as recorded: in the rubric's order, named and bounded by it (as sent when there is no rubric).</summary>
    public static IReadOnlyList<CriterionScore> Recorded(Rubric? rubric, IReadOnlyList<CriterionScore> scores) =>
        rubric is null ? scores : rubric.Normalise(scores);

    /// <summary>The council's result from the sheets that meet the rubric (null: no rubric, or no such sheet).</summary>
    public static RubricOutcome? Outcome(Rubric? rubric, IEnumerable<IReadOnlyList<CriterionScore>> sheets)
    {
        if (rubric is null)
        {
            return null;
        }

        var counted = sheets.Where(s => s.Count > 0 && rubric.Check(s).Count == 0).ToList();
        return counted.Count == 0 ? null : rubric.Assess(counted);
    }
}
