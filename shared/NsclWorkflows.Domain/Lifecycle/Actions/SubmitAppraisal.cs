using NsclWorkflows.Domain.Catalogue;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// An appraiser's appraisal: a score sheet against the kind's rubric (every criterion once, with a comment). When the
/// kind's number of appraisals is reached the council's result follows the rubric (average per criterion, weighted
/// total, pass mark, mandatory criteria); support is recommended only if the result passes and a majority recommends
/// it, at the lowest amount recommended; the file goes to approval with its appraisal record.
/// </summary>
public sealed class SubmitAppraisal() : ActionDefinition<SubmitAppraisal.Body, SubmitAppraisal.Payload>(LifecycleAction.SubmitAppraisal, "submit-appraisal", Actor.Appraiser,
    (request, _, _) => new(request.Positive ?? false, request.AmountVnd ?? 0, request.Scores ?? [], request.Note))
{
    /// <summary>What the appraiser sends; not recommending support recommends 0 whatever amount came with it.</summary>
    public sealed record Body(bool? RecommendSupport, long? AmountVnd, IReadOnlyList<ScoreBody>? Scores, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with
        {
            Positive = RecommendSupport,
            AmountVnd = RecommendSupport == true ? AmountVnd : 0,
            Scores = Criteria(Scores),
            Note = Block(Note),
        };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Decision(b => b.RecommendSupport);
        body.Amount(b => b.AmountVnd, requiredWhen: b => b.RecommendSupport == true);
        body.Scores(b => b.Scores, required: true);
        body.Note(b => b.Note);
    }

    public override bool IsAppraisal => true;

    public sealed record Payload(bool Recommends, long AmountVnd, IReadOnlyList<CriterionScore> Scores, string? Note);

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue)
    {
        var errors = new List<FieldError>();
        if (!payload.Recommends)
        {
            errors.AddRange(RubricRules.Errors(RubricRules.RubricOf(application, catalogue, RubricUse.Appraisal), payload.Scores));
            return errors;
        }

        // The cap first: the machine refuses with the first error's code.
        if (CapOf(application, catalogue) is { } max && payload.AmountVnd > max)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.ExceedsKindMaximum, $"Kinh phí đề xuất vượt mức hỗ trợ tối đa của nội dung hỗ trợ ({Money(max)})."));
        }

        var requested = application.Submission.RequestedAmountVnd;
        if (payload.AmountVnd > requested)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange, $"Kinh phí đề xuất không được vượt kinh phí doanh nghiệp đề nghị ({Money(requested)})."));
        }

        errors.AddRange(RubricRules.Errors(RubricRules.RubricOf(application, catalogue, RubricUse.Appraisal), payload.Scores));
        return errors;
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var rubric = RubricRules.RubricOf(c.Application, c.Catalogue, RubricUse.Appraisal);
        var scores = RubricRules.Recorded(rubric, payload.Scores);
        var appraisal = new AppraisalRecord(request.ActorName, scores, AppraisalConclusion.Total(rubric, scores), payload.Recommends,
            payload.AmountVnd, payload.Note, c.At)
        {
            AppraiserId = request.ActorId,
        };
        state.AppraisalsList.RemoveAll(x => SameAppraiser(x, request));
        state.AppraisalsList.Add(appraisal);
        if (state.Appraisals.Count < state.AppraisalsRequired)
        {
            return c.Decision(c.Audit(request, AuditKinds.AppraisalSubmitted,
                $"Phiếu thẩm định {state.Appraisals.Count}/{state.AppraisalsRequired}: {appraisal.TotalScore:0.##} điểm."));
        }

        return AppraisalConclusion.Conclude(c, request, rubric);
    }

    /// <summary>
    /// Whether an appraisal is the acting appraiser's own (replaced by a new one): by the stable id when both have one
    /// (two people who share a display name are two appraisers); by the name otherwise, for appraisals or actions
    /// recorded before ids existed.
    /// </summary>
    static bool SameAppraiser(AppraisalRecord recorded, ActionRequest action) =>
        recorded.AppraiserId is { } recordedId && action.ActorId is { } actorId
            ? string.Equals(recordedId, actorId, StringComparison.Ordinal)
            : recorded.Appraiser == action.ActorName;
}
