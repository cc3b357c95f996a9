using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// One application for support. State changes are methods that refuse illegal transitions; time is passed in.
/// </summary>
public sealed class Application
{
    public Application(
        string id,
        string trackingCode,
        ApplicationSubmission submission,
        string catalogueVersion,
        DateTimeOffset submittedAtUtc,
        DateTimeOffset completenessDeadlineUtc)
    {
        Id = id;
        TrackingCode = trackingCode;
        Submission = submission;
        CatalogueVersion = catalogueVersion;
        SubmittedAtUtc = submittedAtUtc;
        CompletenessDeadlineUtc = completenessDeadlineUtc;
        UpdatedAtUtc = submittedAtUtc;
        Status = ApplicationStatus.Submitted;
    }

    public string Id { get; }

    public string TrackingCode { get; }

    /// <summary>What was submitted, with the particulars corrected since (<see cref="ParticularsCorrection"/>: an order's enterprise, the approving leader).</summary>
    public ApplicationSubmission Submission { get; private set; }

    /// <summary>Version of the catalogue the application is handled under; later amendments do not change it.</summary>
    public string CatalogueVersion { get; }

    public DateTimeOffset SubmittedAtUtc { get; }

    public DateTimeOffset CompletenessDeadlineUtc { get; }

    public ApplicationStatus Status { get; private set; }

    public DateTimeOffset? ReceivedAtUtc { get; private set; }

    public DateTimeOffset? DecidedAtUtc { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionNote { get; private set; }

    public DateTimeOffset UpdatedAtUtc { get; private set; }

    /// <summary>What the lifecycle gathered after intake (see <see cref="LifecycleState"/>).</summary>
    public LifecycleState Lifecycle { get; private set; } = new();

    /// <summary>Sequence number of the last workflow step applied: a re-executed step is recognised and not applied twice.</summary>
    public int LastSequence { get; private set; }

    /// <summary>Restores the lifecycle part of a stored application.</summary>
    public static Application RestoreLifecycle(Application restored, LifecycleState lifecycle, int lastSequence)
    {
        ArgumentNullException.ThrowIfNull(restored);
        ArgumentNullException.ThrowIfNull(lifecycle);
        restored.Lifecycle = lifecycle;
        restored.LastSequence = lastSequence;
        return restored;
    }

    /// <summary>At submission: the budget line and the unit that handle the file, from its support kind.</summary>
    /// <remarks>Lồng ghép support names where its money comes from (<paramref name="integratedFundingFrom"/>); <paramref name="capVnd"/> is the kind's cap for this file.</remarks>
    public void RouteTo(string budgetLineId, string unit, string? integratedFundingFrom = null, long? capVnd = null)
    {
        Lifecycle.BudgetLineId = budgetLineId;
        Lifecycle.Unit = unit;
        Lifecycle.IntegratedFundingFrom = integratedFundingFrom;
        Lifecycle.SupportCapVnd = capVnd;
    }

    /// <summary>At submission or receipt: route the file as its support kind says (line, unit, funding, cap).</summary>
    public void RouteTo(ProgrammeCatalogue catalogue, SupportKind kind)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(kind);
        RouteTo(kind.BudgetLineId, Units.ForLine(catalogue.Programme, kind.BudgetLineId), catalogue.IntegratedFundingOf(kind),
            kind.CapFor(Submission.Nominees?.Count ?? 0));
    }

    /// <summary>At submission: the file answers <paramref name="call"/> (appraised after its close, approved from its envelope).</summary>
    public void JoinCall(Calls.Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Lifecycle.CallId = call.Id;
        Lifecycle.CallClosesAtUtc = call.ClosesAtUtc;
        Lifecycle.CallYear = call.Year;
        Lifecycle.CallRubricId = call.RubricId;
    }

    /// <summary>Replaces the particulars with their correction (checked by <see cref="ParticularsCorrection.ApplyTo"/>).</summary>
    internal void CorrectParticulars(ApplicationSubmission corrected)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        Submission = corrected;
    }

    internal void MoveTo(ApplicationStatus status, DateTimeOffset atUtc)
    {
        Status = status;
        UpdatedAtUtc = atUtc;
    }

    internal void MarkApplied(int sequence, DateTimeOffset atUtc)
    {
        // Never back: an action taken under a number recorded already (see LifecycleMachine) leaves the last number as it is.
        LastSequence = Math.Max(LastSequence, sequence);
        UpdatedAtUtc = atUtc;
    }

    internal void RecordDecision(string actor, string? note, DateTimeOffset atUtc)
    {
        DecidedBy = actor;
        DecisionNote = note;
        DecidedAtUtc = atUtc;
    }

    /// <summary>Rebuilds an application from storage, with its mutable state.</summary>
    public static Application Restore(
        Application created, ApplicationStatus status, DateTimeOffset? receivedAtUtc, DateTimeOffset? decidedAtUtc,
        string? decidedBy, string? decisionNote, DateTimeOffset updatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(created);
        created.Status = status;
        created.ReceivedAtUtc = receivedAtUtc;
        created.DecidedAtUtc = decidedAtUtc;
        created.DecidedBy = decidedBy;
        created.DecisionNote = decisionNote;
        created.UpdatedAtUtc = updatedAtUtc;
        return created;
    }

    /// <summary>The workflow acknowledged receipt. Returns false when it already had (a replayed activity).</summary>
    public bool AcknowledgeReceipt(DateTimeOffset atUtc)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            return false;
        }

        Status = ApplicationStatus.AwaitingCompletenessReview;
        ReceivedAtUtc = atUtc;
        UpdatedAtUtc = atUtc;
        return true;
    }

    /// <summary>An officer found the file complete.</summary>
    public void AcceptCompleteness(string officer, string? note, DateTimeOffset atUtc)
    {
        Require(ApplicationStatus.AwaitingCompletenessReview, "tiếp nhận kết quả kiểm tra tính đầy đủ, hợp lệ của hồ sơ");
        Status = ApplicationStatus.CompletenessAccepted;
        DecidedAtUtc = atUtc;
        DecidedBy = officer;
        DecisionNote = note;
        UpdatedAtUtc = atUtc;
    }

    /// <summary>The completeness review deadline passed with no decision.</summary>
    public void Expire(DateTimeOffset atUtc)
    {
        Require(ApplicationStatus.AwaitingCompletenessReview, "đánh dấu hết hạn");
        Status = ApplicationStatus.Expired;
        DecidedAtUtc = atUtc;
        UpdatedAtUtc = atUtc;
    }

    void Require(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(
                "invalid_transition",
                $"Không thể {action} khi hồ sơ đang ở trạng thái {ApplicationStatusText.Vietnamese(Status)}.");
        }
    }
}
