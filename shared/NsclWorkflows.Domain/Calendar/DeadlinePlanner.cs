namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Turns "N working days from now" into an instant. Deadlines fall at the end of the working day in Đà Nẵng
/// (23:59:59 UTC+7). With <see cref="DeadlineOptions.CompressedWorkingDay"/> set (tests, demonstrations) one working
/// day lasts that long instead and the calendar is not consulted.
/// </summary>
public sealed class DeadlinePlanner(IWorkingDayCalendar calendar, DeadlineOptions options)
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>True when time is compressed (tests, demonstrations).</summary>
    public bool IsCompressed => options.CompressedWorkingDay is not null;

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

    /// <summary>
    /// The end of the working day <paramref name="months"/> calendar months from now (moved to the next working day
    /// when it falls on a day off). Compressed: 22 working days per month.
    /// </summary>
    public DateTimeOffset MonthsFrom(DateTimeOffset nowUtc, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        if (options.CompressedWorkingDay is { } day)
        {
            return nowUtc + (day * 22 * months);
        }

        var local = DateOnly.FromDateTime(nowUtc.ToOffset(VietnamOffset).DateTime).AddMonths(months);
        while (!calendar.IsWorkingDay(local))
        {
            local = local.AddDays(1);
        }

        return new DateTimeOffset(local.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset).ToUniversalTime();
    }

    /// <summary>The end of the given local date in Đà Nẵng (a due date a person chose).</summary>
    public static DateTimeOffset EndOfLocalDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset).ToUniversalTime();

    /// <summary>
    /// When a reminder <paramref name="offsetDays"/> days from a due date goes out: 08:00 in Đà Nẵng on that day
    /// (negative: before). Compressed: half a day before the offset's instant, so "on the due day" precedes the due time.
    /// </summary>
    public DateTimeOffset ReminderAt(DateTimeOffset dueUtc, int offsetDays)
    {
        if (options.CompressedWorkingDay is { } day)
        {
            return dueUtc + (day * offsetDays) - (day / 2);
        }

        var localDate = DateOnly.FromDateTime(dueUtc.ToOffset(VietnamOffset).DateTime).AddDays(offsetDays);
        return new DateTimeOffset(localDate.ToDateTime(new TimeOnly(8, 0)), VietnamOffset).ToUniversalTime();
    }
}

/// <summary>Settings section <c>Nscl:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Nscl:Deadlines";

    /// <summary>When set, one working day lasts this long (for tests and demonstrations only).</summary>
    public TimeSpan? CompressedWorkingDay { get; set; }
}
