namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// Astronomical building blocks of the Vietnamese lunisolar calendar, after Hồ Ngọc Đức's "Âm lịch Việt Nam"
/// algorithm (new moons and solar longitude from Jean Meeus, "Astronomical Algorithms"). Day numbers are Julian day
/// numbers; the time zone is given in hours (Vietnam: +7, which is what makes it differ from China's +8 calendar).
/// </summary>
internal static class LunarAstronomy
{
    const double SynodicMonth = 29.530588853;
    const double NewMoonEpoch = 2415021.076998695;

    public static int JulianDayNumber(DateOnly date) => date.DayNumber + 1721426;

    public static DateOnly FromJulianDayNumber(int jd) => DateOnly.FromDayNumber(jd - 1721426);

    /// <summary>Day number of the k-th new moon after 1/1/1900, in the given time zone.</summary>
    public static int NewMoonDay(int k, double timeZone) => (int)Math.Floor(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>Which of the 12 thirty-degree sectors (0..11) the sun is in at the start of the given day.</summary>
    public static int SunLongitudeSector(int dayNumber, double timeZone) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (timeZone / 24)) / Math.PI * 6);

    /// <summary>Day number of the start of lunar month 11 (the month containing the winter solstice) of the year.</summary>
    public static int LunarMonth11(int year, double timeZone)
    {
        var offset = JulianDayNumber(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k, timeZone);
        return SunLongitudeSector(newMoon, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : newMoon;
    }

    /// <summary>Index of the first new moon after <paramref name="month11Start"/> (the k of that lunar month 11).</summary>
    public static int MonthIndex(int month11Start) =>
        (int)Math.Floor(0.5 + ((month11Start - NewMoonEpoch) / SynodicMonth));

    /// <summary>Offset (in months after month 11) of the leap month in a 13-month year: the first month without a major solar term.</summary>
    public static int LeapMonthOffset(int month11Start, double timeZone)
    {
        var k = MonthIndex(month11Start);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);

        return i - 1;
    }

    static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>Apparent solar longitude in radians, 0..2π, at the given (fractional) Julian day.</summary>
    static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }
}
