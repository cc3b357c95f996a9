using System.Globalization;
using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    public void LunarNewYear_KnownYears_MatchesPublishedTet(int year, string expected)
    {
        // 2030: the new moon is at 16:08 UTC on 02/02/2030, i.e. 23:08 in Vietnam (UTC+7) but 00:08 on 03/02 in
        // China (UTC+8). The Vietnamese calendar therefore starts the year on 02/02/2030; lists giving 03/02/2030
        // follow the Chinese calendar.
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.LunarNewYear(year));
    }

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void HungKingsDay_KnownYears_MatchesPublishedDate(int year, string expected)
    {
        // 2023 has a leap second month (tháng 2 nhuận), so 10/3 falls a month later than usual.
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.HungKingsDay(year));
    }

    [Fact]
    public void LunarNewYear_2022To2035_FallsBetween21JanuaryAnd20February()
    {
        for (var year = 2022; year <= 2035; year++)
        {
            var tet = VietnameseLunarCalendar.LunarNewYear(year);
            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        }
    }

    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    public void LunarNewYear_YearsWhereChinaDiffers_UsesVietnamTimeZone(int year, string expected)
    {
        var vietnam = VietnameseLunarCalendar.LunarNewYear(year);
        var china = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), vietnam);
        Assert.NotEqual(china, vietnam);
    }

    [Fact]
    public void ToGregorian_LeapMonth2023_StartsAfterOrdinarySecondMonth()
    {
        // Quý Mão 2023: tháng 2 starts 20/02/2023, tháng 2 nhuận starts 22/03/2023 (new moon 00:23 UTC+7).
        Assert.Equal(new DateOnly(2023, 2, 20), VietnameseLunarCalendar.ToGregorian(2023, 2, 1));
        Assert.Equal(new DateOnly(2023, 3, 22), VietnameseLunarCalendar.ToGregorian(2023, 2, 1, isLeapMonth: true));
    }

    [Fact]
    public void ToGregorian_LeapFlagOnMonthThatIsNotLeap_Throws()
    {
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(2024, 2, 1, isLeapMonth: true));
    }

    [Fact]
    public void LastDayOfLunarYear_2025_IsDayBeforeTet2026()
    {
        Assert.Equal(new DateOnly(2026, 2, 16), VietnameseLunarCalendar.LastDayOfLunarYear(2025));
    }
}
