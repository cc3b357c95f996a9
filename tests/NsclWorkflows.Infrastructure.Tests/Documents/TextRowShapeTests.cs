using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// The year-end report's list of enterprises is written row by row from one <see cref="TextRowShape"/> (texts only, no
/// elements a cell): each row must be the very XML the element path (<see cref="Tables.Row"/> of <see cref="Tables.Text"/>)
/// writes, hostile text included, and the document valid.
/// </summary>
public sealed class TextRowShapeTests
{
    static readonly int[] Widths = [650, 2200, 1150, 1000];
    static readonly Align[] Aligns = [Align.Center, Align.Left, Align.Right, Align.Justify];

    public static TheoryData<string[]> Rows() => new()
    {
        { ["1", "Công ty Cổ phần Hòa Khánh", "145", "Đang thực hiện"] },
        { ["", "hai dòng\nthứ hai\n", "\ttab", "<w:t>&amp; \"x\" 'y'</w:t>"] },
        { ["\uFFFF\uD800x", "\u202E\u0000\u001B\u200B trái", "🤖👨‍👩‍👧", "e\u0301 (NFD)"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void AddTextRow_WritesTheSameXmlAsTheElementRow(string[] texts)
    {
        var style = new TextStyle(11);
        byte[] docx;
        using (var file = WordFile.Create("Thử"))
        {
            file.StartTable(Widths, bordered: true);
            file.Add(Tables.Row(texts.Select((t, i) => Tables.Text(Widths[i], t, style, Aligns[i]))));
            file.AddTextRow(new TextRowShape(Widths, style, Aligns), texts);
            file.EndTable();
            docx = file.Finish(landscape: true, numberFirstPage: true);
        }

        using var doc = new WordReader(docx);
        var rows = doc.Body.Descendants<TableRow>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].OuterXml, rows[1].OuterXml);
        Assert.Contains("w:t", rows[1].OuterXml, StringComparison.Ordinal);
        Assert.Empty(doc.ValidationErrors());
    }

    [Fact]
    public void AddTextRow_TextsNotOnePerColumn_Refused()
    {
        using var file = WordFile.Create("Thử");
        file.StartTable(Widths, bordered: true);
        Assert.Throws<ArgumentException>(() => file.AddTextRow(new TextRowShape(Widths, new TextStyle(11), Aligns), ["1", "2"]));
    }
}
