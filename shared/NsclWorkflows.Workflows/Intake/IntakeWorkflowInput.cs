namespace NsclWorkflows.Workflows.Intake;

/// <summary>
/// Input of <see cref="IntakeWorkflow"/>. Instances in flight hold serialized copies: only ever add fields.
/// </summary>
public sealed record IntakeWorkflowInput(string ApplicationId, DateTimeOffset CompletenessDeadlineUtc);
