namespace NsclWorkflows.Api.Applications;

/// <summary>
/// The answer to a submission: where to follow it and, while the link it first carried is still the application's
/// current one, the secret that opens it. A repeat (same <c>Idempotency-Key</c>, same body) is answered with the first
/// answer, never with more: the status as received, and no token once an officer has replaced the link.
/// </summary>
/// <param name="StatusUrl">The API address of the application (no token: send it in the <c>X-Access-Token</c> header).</param>
/// <param name="AccessToken">The secret for the <c>X-Access-Token</c> header; null when the link has been replaced.</param>
public sealed record SubmissionResponse(
    string ApplicationId,
    string TrackingCode,
    string Status,
    string StatusUrl,
    string? AccessToken,
    DateTimeOffset SubmittedAtUtc,
    DateTimeOffset CompletenessDeadlineUtc)
{
    /// <summary>The enterprise's status page, the token in the fragment (<c>/trang-thai.html#id=…&amp;access=…</c>); null with the token.</summary>
    public string? StatusPage { get; init; }

    /// <summary>True when the link of the first answer has been replaced (revoked): the answer then carries no credential.</summary>
    public bool? AccessLinkReplaced { get; init; }

    /// <summary>For people: why there is no link (Vietnamese), when there is none.</summary>
    public string? Note { get; init; }
}
