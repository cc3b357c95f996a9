namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// A human step of the lifecycle. Each is an HTTP action checked against the current state and, when allowed,
/// raised to the application's workflow as the external event of the same name. Stored by name: only add.
/// </summary>
public enum LifecycleAction
{
    AcceptCompleteness,
    RequestSupplementation,
    Resubmit,
    SubmitAppraisal,
    Approve,
    Reject,
    SubmitCheckIn,
    ReviewCheckIn,
    RequestExtension,
    DecideExtension,
    SubmitFinalReport,
    Evaluate,
    Withdraw,
    Cancel,

    /// <summary>An officer's note on the file (an annotation: no step, no deadline moved).</summary>
    AddNote,

    /// <summary>A leader records the signed approval decision (its PDF, date and signer); the register gives its number.</summary>
    RecordSignedDecision,

    /// <summary>The unit's accountant records the payment of a payable tranche (date, amount, the treasury's reference); it disburses.</summary>
    RecordPayment,

    /// <summary>A council's result on the file (its members' counted sheets), delivered when its secretary closes the session; never sent over HTTP.</summary>
    RecordCouncilResult,
    /// <summary>The enterprise confirms a task the Department ordered from it or assigned to it (đặt hàng, giao trực tiếp).</summary>
    ConfirmAssignment,

    /// <summary>An evaluation council's verdict on the file (nghiệm thu), delivered when its secretary closes the session; never sent over HTTP.</summary>
    RecordCouncilEvaluation,

    /// <summary>A leader records the signed recognition decision (quyết định công nhận kết quả; its PDF, date and signer); the register gives its number.</summary>
    RecordSignedRecognition,
}

/// <summary>Who may take an action.</summary>
public enum Actor
{
    /// <summary>The enterprise, through its secret access link.</summary>
    Enterprise,

    /// <summary>Any officer of the unit that handles the application.</summary>
    Officer,

    Appraiser,

    Leader,

    /// <summary>The unit's accountant (kế toán): records payments.</summary>
    Accountant,

    /// <summary>A council, through its secretary's close of the session (no officer or enterprise sends it).</summary>
    Council,
}
