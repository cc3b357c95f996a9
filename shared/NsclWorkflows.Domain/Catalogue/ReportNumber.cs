using System.Globalization;

namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Numbers as Vietnamese readers write them: "." between thousands, "," before decimals; "trống" for an empty cell.</summary>
internal static class ReportNumber
{
    static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static string Format(decimal? value) => value is { } v ? v.ToString("#,0.##", Vietnamese) : "trống";
}
