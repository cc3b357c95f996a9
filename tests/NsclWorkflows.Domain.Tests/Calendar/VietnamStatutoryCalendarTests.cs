using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Domain.Tests.Calendar;

public class VietnamStatutoryCalendarTests
{
    readonly VietnamStatutoryCalendar calendar = VietnamStatutoryCalendar.FromEmbeddedData();

    [Fact]
    public void AddWorkingDays_FiveDaysAcrossTet2025_LandsOnFridayAfterTheBreak()
    {
        // Fri 24/01/2025 + 5: 25-26 weekend; 27/01 announced day off; 28/01 (29 tháng Chạp) to 31/01 Tết;
        // 01-02/02 weekend. Working days: Mon 03/02 (1), 04 (2), 05 (3), 06 (4), Fri 07/02 (5).
        Assert.Equal(new DateOnly(2025, 2, 7), calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 5));
    }

    [Fact]
    public void AddWorkingDays_FiveDaysAcross30April2025_CountsMakeUpSaturdayAndSkipsSwappedFriday()
    {
        // Thu 24/04/2025 + 5: Fri 25/04 (1), Sat 26/04 make-up day (2), Sun 27 off, Mon 28 (3), Tue 29 (4),
        // 30/04 and 01/05 holidays, Fri 02/05 swapped off, 03-04/05 weekend, Mon 05/05 (5).
        Assert.Equal(new DateOnly(2025, 5, 5), calendar.AddWorkingDays(new DateOnly(2025, 4, 24), 5));
    }

    [Fact]
    public void AddWorkingDays_FiveDaysAcrossTet2026_UsesDefaultTetDays()
    {
        // Fri 13/02/2026 + 5: 14-15 weekend; 16/02 (29 tháng Chạp) to 20/02 (mùng 4) Tết; 21-22 weekend;
        // Mon 23/02 (1) ... Fri 27/02 (5).
        Assert.Equal(new DateOnly(2026, 2, 27), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 5));
    }

    [Fact]
    public void WorkingDaysBetween_AcrossTet2024_CountsOnlyDaysAfterTheBreak()
    {
        // Wed 07/02/2024 to Fri 16/02/2024: 08/02-14/02 off (Tết, announced day and compensatory day), Thu 15, Fri 16.
        Assert.Equal(2, calendar.WorkingDaysBetween(new DateOnly(2024, 2, 7), new DateOnly(2024, 2, 16)));
    }

    [Theory]
    [InlineData(2025, 4, 26)]
    [InlineData(2024, 5, 4)]
    public void IsWorkingDay_MakeUpSaturday_IsWorkingDay(int year, int month, int day)
    {
        Assert.True(calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsWeekend()
    {
        Assert.Equal(new DateOnly(2025, 3, 10), calendar.AddWorkingDays(new DateOnly(2025, 3, 7), 1));
    }

    [Theory]
    [InlineData(2025, 1, 1, false)]
    [InlineData(2025, 4, 7, false)]
    [InlineData(2025, 9, 1, false)]
    [InlineData(2025, 9, 2, false)]
    [InlineData(2025, 9, 3, true)]
    [InlineData(2024, 9, 2, false)]
    [InlineData(2024, 9, 3, false)]
    [InlineData(2024, 4, 29, false)]
    [InlineData(2026, 4, 27, false)]
    public void IsWorkingDay_HolidaysAndAnnouncedDays_AreOff(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Fact]
    public void IsWorkingDay_HolidayOnWeekendWithoutAnnouncement_GivesNoCompensatoryDay()
    {
        // 01/01/2028 is a Saturday; no file entry for 2028, so Monday 03/01/2028 stays a working day.
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 3)));
    }

    [Fact]
    public void HolidaysIn_2024_UsesAnnouncedAdjacentDayOfNationalDay()
    {
        var holidays = calendar.HolidaysIn(2024).Select(h => h.Date).ToArray();

        Assert.Contains(new DateOnly(2024, 9, 3), holidays);
        Assert.DoesNotContain(new DateOnly(2024, 9, 1), holidays);
        Assert.Equal(11, holidays.Length);
    }

    [Fact]
    public void DeadlinePlanner_FiveWorkingDaysBeforeTet2025_EndsOn7FebruaryLocalEndOfDay()
    {
        var planner = new DeadlinePlanner(calendar, new DeadlineOptions());
        var now = new DateTimeOffset(2025, 1, 24, 3, 0, 0, TimeSpan.Zero);

        var due = planner.WorkingDaysFrom(now, 5);

        Assert.Equal(new DateTimeOffset(2025, 2, 7, 16, 59, 59, TimeSpan.Zero), due);
    }
}
