using Cronos;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Api.Reports;

/// <summary>
/// The configured cron in the configured time zone (Cronos, which handles time zones and daylight saving): next
/// occurrence, the latest one not after a moment, and which year an occurrence reports on.
/// </summary>
public sealed class YearEndSchedule
{
    readonly CronExpression cron;

    public YearEndSchedule(IOptions<YearEndReportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var fields = settings.YearEndCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        cron = CronExpression.Parse(settings.YearEndCron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        CatchUpWindow = settings.CatchUpWindow;
        Expression = settings.YearEndCron;
    }

    public TimeZoneInfo Zone { get; }

    public TimeSpan CatchUpWindow { get; }

    public string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null if the cron never fires again.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => cron.GetNextOccurrence(after, Zone);

    /// <summary>The latest occurrence in (<paramref name="now"/> − <paramref name="window"/>, <paramref name="now"/>], or null.</summary>
    public DateTimeOffset? Latest(DateTimeOffset now, TimeSpan window)
    {
        DateTimeOffset? latest = null;
        for (var next = Next(now - window); next is { } n && n <= now; next = Next(n))
        {
            latest = n;
        }

        return latest;
    }

    /// <summary>The report's date (its "số liệu đến ngày") and year: the occurrence's date in the time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset occurrence) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, Zone).DateTime);
}
