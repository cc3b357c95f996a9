using System.Globalization;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>How the lifecycle writes instants, dates and amounts into notifications, audit entries and refusals.</summary>
internal static class Facts
{
    /// <summary>An instant as the notification facts take it (ISO 8601, UTC).</summary>
    public static string Iso(DateTimeOffset utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Raw(long vnd) => vnd.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset utc) => Text.VietnameseFormat.Date(utc);

    public static string Money(long vnd) => Text.VietnameseFormat.Dong(vnd);

    /// <summary>
    /// A notification with the facts its event takes (<see cref="NotificationFacts.For"/>); optional facts left empty
    /// are omitted. The application's own facts (enterprise, tracking code, link) are added by the notification service.
    /// </summary>
    public static NotificationRequest Request(Application a, NotificationEvent evt, string occurrence, NotificationAudience audience, params (string Key, string Value)[] facts)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in facts)
        {
            if (value.Length > 0)
            {
                all[key] = value;
            }
        }

        return new NotificationRequest(a.Id, evt, occurrence, audience, a.Lifecycle.Unit, all);
    }
}
