using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// What one step decided: its audit entry, the budget movements it needs (applied before the step is recorded), the
/// notifications it sends and the documents it issues. The change of state itself is made on the application by the
/// step (through <see cref="StepContext"/>) and written with the audit entry in one transaction.
/// </summary>
public sealed record Decision(AuditEntry Audit)
{
    public IReadOnlyList<BudgetMovementRequest> Movements { get; init; } = [];

    public IReadOnlyList<NotificationRequest> Notifications { get; init; } = [];

    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Why the step was refused (nothing changed but the audit entry); null when it was applied.</summary>
    public string? RefusalCode { get; init; }

    public string? RefusalMessage { get; init; }

    public bool Applied => RefusalCode is null;
}
