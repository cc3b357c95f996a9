namespace NsclWorkflows.Domain.Applications;

/// <summary>Where an application stands. Values are stored by name: add new ones, never rename.</summary>
public enum ApplicationStatus
{
    /// <summary>Stored; the workflow has not yet acknowledged it.</summary>
    Submitted,

    /// <summary>Receipt acknowledged; waiting for an officer's completeness review (with a deadline).</summary>
    AwaitingCompletenessReview,

    /// <summary>The officer found the file complete; appraisal comes next.</summary>
    CompletenessAccepted,

    /// <summary>
    /// Processing stopped and the file returned by the Department (dừng xử lý, trả hồ sơ): the supplementation deadline
    /// passed without the documents (and, in the first release's intake workflow, a completeness review never made).
    /// </summary>
    Expired,

    /// <summary>The officer asked for missing documents; the enterprise has until a deadline to resubmit.</summary>
    SupplementationRequested,

    /// <summary>Appraisers score the application and recommend an amount.</summary>
    UnderAppraisal,

    /// <summary>A leader approves an amount within the line's remaining budget, or rejects.</summary>
    AwaitingApproval,

    /// <summary>Approved: the task runs, with periodic check-ins.</summary>
    InImplementation,

    /// <summary>All check-ins done: waiting for the final report and the council's evaluation.</summary>
    AwaitingFinalEvaluation,

    /// <summary>Evaluated as passed (đạt): final tranche committed.</summary>
    Completed,

    /// <summary>Evaluated as failed (không đạt).</summary>
    Failed,

    /// <summary>The leader rejected the application.</summary>
    Rejected,

    /// <summary>Withdrawn by the enterprise (rút hồ sơ: only the applicant withdraws; files stopped by the Department are <see cref="Expired"/>).</summary>
    Withdrawn,

    /// <summary>An approved task cancelled by an officer.</summary>
    Cancelled,

    /// <summary>
    /// Approved (the amount reserved, the draft decision issued): waiting for the leader to record the signed decision,
    /// numbered in the decision register; the enterprise is told, and implementation starts, once it is recorded.
    /// </summary>
    AwaitingDecisionSigning,

    /// <summary>
    /// Evaluated (the final tranche, if any, committed and payable) or cancelled with a tranche owed: waiting for the
    /// accountant to record the payments still open; the file closes (Completed, Failed for a failed evaluation, Cancelled)
    /// once the last is paid.
    /// </summary>
    AwaitingFinalPayment,

    /// <summary>
    /// An order or a direct assignment (đặt hàng, giao trực tiếp) an officer created for a named enterprise: waiting
    /// for the enterprise to confirm through its link; then appraised as any file (or returned at the deadline).
    /// </summary>
    AwaitingEnterpriseConfirmation,

    /// <summary>
    /// Evaluated as passed where the Department issues a recognition decision (catalogue <c>recognitionPolicy</c>): the
    /// draft decision is issued, waiting for a leader to record it signed, numbered in the decision register; the enterprise
    /// is told the result (and the file closes or awaits its final payment) once it is recorded.
    /// </summary>
    AwaitingRecognitionSigning,
}
