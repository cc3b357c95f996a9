namespace NsclWorkflows.Workflows.Intake;

/// <summary>How the intake workflow ended.</summary>
public enum IntakeOutcome
{
    CompletenessAccepted,
    Expired,
}
