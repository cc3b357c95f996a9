namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// The public holidays of Labour Code 2019 (Bộ luật Lao động 2019), article 112, for one Gregorian year.
/// Compensatory days (nghỉ bù) and swapped days are not derived here: the government announces them every year
/// and they come from the yearly data file (<see cref="YearlyDaysOff"/>).
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>
    /// The holidays falling in <paramref name="year"/>.
    /// Tết: the law gives 5 days and lets the Prime Minister fix them each year. The default chosen here is the last
    /// day of the old lunar year (tất niên, 29 or 30 tháng Chạp) plus lunar 1/1 to 1/4; it is what was announced for
    /// 2026, for instance. Years decided otherwise (2024, 2025) are corrected by the yearly data file.
    /// Quốc khánh: 2/9 plus one adjacent day, 1/9 by default; <paramref name="nationalDayAdjacentDay"/> overrides it.
    /// </summary>
    public static IReadOnlyList<PublicHoliday> ForYear(int year, DateOnly? nationalDayAdjacentDay = null)
    {
        var tet = VietnameseLunarCalendar.LunarNewYear(year);
        var adjacent = nationalDayAdjacentDay ?? new DateOnly(year, 9, 1);
        var holidays = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch"),
            new(tet.AddDays(-1), "Tết Âm lịch (ngày cuối năm)"),
        };
        for (var day = 0; day < 4; day++)
        {
            holidays.Add(new(tet.AddDays(day), $"Tết Âm lịch (mùng {day + 1})"));
        }

        holidays.Add(new(VietnameseLunarCalendar.HungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)"));
        holidays.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"));
        holidays.Add(new(new DateOnly(year, 9, 2), "Quốc khánh (2/9)"));
        holidays.Add(new(adjacent, "Quốc khánh (ngày liền kề)"));
        return holidays.OrderBy(h => h.Date).ToArray();
    }
}
