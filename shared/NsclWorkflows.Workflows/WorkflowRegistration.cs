using Microsoft.DurableTask;
using NsclWorkflows.Workflows.Activities;
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
    ];

    public static DurableTaskRegistry AddNsclWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }
}
