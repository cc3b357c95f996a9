namespace NsclWorkflows.Domain.Applications;

/// <summary>The answer of <see cref="IContactEmailQuota.TryCountAsync"/>: allowed, or when the next may be.</summary>
public readonly record struct ContactEmailQuotaDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly ContactEmailQuotaDecision Yes = new(true, TimeSpan.Zero);
}

/// <summary>
/// How many submissions name one contact e-mail address (each sends a receipt there) in a sliding 24 hours, shared by
/// every host instance and surviving restarts.
/// </summary>
public interface IContactEmailQuota
{
    /// <summary>
    /// Counts the submission identified by <paramref name="requestKey"/> for <paramref name="contactEmail"/> when fewer than
    /// <paramref name="perDay"/> were counted in the 24 hours before <paramref name="now"/>. A key already counted (a
    /// replay of the same Idempotency-Key) is allowed again and not counted twice.
    /// </summary>
    Task<ContactEmailQuotaDecision> TryCountAsync(string contactEmail, string requestKey, int perDay, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The address as counted: lower case, without a "+tag" in the local part (one mailbox, one count).</summary>
    public static string Mailbox(string contactEmail)
    {
        ArgumentNullException.ThrowIfNull(contactEmail);
        var at = contactEmail.LastIndexOf('@');
        var local = at < 0 ? contactEmail : contactEmail[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return ((plus > 0 ? local[..plus] : local) + (at < 0 ? string.Empty : contactEmail[at..])).ToLowerInvariant();
    }
}
