using System.Globalization;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>Numbers and dates as official Vietnamese documents print them.</summary>
public static class VietnameseFormat
{
    static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>"5.310", "1.234,5" (up to three decimals, none when whole).</summary>
    public static string Number(decimal value) => value.ToString("#,0.###", Numbers);

    /// <summary>"150.000.000".</summary>
    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>"150.000.000 đồng".</summary>
    public static string Dong(long amountVnd) => Number(amountVnd) + " đồng";

    /// <summary>Đồng as million VND, the unit of the plan's appendix: 12.500.000 → "12,5".</summary>
    public static string Million(long amountVnd) => Number(amountVnd / 1_000_000m);

    /// <summary>"15/12/2025".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// "Đà Nẵng, ngày 05 tháng 3 năm 2025": Nghị định 30/2020 writes days below 10 and the months 1 and 2 with a
    /// leading zero, other months without.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {DayMonthYear(date)}";

    /// <summary>"ngày 23 tháng 02 năm 2022".</summary>
    public static string DayMonthYear(DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {date.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"08 giờ 30 phút, ngày 05 tháng 3 năm 2025" in the given time zone.</summary>
    public static string TimeAndDate(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.Hour:00} giờ {local.Minute:00} phút, {DayMonthYear(DateOnly.FromDateTime(local.DateTime))}";
    }
}
