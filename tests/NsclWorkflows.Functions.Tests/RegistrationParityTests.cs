using NsclWorkflows.Workflows;

namespace NsclWorkflows.Functions.Tests;

/// <summary>Every registered orchestrator and activity is a function with the right trigger, and nothing else is.</summary>
public sealed class RegistrationParityTests
{
    const string OrchestrationTrigger = "orchestrationTrigger";
    const string ActivityTrigger = "activityTrigger";

    [Fact]
    public void OrchestrationFunctions_ComparedWithRegistration_AreTheSame()
    {
        Assert.Equal(
            WorkflowRegistration.Orchestrators.Select(t => t.Name).Order(),
            FunctionNames(OrchestrationTrigger).Order());
    }

    [Fact]
    public void ActivityFunctions_ComparedWithRegistration_AreTheSame()
    {
        Assert.Equal(
            WorkflowRegistration.Activities.Select(t => t.Name).Order(),
            FunctionNames(ActivityTrigger).Order());
    }

    [Fact]
    public void FunctionsMetadata_FunctionNames_AreUnique()
    {
        var names = FunctionsMetadata.Load().Functions.Select(f => f.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    static IEnumerable<string> FunctionNames(string triggerType) =>
        FunctionsMetadata.Load().Functions.Where(f => f.TriggerType == triggerType).Select(f => f.Name);
}
