using Microsoft.Extensions.DependencyInjection;

namespace NsclWorkflows.Api.Councils;

public static class CouncilRegistration
{
    /// <summary>Councils: their table, the members' links, the handler and the workflow starter (both hosts).</summary>
    public static IServiceCollection AddNsclCouncils(this IServiceCollection services)
    {
        services.AddSingleton<NsclWorkflows.Domain.Councils.ICouncilRepository, NsclWorkflows.Infrastructure.Storage.TableCouncils>();
        services.AddSingleton<NsclWorkflows.Domain.Councils.ICouncilLinks, NsclWorkflows.Infrastructure.Security.CouncilLinks>();
        services.AddSingleton<CouncilWorkflows>();
        services.AddSingleton<CouncilsHandler>();
        return services;
    }
}
