using System.Globalization;

namespace NsclWorkflows.Domain.Text;

/// <summary>Amounts as Vietnamese readers write them: "." between thousands ("1.234.000.000 đồng").</summary>
public static class VietnameseMoney
{
    static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>"1.234.000.000" for 1234000000.</summary>
    public static string Number(long value) => value.ToString("#,0", Vietnamese);

    /// <summary>"1.234,5" for 1234.5: up to two decimals, after a comma.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Vietnamese);

    /// <summary>"1.234.000.000 đồng" for 1234000000.</summary>
    public static string Dong(long amountVnd) => $"{Number(amountVnd)} đồng";
}
