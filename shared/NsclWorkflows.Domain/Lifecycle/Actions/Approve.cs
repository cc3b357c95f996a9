using NsclWorkflows.Domain.Calendar;
using static NsclWorkflows.Domain.Lifecycle.Facts;

namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// A leader approves support: the amount is reserved in the budget year (the ledger may refuse: no allocation, not
/// enough left) and the draft approval decision is issued; the file then waits for the signed decision
/// (<see cref="RecordSignedDecision"/>): the enterprise is told, and implementation starts, once it is recorded.
/// </summary>
public sealed class Approve() : ActionDefinition<Approve.Body, Approve.Payload>(LifecycleAction.Approve, "approve", Actor.Leader,
    (request, application, atUtc) => new(request.AmountVnd ?? 0, request.BudgetYear,
        application.Lifecycle.CallYear ?? request.BudgetYear ?? atUtc.ToOffset(DeadlinePlanner.VietnamOffset).Year, request.Note)
    {
        CoFunding = request.Particulars?.CoFunding is not null ? new ParticularsCorrection { CoFunding = request.Particulars.CoFunding } : null,
    })
{
    /// <summary><see cref="CoFunding"/>: the task's co-funding as the leader corrects it (absent: as declared; <c>[]</c>: none).</summary>
    public sealed record Body(long? AmountVnd, int? BudgetYear, string? Note, IReadOnlyList<CoFundingDraft?>? CoFunding = null) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope) => envelope with
        {
            AmountVnd = AmountVnd, BudgetYear = BudgetYear, Note = Block(Note),
            Particulars = CoFunding is null ? null : new ParticularsCorrection { CoFunding = CoFunding },
        };
    }

    protected override void Rules(InlineValidator<Body> body)
    {
        body.Amount(b => b.AmountVnd, requiredWhen: _ => true);
        body.WholeNumber(b => b.BudgetYear, 2000, 2100);
        body.Note(b => b.Note);
    }

    /// <summary><see cref="Year"/>: the year asked for, else the Vietnam year of the decision (computed here once).</summary>
    public sealed record Payload(long AmountVnd, int? AskedYear, int Year, string? Note)
    {
        /// <summary>The co-funding corrected at approval; null: as declared.</summary>
        public ParticularsCorrection? CoFunding { get; init; }
    }

    public override string RefusalAuditKind => AuditKinds.ApprovalRefused;

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue)
    {
        var errors = new List<FieldError>();
        if (application.Lifecycle.RecommendedAmountVnd is { } ceiling && payload.AmountVnd > ceiling)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.OutOfRange, $"Kinh phí phê duyệt không được vượt kinh phí hội đồng thẩm định đề xuất ({Money(ceiling)})."));
        }
        else if (CapOf(application, catalogue) is { } cap && payload.AmountVnd > cap)
        {
            errors.Add(new FieldError("amountVnd", ErrorCodes.ExceedsKindMaximum, $"Kinh phí phê duyệt vượt mức hỗ trợ tối đa của nội dung hỗ trợ ({Money(cap)})."));
        }

        // Any year allocations may be recorded for (the plan's first to ten after its last); whether the year has money
        // is the ledger's answer (no_allocation / budget_exceeded), since allocations are data.
        var (firstYear, lastYear) = (catalogue.Programme.Years.Min(), catalogue.Programme.Years.Max() + BudgetPlan.YearsAfterPlan);
        if (payload.AskedYear is { } y && (y < firstYear || y > lastYear))
        {
            errors.Add(new FieldError("budgetYear", ErrorCodes.OutOfRange, $"Năm ngân sách phải từ {firstYear} đến {lastYear}."));
        }
        else if (payload.AskedYear is { } asked && application.Lifecycle.CallYear is { } callYear && asked != callYear)
        {
            errors.Add(new FieldError("budgetYear", ErrorCodes.OutOfRange, $"Hồ sơ thuộc đợt tuyển chọn có kinh phí năm {callYear}; năm ngân sách phải là {callYear}."));
        }

        if (payload.CoFunding is { } coFunding)
        {
            errors.AddRange(coFunding.ApplyTo(application.Submission, catalogue).Errors);
        }

        return errors;
    }

    /// <summary>
    /// The approved amount reserved for the file: from the item's free allocation, or, for a file of a call, drawn from
    /// the call's envelope (refused <c>envelope_exceeded</c> beyond what the envelope still holds).
    /// </summary>
    protected override IReadOnlyList<BudgetMovementRequest> Movements(Payload payload, ActionRequest request, Application application, DateTimeOffset atUtc)
    {
        var key = new BudgetKey(application.Lifecycle.BudgetLineId, payload.Year);
        return application.Lifecycle.CallId is { } callId
            ? [Move(application, "reserve", key, BudgetMovementKind.Draw, payload.AmountVnd, request, "Phê duyệt hỗ trợ từ kinh phí đợt tuyển chọn", atUtc) with { FromHolderId = callId }]
            : [Move(application, "reserve", key, BudgetMovementKind.Reserve, payload.AmountVnd, request, "Phê duyệt hỗ trợ", atUtc)];
    }

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var state = c.State;
        if (c.LedgerRefusal is { Refused: true } refusal)
        {
            state.LastApprovalRefusal = refusal.RefusalMessage;
            c.Refuse(refusal.RefusalCode ?? "budget_refused", refusal.RefusalMessage ?? "Chưa tạm giữ được kinh phí trên sổ kinh phí; hồ sơ chưa được phê duyệt.");
            return c.Decision(c.Audit(request, AuditKinds.ApprovalRefused, c.RefusalMessage!));
        }

        var correction = payload.CoFunding?.ApplyTo(c.Application.Submission, c.Catalogue);
        if (correction is { Corrected: { } withCoFunding, Changes.Count: > 0 })
        {
            c.Application.CorrectParticulars(withCoFunding);
        }

        var corrected = correction?.Changes ?? [];

        var approved = new ApprovalRecord(request.ActorName, payload.AmountVnd, payload.Year, payload.Note, c.At);
        state.Approval = approved;
        state.LastApprovalRefusal = null;
        c.RecordDecision(request.ActorName, payload.Note);
        c.AwaitSigning();
        c.Notify(NotificationEvent.DecisionSigningRequested, "decision-signing", NotificationAudience.Leaders,
            (NotificationFacts.ApprovedAmountVnd, Raw(approved.AmountVnd)), (NotificationFacts.DueDate, Iso(state.StepDueUtc!.Value)),
            (NotificationFacts.Note, payload.Note ?? string.Empty));
        var detail = state.IntegratedFundingFrom is { } fundedFrom
            ? $"Phê duyệt hỗ trợ {Money(approved.AmountVnd)} (dòng {state.BudgetLineId}, kinh phí lồng ghép từ {fundedFrom}; không sử dụng kinh phí của Kế hoạch)."
            : $"Phê duyệt hỗ trợ {Money(approved.AmountVnd)} (dòng {state.BudgetLineId}, năm {payload.Year}).";
        if (corrected.Count > 0)
        {
            detail += $" Điều chỉnh {char.ToLowerInvariant(corrected[0][0])}{corrected[0][1..]}.";
        }

        return c.Decision(c.Audit(request, AuditKinds.Approved, detail)) with { Documents = [Documents.DocumentKinds.ApprovalDecision] };
    }
}
