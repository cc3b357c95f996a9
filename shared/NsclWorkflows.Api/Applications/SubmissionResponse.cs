namespace NsclWorkflows.Api.Applications;

/// <summary>The answer to a submission: where to follow it, and the secret that opens it.</summary>
public sealed record SubmissionResponse(
    string ApplicationId,
    string TrackingCode,
    string Status,
    string StatusUrl,
    string AccessToken,
    DateTimeOffset SubmittedAtUtc,
    DateTimeOffset CompletenessDeadlineUtc);
