namespace NsclWorkflows.Workflows.Intake;

/// <summary>An officer's completeness decision, raised as the external event <see cref="EventName"/>.</summary>
public sealed record CompletenessDecision(string ApplicationId, string Officer, string? Note)
{
    public const string EventName = "CompletenessDecision";
}
