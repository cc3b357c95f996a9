namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed for Vietnam's time zone UTC+7 with Hồ Ngọc Đức's algorithm.
/// Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: that one is computed for UTC+8 and
/// gives other dates in some years (Tết 1985 and 2007, for instance).
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's time zone, in hours east of UTC.</summary>
    public const double TimeZoneHours = 7;

    /// <summary>Earliest lunar year supported (the astronomical series are accurate well beyond this range).</summary>
    public const int MinYear = 1900;

    /// <summary>Latest lunar year supported.</summary>
    public const int MaxYear = 2199;

    /// <summary>The Gregorian date of a lunar date. Throws if the month is marked leap and is not the leap month of that year.</summary>
    public static DateOnly ToGregorian(int lunarYear, int lunarMonth, int lunarDay, bool isLeapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);

        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarAstronomy.LunarMonth11(lunarYear - 1, TimeZoneHours);
            b11 = LunarAstronomy.LunarMonth11(lunarYear, TimeZoneHours);
        }
        else
        {
            a11 = LunarAstronomy.LunarMonth11(lunarYear, TimeZoneHours);
            b11 = LunarAstronomy.LunarMonth11(lunarYear + 1, TimeZoneHours);
        }

        var k = LunarAstronomy.MonthIndex(a11);
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LunarAstronomy.LeapMonthOffset(a11, TimeZoneHours);
            var leapMonth = leapOffset - 2;
            if (leapMonth <= 0)
            {
                leapMonth += 12;
            }

            if (isLeapMonth && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng {lunarMonth} nhuận.", nameof(isLeapMonth));
            }

            if (isLeapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (isLeapMonth)
        {
            throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng nhuận.", nameof(isLeapMonth));
        }

        var monthStart = LunarAstronomy.NewMoonDay(k + offset, TimeZoneHours);
        return LunarAstronomy.FromJulianDayNumber(monthStart + lunarDay - 1);
    }

    /// <summary>Tết Nguyên đán: the first day of the first lunar month of <paramref name="lunarYear"/>.</summary>
    public static DateOnly LunarNewYear(int lunarYear) => ToGregorian(lunarYear, 1, 1);

    /// <summary>The last day of lunar year <paramref name="lunarYear"/> (29 or 30 of the twelfth month, "tất niên").</summary>
    public static DateOnly LastDayOfLunarYear(int lunarYear) => LunarNewYear(lunarYear + 1).AddDays(-1);

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the third lunar month.</summary>
    public static DateOnly HungKingsDay(int lunarYear) => ToGregorian(lunarYear, 3, 10);
}
