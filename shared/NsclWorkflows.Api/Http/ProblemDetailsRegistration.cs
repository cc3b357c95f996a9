using Microsoft.Extensions.DependencyInjection;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Problem details for both hosts: the framework's <c>IProblemDetailsService</c> writes every error body, and its
/// customization (<see cref="ApiProblem.Complete"/>) gives the framework's own errors the API's stable code and
/// Vietnamese texts. The framework's JSON options take the API's settings (<see cref="ApiJson.Apply"/>).
/// </summary>
public static class ProblemDetailsRegistration
{
    public static IServiceCollection AddNsclProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ApiProblem.Complete(context.ProblemDetails));
        services.ConfigureHttpJsonOptions(options => ApiJson.Apply(options.SerializerOptions));
        return services;
    }
}
