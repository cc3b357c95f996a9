using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Api.Applications;

/// <summary>An application as the status page and the officer see it.</summary>
public sealed record ApplicationView(
    string ApplicationId,
    string TrackingCode,
    string Status,
    string StatusText,
    string EnterpriseCode,
    string EnterpriseName,
    string ContactName,
    string SupportKindId,
    string Title,
    long RequestedAmountVnd,
    string CatalogueVersion,
    DateTimeOffset SubmittedAtUtc,
    DateTimeOffset CompletenessDeadlineUtc,
    DateTimeOffset? ReceivedAtUtc,
    DateTimeOffset? DecidedAtUtc,
    DateTimeOffset UpdatedAtUtc)
{
    public static ApplicationView From(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.TrackingCode, a.Status.ToString(), ApplicationStatusText.Vietnamese(a.Status), a.Submission.EnterpriseCode,
            a.Submission.EnterpriseName, a.Submission.ContactName, a.Submission.SupportKindId, a.Submission.Title,
            a.Submission.RequestedAmountVnd, a.CatalogueVersion, a.SubmittedAtUtc, a.CompletenessDeadlineUtc, a.ReceivedAtUtc,
            a.DecidedAtUtc, a.UpdatedAtUtc);
    }
}
