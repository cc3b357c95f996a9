using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The changes to a file's lifecycle record that are not steps of its workflow: the enterprise's access link (issued,
/// rotated by an officer), the inbox back in line after a failure, a failed document issued after all. The only ways
/// besides <see cref="LifecycleMachine"/> that <see cref="LifecycleState"/> changes; each returns the audit entry to
/// write with the change (null: nothing changed).
/// </summary>
public static class LifecycleUpkeep
{
    /// <summary>Records the hash of the access token now issued (the token itself is never stored).</summary>
    public static void UseAccessToken(Application application, string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        application.Lifecycle.AccessTokenHash = tokenHash;
    }

    /// <summary>An officer revokes the enterprise's link: the next generation is issued (then <see cref="UseAccessToken"/>).</summary>
    public static AuditEntry RotateAccessLink(Application application, string officerName, string role, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        application.Lifecycle.AccessGeneration++;
        application.Lifecycle.AccessRevokedAtUtc = atUtc;
        return Entry(application, atUtc, AuditKinds.AccessLinkRotated, officerName, role, "Thu hồi đường liên kết cũ, cấp đường liên kết mới cho doanh nghiệp.");
    }

    /// <summary>The officers' inbox is in line with the file again after a failure; null when it was not behind.</summary>
    public static AuditEntry? InboxRestored(Application application, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Lifecycle.InboxFailure is null)
        {
            return null;
        }

        application.Lifecycle.InboxFailure = null;
        return Entry(application, atUtc, AuditKinds.InboxRestored, LifecycleMachine.SystemActor, LifecycleMachine.SystemActor,
            "Hộp việc của cán bộ đã được cập nhật lại.");
    }

    /// <summary>A document that had failed was issued after all; null when no failure of its kind was recorded.</summary>
    public static AuditEntry? DocumentReissued(Application application, string kind, string detail, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Lifecycle.DocumentFailuresList.RemoveAll(f => f.Kind == kind) == 0
            ? null
            : Entry(application, atUtc, AuditKinds.DocumentReissued, LifecycleMachine.SystemActor, LifecycleMachine.SystemActor, detail);
    }

    /// <summary>
    /// A notification could not be delivered (its send gave up after its retries, or the provider refused it): the same
    /// record and audit entry as the workflow's <see cref="StepKind.NotificationFailed"/> step, written by the
    /// notification's own orchestration (off the lifecycle's path, so without a step number). Idempotent by
    /// <paramref name="key"/> (the notification's identity): null when that failure is already recorded.
    /// </summary>
    public static AuditEntry? NotificationFailed(Application application, string key, string detail, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(detail);
        var state = application.Lifecycle;
        if (state.NotificationFailureKeys.Contains(key))
        {
            return null;
        }

        state.NotificationFailureKeysList.Add(key);
        state.NotificationFailuresList.Add(detail);
        return Entry(application, atUtc, AuditKinds.NotificationFailed, LifecycleMachine.SystemActor, LifecycleMachine.SystemActor, detail);
    }

    /// <summary>The officers' copy of the record: without what must not leave the server (the access token's hash) or is internal bookkeeping.</summary>
    public static LifecycleState ForOfficers(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new()
        {
            Unit = state.Unit,
            BudgetLineId = state.BudgetLineId,
            IntegratedFundingFrom = state.IntegratedFundingFrom,
            SupportCapVnd = state.SupportCapVnd,
            CallId = state.CallId,
            CallClosesAtUtc = state.CallClosesAtUtc,
            CallYear = state.CallYear,
            CallRubricId = state.CallRubricId,
            StepDueUtc = state.StepDueUtc,
            StepEscalations = state.StepEscalations,
            Supplementations = state.Supplementations,
            AppraisalsRequired = state.AppraisalsRequired,
            Appraisals = state.Appraisals,
            RecommendedAmountVnd = state.RecommendedAmountVnd,
            AppraisalOutcome = state.AppraisalOutcome,
            Council = state.Council,
            Approval = state.Approval,
            LastApprovalRefusal = state.LastApprovalRefusal,
            RejectionReason = state.RejectionReason,
            CheckIns = state.CheckIns,
            CurrentCheckIn = state.CurrentCheckIn,
            PendingExtension = state.PendingExtension,
            Extensions = state.Extensions,
            FinalReport = state.FinalReport,
            FinalReportDueUtc = state.FinalReportDueUtc,
            Evaluation = state.Evaluation,
            CommittedVnd = state.CommittedVnd,
            DisbursedVnd = state.DisbursedVnd,
            ClosingReason = state.ClosingReason,
            OpenTasks = state.OpenTasks,
            NotificationFailures = state.NotificationFailures,
            DocumentFailures = state.DocumentFailures,
            InboxFailure = state.InboxFailure,
            LedgerIssues = state.LedgerIssues,
            LastLedgerRefusal = state.LastLedgerRefusal,
            SignedDecision = state.SignedDecision,
            Payables = state.Payables,
            CouncilEvaluation = state.CouncilEvaluation,
            RecognitionRequired = state.RecognitionRequired,
            SignedRecognition = state.SignedRecognition,
        };
    }

    static AuditEntry Entry(Application application, DateTimeOffset atUtc, string kind, string actor, string role, string detail) =>
        new(application.Id, atUtc, kind, actor, detail)
        {
            Role = role,
            FromStatus = application.Status.ToString(),
            ToStatus = application.Status.ToString(),
        };
}
