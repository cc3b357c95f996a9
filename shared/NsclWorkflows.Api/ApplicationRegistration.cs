using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Catalogue;
using NsclWorkflows.Api.Health;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Notifications;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Api.Projections;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Infrastructure;

using NsclWorkflows.Api.Councils;

namespace NsclWorkflows.Api;

/// <summary>The one composition both hosts share: domain services, adapters, handlers.</summary>
public static class ApplicationRegistration
{
    public static IServiceCollection AddNsclApplication(this IServiceCollection services, IConfiguration configuration)
    {
        // Domain
        // Loaded and validated now, so a catalogue with an unacknowledged mismatch stops start-up with its report.
        var catalogue = CatalogueSource.Load(configuration);
        services.AddSingleton(catalogue);
        services.AddSingleton<ISupportKindCatalogue>(catalogue);
        services.AddSingleton<SubmissionValidator>();
        services.AddSingleton<IWorkingDayCalendar>(_ => VietnamStatutoryCalendar.FromEmbeddedData());
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section));
        services.AddSingleton(sp => new DeadlinePlanner(
            sp.GetRequiredService<IWorkingDayCalendar>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeadlineOptions>>().Value));

        services.AddSingleton<NsclWorkflows.Domain.Lifecycle.LifecycleMachine>();

        // Workflows: how long they wait between rounds of a write that failed after its retries (Nscl:Durable:RetryRound),
        // and the steps per execution written into each new application workflow's input (Nscl:Durable:StepsPerExecution).
        services.AddSingleton(NsclWorkflows.Workflows.Common.WorkflowTiming.From(
            configuration.GetValue<TimeSpan?>(NsclWorkflows.Workflows.Common.WorkflowTiming.RetryRoundSetting)) with
        {
            StepsPerExecution = configuration.GetValue<int?>(NsclWorkflows.Workflows.Common.WorkflowTiming.StepsPerExecutionSetting) is { } steps ? Math.Max(3, steps) : null,
        });
        // E-mails that could not go when asked for: parked, swept, given up after a while (Nscl:EmailRetry).
        services.AddSingleton(configuration.GetSection(NsclWorkflows.Workflows.Notifications.EmailRetryOptions.Section)
            .Get<NsclWorkflows.Workflows.Notifications.EmailRetryOptions>() ?? new NsclWorkflows.Workflows.Notifications.EmailRetryOptions());
        services.AddSingleton<NsclWorkflows.Workflows.Notifications.NotificationDispatch>();
        services.AddSingleton<Notifications.EmailSweep>();
        services.AddSingleton<NsclWorkflows.Domain.Documents.IProgrammeProgressSource, NsclWorkflows.Infrastructure.Storage.LifecycleProgressSource>();

        // Adapters
        services.AddNsclInfrastructure(configuration);

        // HTTP handlers
        services.AddOptions<OfficerAuthOptions>().Bind(configuration.GetSection(OfficerAuthOptions.Section));
        services.TryAddSingleton(OfficerHost.FunctionsApp); // the standalone host replaces it (AddNsclOfficerSignIn)
        services.AddSingleton(sp => new OfficerAccess(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OfficerAuthOptions>>(), configuration, sp.GetRequiredService<OfficerHost>()));
        services.AddSingleton(sp => new OfficerAuthenticator(sp.GetRequiredService<OfficerAccess>()));
        services.AddSingleton<MeHandler>();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section));
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<Operations.WorkflowOperationsHandler>();
        services.AddSingleton<SubmitApplicationHandler>();
        services.AddSingleton<IdempotencyCleanup>();
        services.AddOptions<Http.RateLimitOptions>().Bind(configuration.GetSection(Http.RateLimitOptions.Section));
        services.AddSingleton<Http.AbuseLimits>();
        services.AddSingleton<ContactEmailLimit>();
        services.AddSingleton<GetApplicationHandler>();
        services.AddSingleton<CatalogueHandler>();
        services.AddSingleton<Lifecycle.ApplicationAccess>();
        services.AddSingleton<Lifecycle.ApplicationActionHandler>();
        services.AddSingleton<Lifecycle.HistoryHandler>();
        services.AddSingleton<Lifecycle.RotateAccessLinkHandler>();
        services.AddSingleton<Lifecycle.BudgetHandler>();
        services.AddSingleton<Budget.AllocationsHandler>();
        services.AddSingleton<Lifecycle.TargetsHandler>();
        services.AddSingleton<Targets.IndicatorValuesHandler>();
        services.AddSingleton<Activities.ActivitiesHandler>();
        services.AddSingleton<NsclWorkflows.Workflows.Calls.CallFinaliser>();
        services.AddSingleton<Calls.CallsHandler>();
        services.AddSingleton<Calls.AssignmentsHandler>();
        services.AddSingleton<GetNotificationsHandler>();
        services.AddNsclReports(configuration);
        services.AddSingleton<AttachmentsHandler>();
        services.AddNsclProblemDetails();
        services.AddSingleton<Inbox.InboxCursor>();
        services.AddSingleton<Inbox.InboxPageHandler>(); // GET /api/inbox: pages and search (issue 17)
        services.AddNsclProjections(); // inbox, search and programme counters caught up at start (issue 17)
        services.AddSingleton<Decisions.DecisionRegisterHandler>(); // GET /api/decisions: the decision register (issue 14)
        services.AddNsclCouncils(); // councils: founding, members' links, sheets, the secretary's close (issue 14)
        return services;
    }
}
