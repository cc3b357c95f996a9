namespace NsclWorkflows.Api.Reports;

/// <summary>Settings section <c>Nscl:Reports</c>: when the year-end report runs by itself.</summary>
public sealed class YearEndReportOptions
{
    public const string Section = "Nscl:Reports";

    /// <summary>
    /// Cron of the scheduled run, in <see cref="TimeZone"/>: 5 fields (minute hour day month weekday), or 6 with seconds
    /// first. Default "0 1 15 12 *": 15 December, 01:00. The Functions app's timer reads the same setting
    /// (<c>%Nscl:Reports:YearEndCron%</c>), which accepts both forms.
    /// </summary>
    public string YearEndCron { get; set; } = "0 1 15 12 *";

    /// <summary>IANA time zone of the cron and of the report's date. Default Asia/Ho_Chi_Minh.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// On start-up, an occurrence missed within this window (the host was down at that moment) still runs once.
    /// Default one day; zero turns catching up off.
    /// </summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The yearly report run the schedule also opens (the Department's default, not a date of the plan): its figures are
    /// cut at the end of this day of the reported year, "MM-dd". Default "12-31", after the year-end peak of approvals and payments.
    /// </summary>
    public string DefaultRunCutOff { get; set; } = "12-31";

    /// <summary>Its due date, "MM-dd" of the following year. Default "01-15".</summary>
    public string DefaultRunDue { get; set; } = "01-15";

    /// <summary>Standalone host only: false turns the scheduler off (on-demand runs still work).</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
