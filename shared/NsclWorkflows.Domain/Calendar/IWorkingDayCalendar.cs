namespace NsclWorkflows.Domain.Calendar;

/// <summary>Counts administrative deadlines in working days (ngày làm việc): no weekends, no public holidays.</summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
