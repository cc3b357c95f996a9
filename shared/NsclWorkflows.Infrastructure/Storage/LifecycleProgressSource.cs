using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>The year-end report's lifecycle figures, read once from every stored application.</summary>
public sealed class LifecycleProgressSource(IApplicationDirectory applications, ProgrammeCatalogue catalogue, IWorkingDayCalendar calendar,
    Domain.Activities.IActivityRepository activities)
    : IProgrammeProgressSource
{
    public async Task<ProgrammeProgress> GetProgressAsync(int year, DateOnly asOf, CancellationToken cancellationToken)
    {
        var all = new List<Application>();
        await foreach (var application in applications.AllAsync(cancellationToken))
        {
            all.Add(application);
        }

        var activityList = await activities.ListAsync(null, null, cancellationToken); // for targets counted from activities
        return ProgrammeProgressProjection.Project(all, catalogue, calendar, year, asOf, activityList);
    }
}
