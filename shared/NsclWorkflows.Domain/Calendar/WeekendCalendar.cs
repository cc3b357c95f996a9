namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Saturdays and Sundays off, plus the dates it is given. The Vietnamese statutory calendar builds on it.
/// </summary>
public class WeekendCalendar(IReadOnlySet<DateOnly> daysOff, IReadOnlySet<DateOnly> workingWeekendDays) : IWorkingDayCalendar
{
    public WeekendCalendar()
        : this(new HashSet<DateOnly>(), new HashSet<DateOnly>())
    {
    }

    public virtual bool IsWorkingDay(DateOnly date)
    {
        if (workingWeekendDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(date);
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
