namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// A human step, checked by the HTTP layer and raised to the application's workflow as the external event
/// <see cref="EventName"/>. One shape for every action on the wire; each action reads it into its own typed payload
/// inside the domain (<see cref="Actions.ActionDefinition{TPayload}"/>). Stored in workflow history: only ever add fields.
/// </summary>
/// <remarks>
/// Why this envelope stays (history compatibility): running instances hold this record, serialized by the Durable
/// Task data converter, in their history as the payload of <see cref="EventName"/>, and replay deserializes it with
/// <c>WaitForExternalEvent&lt;ActionRequest&gt;</c>. Replacing it on the wire with per-action records (a polymorphic
/// type with a discriminator) would leave old payloads without the discriminator unreadable on replay. Keeping the
/// envelope and mapping it to typed payloads in the domain means old payloads replay unchanged; new fields are
/// nullable additions, which old payloads simply lack.
/// </remarks>
public sealed record ActionRequest(
    LifecycleAction Action,
    string ActorName,
    string ActorRole)
{
    public const string EventName = "LifecycleAction";

    /// <summary>Free text: a decision note, reasons, a report, a comment.</summary>
    public string? Note { get; init; }

    /// <summary>Supplementation: the documents or facts still missing.</summary>
    public IReadOnlyList<string>? MissingItems { get; init; }

    /// <summary>Supplementation: working days the enterprise is given (the policy's value when absent).</summary>
    public int? WorkingDays { get; init; }

    /// <summary>Appraisal or evaluation: scores per criterion.</summary>
    public IReadOnlyList<CriterionScore>? Scores { get; init; }

    /// <summary>Appraisal: recommended amount; approval: approved amount; check-in: money spent; evaluation: final amount.</summary>
    public long? AmountVnd { get; init; }

    /// <summary>Approval: the budget year the amount is reserved in.</summary>
    public int? BudgetYear { get; init; }

    /// <summary>Appraisal: recommends support; check-in review: accepted (false: revise); extension: granted; evaluation: passed.</summary>
    public bool? Positive { get; init; }

    /// <summary>Check-in: percent of the work done (0–100).</summary>
    public int? PercentDone { get; init; }

    /// <summary>Names of attachments stored with the report.</summary>
    public IReadOnlyList<string>? Attachments { get; init; }

    /// <summary>
    /// The actor's stable identity (an officer's subject id from the identity provider; absent for the enterprise and
    /// for actions recorded before it existed). <see cref="ActorName"/> is only shown.
    /// </summary>
    public string? ActorId { get; init; }

    /// <summary>Extension request: the new due date asked for (Vietnam local date).</summary>
    public DateOnly? NewDueDate { get; init; }

    /// <summary>
    /// The <see cref="LifecycleState.Version"/> the person saw (the page's <c>If-Match</c>); the machine refuses the
    /// action as <c>stale_version</c> when the file has moved on since. Null: decided on the state it meets (clients
    /// that send no <c>If-Match</c>, and actions raised before versions existed).
    /// </summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>Signed decision: the date it was signed (Vietnam local date).</summary>
    public DateOnly? SignedOn { get; init; }

    /// <summary>Signed decision: who signed it (shown on the register and to the enterprise, as printed on the decision).</summary>
    public string? SignerName { get; init; }

    /// <summary>Signed decision: the signer's title ("Phó Giám đốc").</summary>
    public string? SignerTitle { get; init; }

    /// <summary>
    /// The stored name of the step's signed PDF among the application's attachments: the signed decision's, or the payment's
    /// voucher (chứng từ chi, optional). The action's <see cref="Actions.ActionDefinition.FileField"/> names it in the body.
    /// </summary>
    public string? SignedFile { get; init; }

    /// <summary>
    /// The accepted action's id, given by the API when it keeps the action in <see cref="IPendingActions"/> before
    /// raising it: the machine takes one id once (<see cref="LifecycleState.TakenActionIds"/>), whether it came as the
    /// event, from the store, or both. Null: raised before actions were kept (taken as before).
    /// </summary>
    public string? ActionId { get; init; }

    /// <summary>Payment: the payable tranche paid (<see cref="PayableRecord.Id"/>: "checkin-1", "final").</summary>
    public string? PayableId { get; init; }

    /// <summary>Payment: the date it was paid (Vietnam local date).</summary>
    public DateOnly? PaidOn { get; init; }

    /// <summary>Payment: the treasury's reference (số chứng từ, mã giao dịch Kho bạc).</summary>
    public string? TreasuryReference { get; init; }

    /// <summary>Council result: the council, its members and each counted member's sheet (sent only by the council's close path).</summary>
    public CouncilVerdict? Council { get; init; }

    /// <summary>
    /// Order confirmed: the particulars the enterprise corrects; approval: the co-funding the leader corrects. Null:
    /// nothing corrected (and on actions raised before corrections existed).
    /// </summary>
    public Applications.ParticularsCorrection? Particulars { get; init; }
}

/// <summary>A score against one criterion of the kind's appraisal or evaluation.</summary>
public sealed record CriterionScore(string Criterion, decimal Score, decimal MaxScore)
{
    /// <summary>The member's comment on the criterion (nhận xét).</summary>
    public string? Comment { get; init; }

    /// <summary>The rubric criterion's id, once the sheet is checked against its rubric (null on sheets before rubrics).</summary>
    public string? CriterionId { get; init; }
}
