using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>
/// The fixed parts of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the heading table (issuing body and
/// number on the left, national title, motto and place and date on the right), the document kind and summary, and the
/// signature block with the recipients (Nơi nhận).
/// </summary>
static class OfficialLayout
{
    const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const string Motto = "Độc lập - Tự do - Hạnh phúc";

    // Slightly wider than the text (9 355 twips) and shifted 4 mm into the left margin, as is usual, so that
    // "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" each fit on one line at 12 pt.
    static readonly int[] HeadingColumns = [4350, 5400];
    const int HeadingIndent = -250;

    public static Table Heading(DocumentHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        int left = HeadingColumns[0], right = HeadingColumns[1];
        var issuer = Tables.Cell(left,
        [
            Para.Of(header.GoverningBody.ToUpperInvariant(), new TextStyle(12), Layout.Centered),
            Para.Of(header.IssuingBody.ToUpperInvariant(), new TextStyle(12, Bold: true), Layout.Centered),
            Para.Rule(left, 1400),
        ]);
        var nation = Tables.Cell(right,
        [
            Para.Of(Nation, new TextStyle(12, Bold: true), Layout.Centered),
            Para.Of(Motto, new TextStyle(14, Bold: true), Layout.Centered),
            Para.Rule(right, 3200),
        ]);
        var number = Tables.Text(left, NumberLine(header), new TextStyle(13), Align.Center);
        var date = Tables.Text(right, VietnameseFormat.PlaceAndDate(header.Place, header.Date), new TextStyle(14, Italic: true), Align.Center);
        return Tables.Make(HeadingColumns, bordered: false, [Tables.Row([issuer, nation]), Tables.Row([number, date])], HeadingIndent);
    }

    /// <summary>"Số: 125/QĐ-SKHCN", or "Số:       /QĐ-SKHCN" with room for the clerk when not numbered yet.</summary>
    public static string NumberLine(DocumentHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return "Số: " + NumberOnly(header);
    }

    /// <summary>"125/QĐ-SKHCN", or "       /QĐ-SKHCN" when not numbered yet.</summary>
    public static string NumberOnly(DocumentHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Number is { Length: > 0 } number ? $"{number}/{header.Symbol}" : $"       /{header.Symbol}";
    }

    /// <summary>"DỰ THẢO" in a box-free line above the heading, for drafts.</summary>
    public static Paragraph DraftMark() =>
        Para.Of("DỰ THẢO", new TextStyle(13, Bold: true, Italic: true), Layout.Cell(Align.Right) with { After = 60 });

    /// <summary>The document kind ("QUYẾT ĐỊNH") and its summary line(s), centred and bold, with a short line beneath.</summary>
    public static IEnumerable<Paragraph> Title(string kind, string summary, int textWidth)
    {
        yield return Para.Of(kind.ToUpperInvariant(), new TextStyle(14, Bold: true), Layout.Centered with { Before = 360 });
        yield return Para.Of(summary, new TextStyle(14, Bold: true), Layout.Centered);
        yield return Para.Rule(textWidth, 2200);
    }

    /// <summary>
    /// Recipients on the left (Nơi nhận, 12 pt bold italic; the list 11 pt), the signer on the right: capacity and
    /// title in bold capitals, room for the signature and seal, then the name in bold.
    /// </summary>
    public static Table Signature(Signatory signatory, IReadOnlyList<string> recipients, int textWidth)
    {
        ArgumentNullException.ThrowIfNull(signatory);
        ArgumentNullException.ThrowIfNull(recipients);
        int left = textWidth * 45 / 100, right = textWidth - left;
        var recipientParagraphs = new List<Paragraph>
        {
            Para.Of("Nơi nhận:", new TextStyle(12, Bold: true, Italic: true), Layout.Cell() with { Before = 120 }),
        };
        recipientParagraphs.AddRange(recipients.Select(r => Para.Of("- " + r, new TextStyle(11), Layout.Cell())));
        return Tables.Make([left, right], bordered: false,
        [
            Tables.Row([Tables.Cell(left, recipientParagraphs, top: true), Tables.Cell(right, Signer(signatory.Capacity, signatory.Title, signatory.Name), top: true)]),
        ]);
    }

    /// <summary>Two signers side by side (minutes: secretary and chair), no recipients.</summary>
    public static Table TwoSigners(string leftTitle, string leftName, string rightTitle, string rightName, int textWidth)
    {
        int half = textWidth / 2;
        return Tables.Make([half, textWidth - half], bordered: false,
        [
            Tables.Row([
                Tables.Cell(half, Signer(string.Empty, leftTitle, leftName), top: true),
                Tables.Cell(textWidth - half, Signer(string.Empty, rightTitle, rightName), top: true),
            ]),
        ]);
    }

    static IEnumerable<Paragraph> Signer(string capacity, string title, string name)
    {
        var bold = new TextStyle(14, Bold: true);
        yield return Para.Space(6);
        if (capacity.Length > 0)
        {
            yield return Para.Of(capacity.ToUpperInvariant(), bold, Layout.Centered);
        }

        yield return Para.Of(title.ToUpperInvariant(), bold, Layout.Centered);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            yield return Para.Space();
        }

        yield return Para.Of(name, bold, Layout.Centered);
    }
}
