using System.Globalization;
using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Domain.Text;

/// <summary>
/// How people in the programme read dates and money: <c>dd/MM/yyyy</c>, <c>1.234.000.000 đồng</c>,
/// <c>1.234 triệu đồng</c>. The separators are fixed here (not taken from the machine's culture), so the output is the
/// same on every host, including one running in globalization-invariant mode.
/// </summary>
public static class VietnameseFormat
{
    static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary><c>23/02/2022</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The calendar day in Vietnam (UTC+7) of an instant, as <c>dd/MM/yyyy</c>.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.ToOffset(DeadlinePlanner.VietnamOffset).DateTime));

    /// <summary>A whole number with <c>.</c> between thousands: <c>1.234.000</c>.</summary>
    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>A number with <c>.</c> between thousands and <c>,</c> before at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public static string Number(decimal value, int decimals = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return value.ToString("#,0." + new string('#', decimals), Numbers);
    }

    /// <summary>An amount in đồng: <c>1.234.000.000 đồng</c>.</summary>
    public static string Dong(long amountVnd) => Number(amountVnd) + " đồng";

    /// <summary>An amount in millions of đồng, as the plan's tables print them: <c>1.234 triệu đồng</c>, <c>12,5 triệu đồng</c>.</summary>
    public static string MillionDong(decimal millions) => Number(millions) + " triệu đồng";
}
