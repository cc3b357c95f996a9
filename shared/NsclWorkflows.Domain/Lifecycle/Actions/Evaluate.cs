using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// The leader's final evaluation. Passed: the final amount (at most the approved one) is settled — the rest committed
/// and made payable (the accountant's recorded payment disburses it), what was not used released; failed: what was
/// reserved and not committed is released. The file closes once nothing is owed (else <see cref="ApplicationStatus.AwaitingFinalPayment"/>).
/// When an evaluation council concluded on the file (<see cref="RecordCouncilEvaluation"/>), the leader decides on its
/// advice: a pass or fail contradicting it is refused (<see cref="ContradictsCouncil"/>), the final amount is at most the
/// council's recommendation (<see cref="ExceedsCouncil"/>) and, when none is given, is that recommendation.
/// </summary>
public sealed class Evaluate() : ActionDefinition<Evaluate.Body, Evaluate.Payload>(LifecycleAction.Evaluate, "evaluate", Actor.Leader,
    Read)
{
    /// <summary>The leader's pass or fail differs from the evaluation council's verdict on the file (422).</summary>
    public const string ContradictsCouncil = "evaluation_contradicts_council";

    /// <summary>The final amount exceeds what the evaluation council recommended (422).</summary>
    public const string ExceedsCouncil = "evaluation_exceeds_council";

    public sealed record Body(bool? Passed, long? AmountVnd, IReadOnlyList<ScoreBody>? Scores, string? Note) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) =>
            envelope with { Positive = Passed, AmountVnd = AmountVnd, Scores = Criteria(Scores), Note = Block(Note) };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Decision(b => b.Passed);
        body.Amount(b => b.AmountVnd);
        body.Scores(b => b.Scores, required: false);
        body.Text(b => b.Note, requiredWhen: b => b.Passed == false);
    }

    /// <summary><see cref="FinalAmountVnd"/> and <see cref="ReservedVnd"/> are computed here once, from the approval and what was committed.</summary>
    public sealed record Payload(bool Passed, long? AskedVnd, long FinalAmountVnd, long ReservedVnd, IReadOnlyList<CriterionScore> Scores, string? Note);

    static Payload Read(ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var state = application.Lifecycle;
        var passed = request.Positive == true;
        var approved = state.Approval?.AmountVnd ?? 0;
        var advised = state.CouncilEvaluation is { Passed: true } council ? council.RecommendedAmountVnd : approved;
        var final = passed && state.Approval is not null ? Math.Min(request.AmountVnd ?? advised, approved) : state.CommittedVnd;
        return new(passed, request.AmountVnd, final, approved - state.CommittedVnd, request.Scores ?? [], request.Note);
    }

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue)
    {
        var errors = new List<FieldError>();
        if (payload.AskedVnd is { } asked && application.Lifecycle.Approval is { } approval && asked > approval.AmountVnd)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange, $"Kinh phí nghiệm thu không được vượt kinh phí đã phê duyệt ({Money(approval.AmountVnd)})."));
        }

        if (application.Lifecycle.CouncilEvaluation is { } council)
        {
            var said = council.Passed ? "Đạt" : "Không đạt";
            if (council.Passed != payload.Passed)
            {
                errors.Add(new FieldError("passed", ContradictsCouncil,
                    $"Kết quả \"{(payload.Passed ? "Đạt" : "Không đạt")}\" trái với kết luận của {council.Council.Name} (\"{said}\"); Lãnh đạo Sở nghiệm thu theo kết luận của hội đồng."));
            }
            else if (payload.Passed && payload.AskedVnd is { } asked2 && asked2 > council.RecommendedAmountVnd)
            {
                errors.Add(new FieldError("amountVnd", ExceedsCouncil,
                    $"Kinh phí nghiệm thu không được vượt kinh phí {council.Council.Name} đề nghị ({Money(council.RecommendedAmountVnd)})."));
            }
        }

        // Scores are optional (the council's minutes may be recorded as a verdict only); given, they follow the rubric,
        // and the verdict is the rubric's.
        if (payload.Scores.Count > 0)
        {
            var rubric = RubricRules.RubricOf(application, catalogue, Catalogue.RubricUse.Evaluation);
            var sheetErrors = RubricRules.Errors(rubric, payload.Scores).ToList();
            errors.AddRange(sheetErrors);
            if (sheetErrors.Count == 0 && RubricRules.Outcome(rubric, [payload.Scores]) is { } outcome && outcome.Passed != payload.Passed)
            {
                errors.Add(new FieldError("passed", Catalogue.RubricCodes.ContradictsRubric,
                    $"Kết quả \"{(payload.Passed ? "Đạt" : "Không đạt")}\" trái với phiếu đánh giá: {outcome.Describe()}."));
            }
        }

        return errors;
    }

    protected override IReadOnlyList<BudgetMovementRequest> Movements(Payload payload, ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var state = application.Lifecycle;
        if (state.Approval is not { } approval)
        {
            return [];
        }

        var key = Key(state, approval);
        if (!payload.Passed)
        {
            return payload.ReservedVnd <= 0 ? [] : [Move(application, "release-failed", key, BudgetMovementKind.Release, payload.ReservedVnd, request, "Nghiệm thu không đạt", atUtc)];
        }

        var last = Math.Max(0, payload.FinalAmountVnd - state.CommittedVnd);
        var moves = new List<BudgetMovementRequest>();
        if (last > 0)
        {
            moves.Add(Move(application, "commit-final", key, BudgetMovementKind.Commit, last, request, "Nghiệm thu đạt: đợt cuối", atUtc));
        }

        if (payload.ReservedVnd - last > 0)
        {
            moves.Add(Move(application, "release-final", key, BudgetMovementKind.Release, payload.ReservedVnd - last, request, "Kinh phí không sử dụng hết", atUtc));
        }

        return moves;
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        var passed = payload.Passed;
        var rubric = payload.Scores.Count > 0 ? c.Catalogue.RubricFor(c.Kind, Catalogue.RubricUse.Evaluation) : null;
        var scores = RubricRules.Recorded(rubric, payload.Scores);
        state.Evaluation = new EvaluationRecord(request.ActorName, passed, scores, payload.FinalAmountVnd, payload.Note, c.At)
        {
            Outcome = RubricRules.Outcome(rubric, [scores]),
        };
        PayableRecord? payable = null;
        if (passed && payload.FinalAmountVnd > state.CommittedVnd)
        {
            var last = payload.FinalAmountVnd - state.CommittedVnd;
            state.CommittedVnd = payload.FinalAmountVnd;
            payable = c.PayableOrPaidElsewhere(null, last);
        }

        c.RecordDecision(request.ActorName, payload.Note);
        var payableText = payable is null ? string.Empty : $" Kinh phí đợt cuối ({Money(payable.AmountVnd)}) chờ kế toán chi trả (hạn {Date(payable.DueUtc)}).";
        if (passed && c.Catalogue.RecognitionPolicy.IssuesDecision)
        {
            // The Department recognises the results by a signed decision: the draft is issued, a leader records it signed,
            // and only then is the enterprise told (RecordSignedRecognition).
            state.RecognitionRequired = true;
            c.MoveTo(ApplicationStatus.AwaitingRecognitionSigning);
            c.StartStep(c.WorkingDays(c.Policy.DecisionSigningWorkingDays));
            c.Notify(NotificationEvent.RecognitionSigningRequested, "recognition-signing", NotificationAudience.Leaders,
                (NotificationFacts.ApprovedAmountVnd, Raw(payload.FinalAmountVnd)), (NotificationFacts.DueDate, Iso(state.StepDueUtc!.Value)),
                (NotificationFacts.Note, payload.Note ?? string.Empty));
            var awaiting = c.Audit(request, AuditKinds.EvaluationAwaitingRecognition,
                $"Nghiệm thu đạt; kinh phí quyết toán {Money(payload.FinalAmountVnd)}. Dự thảo quyết định công nhận kết quả đã được lập: "
                + "doanh nghiệp được thông báo khi quyết định đã ký được ghi nhận." + payableText);
            return c.Decision(awaiting) with { Documents = [Documents.DocumentKinds.EvaluationMinutes, Documents.DocumentKinds.RecognitionDecision] };
        }

        c.CloseOrAwaitPayment(passed ? ApplicationStatus.Completed : ApplicationStatus.Failed, payload.Note);
        c.Notify(NotificationEvent.FinalEvaluationResult, "evaluation", NotificationAudience.Enterprise,
            (NotificationFacts.Result, passed ? "Đạt" : "Không đạt"), (NotificationFacts.EvaluationDate, Iso(c.At)), (NotificationFacts.Note, payload.Note ?? string.Empty));
        var audit = c.Audit(request, passed ? AuditKinds.EvaluationPassed : AuditKinds.EvaluationFailed,
            (passed ? $"Nghiệm thu đạt; kinh phí quyết toán {Money(payload.FinalAmountVnd)}." : $"Nghiệm thu không đạt: {payload.Note}") + payableText);
        return c.Decision(audit) with { Documents = [Documents.DocumentKinds.EvaluationMinutes] };
    }
}
