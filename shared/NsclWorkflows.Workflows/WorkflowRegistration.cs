using Microsoft.DurableTask;
using NsclWorkflows.Workflows.Activities;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Councils;
using NsclWorkflows.Workflows.Lifecycle;
using NsclWorkflows.Workflows.Notifications;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Workflows;

/// <summary>The one list of every orchestrator and activity. Both hosts register from it; tests check the Functions
/// wrappers against it.</summary>
public static class WorkflowRegistration
{
    public static readonly IReadOnlyList<Type> Orchestrators =
    [
        typeof(ApplicationWorkflow),
        typeof(YearEndReportWorkflow),
        typeof(ProgrammeActivityWorkflow),
        typeof(ReportRunWorkflow),
        typeof(NotificationWorkflow),
        typeof(CouncilWorkflow),
        typeof(Calls.CallWorkflow),
    ];

    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(RecordStepActivity),
        typeof(SyncInboxActivity),
        typeof(SendNotificationActivity),
        typeof(IssueDocumentActivity),
        typeof(GatherYearEndReportActivity),
        typeof(BuildYearEndReportActivity),
        typeof(ActivityStepActivity),
        typeof(ReportRunStepActivity),
        typeof(NotifyReportRunActivity),
        typeof(TakeStepActivity),
        typeof(StartNotificationsActivity),
        typeof(RecordNotificationFailureActivity),
        typeof(KeptActionsActivity),
        typeof(CouncilStepActivity),
        typeof(NotifyCouncilActivity),
        typeof(Calls.CallStepActivity),
    ];

    /// <summary>
    /// Registers every orchestrator and activity. The registry makes orchestrators with their parameterless constructor;
    /// the two that wait in rounds after a failed write are registered as instances carrying <paramref name="timing"/>
    /// (stateless otherwise, so one instance serves every episode).
    /// </summary>
    public static DurableTaskRegistry AddNsclWorkflows(this DurableTaskRegistry registry, WorkflowTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
        {
            if (orchestrator == typeof(ApplicationWorkflow))
            {
                registry.AddOrchestrator(new ApplicationWorkflow(timing));
            }
            else if (orchestrator == typeof(NotificationWorkflow))
            {
                registry.AddOrchestrator(new NotificationWorkflow(timing));
            }
            else
            {
                registry.AddOrchestrator(orchestrator);
            }
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }
}
