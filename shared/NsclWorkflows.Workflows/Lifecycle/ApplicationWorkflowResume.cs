using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>
/// The input of a new execution of an application's workflow that stopped (Failed, Terminated) while the application is
/// open: the previous input carried on from the stored application, as a continued execution is (so it first takes
/// the actions still kept, then waits for the next action or the deadline the machine computes from the state).
/// </summary>
public static class ApplicationWorkflowResume
{
    public static ApplicationWorkflowInput InputFor(ApplicationWorkflowInput previous, Application application, LifecycleMachine machine)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(machine);

        // Every reminder of the current step is due again from the start: those already sent start no second e-mail
        // (one notification workflow per occurrence), those missed while the workflow was down go out now.
        var carry = new ApplicationWorkflowCarry(application.LastSequence, machine.ResultOf(application, applied: true, notifications: []), DateTimeOffset.MinValue)
        {
            Executions = (previous.Continued?.Executions ?? 0) + 1,
        };
        return previous with { ApplicationId = application.Id, Continued = carry };
    }
}
