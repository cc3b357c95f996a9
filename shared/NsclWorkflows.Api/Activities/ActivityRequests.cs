namespace NsclWorkflows.Api.Activities;

/// <summary>The body of <c>POST /api/activities/{id}/close</c> (for the OpenAPI document; the handler reads the JSON itself).</summary>
/// <param name="Note">What was done, for the record.</param>
public sealed record ActivityCloseRequest(string? Note);

/// <summary>The body of <c>POST /api/activities/{id}/cancel</c> (for the OpenAPI document; the handler reads the JSON itself).</summary>
/// <param name="Reason">Why the activity is cancelled.</param>
public sealed record ActivityCancelRequest(string? Reason);
