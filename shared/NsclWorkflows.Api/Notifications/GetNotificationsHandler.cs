using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Api.Notifications;

/// <summary>
/// <c>GET /api/applications/{id}/notifications</c> (officers): every e-mail recorded for the application, with its
/// state and, when the provider refused it, the reason. Officers of the application's unit (admins: all).
/// </summary>
public sealed class GetNotificationsHandler(INotificationLog log, IApplicationRepository applications, OfficerAuthenticator officers)
{
    public async Task<Results<ApiOk<NotificationsView>, ProblemHttpResult>> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        // Officers of another unit learn nothing about the application, as for every other application endpoint.
        if (!ApplicationIds.IsWellFormed(id) || await applications.FindAsync(id, cancellationToken) is not { } application
            || !officer.Covers(application.Lifecycle.Unit))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        var records = await log.ListAsync(id, cancellationToken);
        return ApiResults.Ok(
            new NotificationsView(id, records.Count(r => r.State is NotificationState.Failed or NotificationState.Unconfirmed), [.. records.Select(NotificationView.From)]));
    }
}

/// <summary>The e-mails of one application; <see cref="Problems"/> counts those that failed or are unconfirmed.</summary>
public sealed record NotificationsView(string ApplicationId, int Problems, IReadOnlyList<NotificationView> Notifications);

/// <summary>One e-mail as officers see it.</summary>
public sealed record NotificationView(
    NotificationEvent Event,
    string Occurrence,
    NotificationAudience Audience,
    string Recipient,
    string Subject,
    NotificationState State,
    string StateText,
    int Attempts,
    int? ProviderStatus,
    string? Reason,
    DateTimeOffset CreatedAtUtc,
    DateTimeOffset UpdatedAtUtc)
{
    public static NotificationView From(NotificationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Event, r.Occurrence, r.Audience, r.Recipient, r.Subject, r.State, NotificationStateText.Vietnamese(r.State), r.Attempts,
            r.ProviderStatus, r.Reason, r.CreatedAtUtc, r.UpdatedAtUtc);
    }
}
