using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>E-mail through SendGrid: settings (checked at start), templates, recipients, records and the notification service.</summary>
    public static IServiceCollection AddNsclEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        // One named client: the SendGrid client is built over it per send, so handlers are pooled by the factory and
        // no HttpClient is created per call. No retry handler here: retries belong to the workflow's retry policy.
        services.AddHttpClient(SendGridNotificationService.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<EmailOptions>>().Value.Timeout);

        services.AddSingleton(_ => EmailTemplates.LoadEmbedded());
        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<RecipientDirectory>();
        services.AddSingleton<TableNotificationRecords>();
        services.AddSingleton<INotificationLog>(sp => sp.GetRequiredService<TableNotificationRecords>());
        services.AddSingleton<INotificationService, SendGridNotificationService>();
        services.AddSingleton<IParkedEmails, TableParkedEmails>();
        return services;
    }

    sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
