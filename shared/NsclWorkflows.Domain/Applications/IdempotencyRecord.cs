namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// What a client's <c>Idempotency-Key</c> stands for: a fingerprint of the request it first came with, and the
/// application that request creates. Stored before anything else, so a repeated or concurrent request with the same
/// key finishes the same creation instead of starting another.
/// </summary>
public sealed record IdempotencyRecord(string Key, string RequestFingerprint, string ApplicationId, string TrackingCode, DateTimeOffset CreatedAtUtc);

public interface IIdempotencyStore
{
    /// <summary>Stores the record if the key is new; otherwise returns the record already stored for the key.</summary>
    Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken);
}
