namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>Word's units: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes.</summary>
static class Units
{
    public static int MmToTwips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Twips(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
