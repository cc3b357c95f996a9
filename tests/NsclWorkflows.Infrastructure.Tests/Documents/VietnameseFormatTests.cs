using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(0, "không")]
    [InlineData(15, "mười lăm")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(1_005_000, "một triệu không trăm linh năm nghìn")]
    [InlineData(145_000_000, "một trăm bốn mươi lăm triệu")]
    [InlineData(5_310_000_000, "năm tỷ ba trăm mười triệu")]
    [InlineData(2_000_000_021, "hai tỷ không trăm hai mươi mốt")]
    public void NumberWords_Of_ReadsAsVietnameseDo(long value, string expected)
    {
        Assert.Equal(expected, VietnameseNumberWords.Of(value));
    }

    [Theory]
    [InlineData(2022, 2, 23, "Đà Nẵng, ngày 23 tháng 02 năm 2022")]
    [InlineData(2025, 3, 5, "Đà Nẵng, ngày 05 tháng 3 năm 2025")]
    [InlineData(2025, 12, 15, "Đà Nẵng, ngày 15 tháng 12 năm 2025")]
    public void PlaceAndDate_AnyDate_FollowsTheDecree(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.PlaceAndDate("Đà Nẵng", new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(5310, "5.310")]
    [InlineData(12.5, "12,5")]
    [InlineData(1234567.891, "1.234.567,891")]
    public void Number_Decimal_UsesDotsForThousandsAndCommaForDecimals(decimal value, string expected)
    {
        Assert.Equal(expected, VietnameseFormat.Number(value));
    }
}
