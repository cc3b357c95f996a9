using System.Collections.Concurrent;

namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Working days in Vietnam for state offices: Monday to Friday, minus the statutory holidays of Labour Code 2019
/// art. 112 (see <see cref="StatutoryHolidays"/>), minus the extra days off the government announces each year,
/// plus the make-up Saturdays it announces (<see cref="YearlyDaysOff"/>). An announced working day wins over
/// everything else; an announced day off wins over an ordinary weekday.
/// </summary>
public sealed class VietnamStatutoryCalendar : WeekendCalendar
{
    readonly HashSet<DateOnly> announcedWorkingDays;
    readonly Dictionary<int, YearlyDaysOff> announcementsByYear;
    readonly ConcurrentDictionary<int, HashSet<DateOnly>> holidaysByYear = new();

    public VietnamStatutoryCalendar(IEnumerable<YearlyDaysOff> announcements)
        : this(announcements.ToArray())
    {
    }

    VietnamStatutoryCalendar(YearlyDaysOff[] announcements)
        : base(
            announcements.SelectMany(a => a.ExtraDaysOff).Select(d => d.Date).ToHashSet(),
            announcements.SelectMany(a => a.WorkingDays).Select(d => d.Date).ToHashSet())
    {
        announcedWorkingDays = announcements.SelectMany(a => a.WorkingDays).Select(d => d.Date).ToHashSet();
        announcementsByYear = announcements.ToDictionary(a => a.Year);
    }

    /// <summary>The calendar with the days-off file shipped with the code.</summary>
    public static VietnamStatutoryCalendar FromEmbeddedData() => new(VietnamDaysOffFile.Load());

    /// <summary>The calendar with an amended days-off file.</summary>
    public static VietnamStatutoryCalendar FromFile(string path) => new(VietnamDaysOffFile.LoadFile(path));

    public override bool IsWorkingDay(DateOnly date)
    {
        if (announcedWorkingDays.Contains(date))
        {
            return true;
        }

        return base.IsWorkingDay(date) && !HolidayDates(date.Year).Contains(date);
    }

    /// <summary>The statutory holidays of <paramref name="year"/>, with the announced adjacent day of 2/9 applied.</summary>
    public IReadOnlyList<PublicHoliday> HolidaysIn(int year) =>
        StatutoryHolidays.ForYear(year, announcementsByYear.GetValueOrDefault(year)?.NationalDayAdjacentDay?.Date);

    HashSet<DateOnly> HolidayDates(int year) =>
        holidaysByYear.GetOrAdd(year, y => HolidaysIn(y).Select(h => h.Date).ToHashSet());
}
