namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Turns "N working days from now" into an instant. Deadlines fall at the end of the working day in Đà Nẵng
/// (23:59:59 UTC+7). With <see cref="DeadlineOptions.CompressedWorkingDay"/> set (tests, demonstrations) one working
/// day lasts that long instead and the calendar is not consulted.
/// </summary>
public sealed class DeadlinePlanner(IWorkingDayCalendar calendar, DeadlineOptions options)
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DateTimeOffset WorkingDaysFrom(DateTimeOffset nowUtc, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (options.CompressedWorkingDay is { } day)
        {
            return nowUtc + (day * workingDays);
        }

        var local = nowUtc.ToOffset(VietnamOffset);
        var due = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        var endOfDay = new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset);
        return endOfDay.ToUniversalTime();
    }
}

/// <summary>Settings section <c>Nscl:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Nscl:Deadlines";

    /// <summary>When set, one working day lasts this long (for tests and demonstrations only).</summary>
    public TimeSpan? CompressedWorkingDay { get; set; }
}
