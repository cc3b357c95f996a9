using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Tests.Text;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(1_234_000_000L, "1.234.000.000 đồng")]
    [InlineData(150_000_000L, "150.000.000 đồng")]
    [InlineData(999L, "999 đồng")]
    [InlineData(0L, "0 đồng")]
    [InlineData(-20_000_000L, "-20.000.000 đồng")]
    public void Dong_Amount_UsesDotsBetweenThousands(long amount, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Dong(amount));

    [Theory]
    [InlineData("1234", "1.234 triệu đồng")]
    [InlineData("5310", "5.310 triệu đồng")]
    [InlineData("12.5", "12,5 triệu đồng")]
    [InlineData("20.000", "20 triệu đồng")]
    public void MillionDong_Amount_UsesCommaForDecimals(string millions, string expected) =>
        Assert.Equal(expected, VietnameseFormat.MillionDong(decimal.Parse(millions, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Date_DateOnly_IsDayMonthYear() =>
        Assert.Equal("03/02/2022", VietnameseFormat.Date(new DateOnly(2022, 2, 3)));

    [Fact]
    public void Date_InstantLateInTheUtcDay_IsTheNextDayInVietnam() =>
        Assert.Equal("24/02/2022", VietnameseFormat.Date(new DateTimeOffset(2022, 2, 23, 18, 30, 0, TimeSpan.Zero)));
}
