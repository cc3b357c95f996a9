namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// What a client's <c>Idempotency-Key</c> stands for: a fingerprint of the request it first came with, and the
/// application that request creates. Stored before anything else, so a repeated or concurrent request with the same
/// key finishes the same creation instead of starting another. It holds no secret: a repeat is answered with the
/// access token only while <see cref="AccessGeneration"/> is still the application's current link generation.
/// </summary>
public sealed record IdempotencyRecord(string Key, string RequestFingerprint, string ApplicationId, string TrackingCode, DateTimeOffset CreatedAtUtc)
{
    /// <summary>
    /// The access-link generation the first answer carried (0: a new application's first link). Records stored
    /// before this property existed read as 0, which is what their first answer carried.
    /// </summary>
    public int AccessGeneration { get; init; }

    /// <summary>Whether the record has outlived <paramref name="retention"/> at <paramref name="now"/> (its key is then forgotten).</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan retention) => CreatedAtUtc + retention <= now;
}

public interface IIdempotencyStore
{
    /// <summary>
    /// Stores the record if the key is new, or if the record stored for it has expired (the key then stands for the
    /// new request); otherwise returns the record already stored for the key.
    /// </summary>
    Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken);

    /// <summary>Deletes the expired records; returns how many. Safe to run on several hosts at once.</summary>
    Task<int> RemoveExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>Settings section <c>Nscl:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Nscl:Idempotency";

    /// <summary>
    /// How long an <c>Idempotency-Key</c> is remembered (hours, default 72): a repeat within it is answered with the
    /// first answer; after it the key is forgotten and a request with it is a new submission.
    /// </summary>
    public int RetentionHours { get; set; } = 72;

    /// <summary>How often the standalone host deletes expired records (minutes, default 60; the Functions app: hourly timer).</summary>
    public int CleanupIntervalMinutes { get; set; } = 60;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}
