namespace NsclWorkflows.Domain.Applications;

/// <summary>Where applications live. Implementations do point reads only and refuse lost updates.</summary>
public interface IApplicationRepository
{
    /// <summary>Stores a new application. Returns false (and changes nothing) if one with that id exists.</summary>
    Task<bool> TryAddAsync(Application application, CancellationToken cancellationToken);

    Task<Application?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the application, applies <paramref name="change"/> and writes it back only if nobody wrote in between;
    /// retries on a conflict. Returns null if there is no such application.
    /// </summary>
    Task<Application?> UpdateAsync(string id, Action<Application> change, CancellationToken cancellationToken);

    /// <summary>Appends an entry to the application's audit trail.</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string applicationId, CancellationToken cancellationToken);
}

/// <summary>One line of an application's history: what happened, when, by whom.</summary>
public sealed record AuditEntry(string ApplicationId, DateTimeOffset AtUtc, string Kind, string Actor, string Detail);

/// <summary>Kinds of audit entries (stable strings).</summary>
public static class AuditKinds
{
    public const string Submitted = "Submitted";
    public const string ReceiptAcknowledged = "ReceiptAcknowledged";
    public const string CompletenessAccepted = "CompletenessAccepted";
    public const string Expired = "Expired";
}
