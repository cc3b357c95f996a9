using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NsclWorkflows.Api.Documents;

namespace NsclWorkflows.Api.Reports;

public static class ReportRegistration
{
    /// <summary>The year-end schedule and the download and report handlers (both hosts).</summary>
    public static IServiceCollection AddNsclReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<YearEndReportOptions>().Bind(configuration.GetSection(YearEndReportOptions.Section));
        services.AddOptions<YearEndReportLayoutOptions>().Bind(configuration.GetSection(YearEndReportLayoutOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<YearEndReportLayoutOptions>>().Value.ToLayout());
        services.AddSingleton<YearEndSchedule>();
        services.AddSingleton<YearEndReportHandler>();
        services.AddSingleton<ApplicationDocumentHandler>();
        services.AddSingleton<Exports.ExportsHandler>();
        services.AddSingleton<Feed.NationalFeedHandler>();
        services.AddSingleton<NsclWorkflows.Domain.Reports.IReportRunRepository, NsclWorkflows.Infrastructure.Storage.TableReportRuns>();
        services.AddSingleton<Runs.ReportRunsHandler>();
        services.AddSingleton<Runs.DefaultYearlyRunOpener>();
        services.AddSingleton<NsclWorkflows.Domain.Reports.IReportRunProducer, Runs.ReportRunProducer>();
        services.AddSingleton<NsclWorkflows.Domain.Reports.IReportRunLinks, NsclWorkflows.Infrastructure.Security.ReportRunLinks>();
        services.AddSingleton<Runs.ReportRunWorkflows>();
        // The application layer may register its own rules (before or after this call).
        services.TryAddSingleton<IApplicationDocumentAccess, ApplicationDocumentAccess>();
        return services;
    }

    /// <summary>Standalone host: the scheduler that starts the year-end report on the cron (unless turned off).</summary>
    public static IServiceCollection AddYearEndReportScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(YearEndReportOptions.Section).Get<YearEndReportOptions>() is { SchedulerEnabled: false })
        {
            return services;
        }

        services.AddSingleton<IYearEndReportLauncher, DurableYearEndReportLauncher>();
        services.AddHostedService<YearEndReportScheduler>();
        return services;
    }
}
