namespace NsclWorkflows.Domain.Applications;

/// <summary>Where applications live. Implementations do point reads only and refuse lost updates.</summary>
public interface IApplicationRepository
{
    /// <summary>
    /// Stores a new application with its first audit entry, atomically. Returns false (and changes nothing) if one
    /// with that id exists.
    /// </summary>
    Task<bool> TryAddAsync(Application application, AuditEntry firstEntry, CancellationToken cancellationToken);

    Task<Application?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the application and lets <paramref name="change"/> act on it. When it returns an audit entry, the changed
    /// application and that entry are written together (one transaction) only if nobody wrote in between; on a
    /// conflict the whole read-change-write is retried. When it returns null nothing is written.
    /// Returns null if there is no such application.
    /// </summary>
    Task<Application?> UpdateAsync(string id, Func<Application, AuditEntry?> change, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken);
}

/// <summary>One line of an application's history: what happened, when, by whom.</summary>
public sealed record AuditEntry(string ApplicationId, DateTimeOffset AtUtc, string Kind, string Actor, string Detail);

/// <summary>Kinds of audit entries (stable strings).</summary>
public static class AuditKinds
{
    public const string Submitted = "Submitted";
    public const string ReceiptAcknowledged = "ReceiptAcknowledged";

    /// <summary>The receipt activity ran again for an application already acknowledged (at-least-once delivery).</summary>
    public const string ReceiptAcknowledgedAgain = "ReceiptAcknowledgedAgain";
    public const string CompletenessAccepted = "CompletenessAccepted";
    public const string Expired = "Expired";
}
