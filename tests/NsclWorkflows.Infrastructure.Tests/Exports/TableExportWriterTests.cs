using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using NsclWorkflows.Infrastructure.Exports;

namespace NsclWorkflows.Infrastructure.Tests.Exports;

/// <summary>The xlsx and CSV writers: typed cells, a valid package, Vietnamese text, hostile text made harmless.</summary>
public sealed class TableExportWriterTests
{
    const string Vietnamese = "Công ty TNHH Cơ khí Hòa Khánh – Đà Nẵng: ỹ Ỹ ự Ự ằ ẵ, \"trích dẫn\"\nxuống dòng";

    static readonly ExportColumn[] Columns =
    [
        new("Tên doanh nghiệp", ExportCellKind.Text, 40),
        new("Kinh phí (đồng)", ExportCellKind.WholeNumber),
        new("Tỷ lệ", ExportCellKind.Fraction),
        new("Ngày nộp", ExportCellKind.Date),
        new("Cập nhật lúc", ExportCellKind.DateTime),
    ];

    static readonly object?[][] Rows =
    [
        [Vietnamese, 150_000_000L, 12.5m, new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero)],
        ["=HYPERLINK(\"http://x\",\"bấm\")", -5L, null, null, null],
        ["+1+1", 0L, 0m, new DateOnly(2022, 1, 1), null],
        ["-2+3", null, null, null, null],
        ["@SUM(A1)", null, null, null, null],
        ["\tcmd", null, null, null, null],
        ["ký tự \u0001 cấm \uFFFF và \u202E đảo chiều", null, null, null, null],
    ];

    static byte[] Write(ExportFormat format)
    {
        using var stream = new MemoryStream();
        using (var writer = TableExportWriter.Create(format, stream, "Hồ sơ: năm [2026]", Columns))
        {
            foreach (var row in Rows)
            {
                writer.WriteRow(row);
            }

            writer.Complete();
        }

        return stream.ToArray();
    }

    [Fact]
    public void Xlsx_Written_OpensWithTheSdkAndPassesTheValidator()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(ExportFormat.Xlsx)), false);

        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description));
    }

    [Fact]
    public void Xlsx_Written_HasNumbersAsNumbersAndDatesAsSerialNumbersWithADateFormat()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(ExportFormat.Xlsx)), false);
        var cells = Cells(document);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;

        Assert.Null(cells["B2"].DataType); // a number cell
        Assert.Equal(150_000_000m, decimal.Parse(cells["B2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(-5m, decimal.Parse(cells["B3"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(12.5m, decimal.Parse(cells["C2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Null(cells["D2"].DataType);
        Assert.Equal(new DateTime(2026, 3, 2), DateTime.FromOADate(double.Parse(cells["D2"].CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal("dd/mm/yyyy", FormatOf(formats, cells["D2"]));
        // 17:30 UTC is 00:30 the next day in Vietnam.
        Assert.Equal(new DateTime(2026, 3, 3, 0, 30, 0), DateTime.FromOADate(double.Parse(cells["E2"].CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal("dd/mm/yyyy hh:mm", FormatOf(formats, cells["E2"]));
        Assert.False(cells.ContainsKey("C3")); // null: no cell
    }

    [Fact]
    public void Xlsx_Written_HasAFrozenBoldHeaderAnAutofilterAndColumnWidths()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(ExportFormat.Xlsx)), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var cells = Cells(document);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal($"A1:E{Rows.Length + 1}", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(40d, sheet.Descendants<Column>().First().Width!.Value);
        Assert.Equal(["Tên doanh nghiệp", "Kinh phí (đồng)", "Tỷ lệ", "Ngày nộp", "Cập nhật lúc"], new[] { "A1", "B1", "C1", "D1", "E1" }.Select(r => cells[r].InnerText));
        var header = (CellFormat)document.WorkbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.ElementAt((int)cells["A1"].StyleIndex!.Value);
        Assert.NotNull(((Font)document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.ElementAt((int)header.FontId!.Value)).Bold);
    }

    [Fact]
    public void Xlsx_HostileText_IsPlainInlineTextNeverAFormulaAndInvalidCharactersAreDropped()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(ExportFormat.Xlsx)), false);
        var cells = Cells(document);

        Assert.Empty(document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<CellFormula>());
        Assert.All(Enumerable.Range(2, Rows.Length).Select(i => cells[$"A{i}"]), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Equal(Vietnamese, cells["A2"].InnerText);
        Assert.Equal("=HYPERLINK(\"http://x\",\"bấm\")", cells["A3"].InnerText);
        Assert.Equal("ký tự  cấm  và  đảo chiều", cells["A8"].InnerText);
    }

    [Fact]
    public void Csv_Written_StartsWithTheUtf8ByteOrderMarkAndRoundTripsVietnameseText()
    {
        var bytes = Write(ExportFormat.Csv);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var records = ParseRfc4180(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(Rows.Length + 1, records.Count);
        Assert.Equal(["Tên doanh nghiệp", "Kinh phí (đồng)", "Tỷ lệ", "Ngày nộp", "Cập nhật lúc"], records[0]);
        Assert.Equal([Vietnamese, "150000000", "12.5", "02/03/2026", "03/03/2026 00:30"], records[1]);
    }

    [Fact]
    public void Csv_TextThatWouldStartAFormula_IsPrefixedWithAnApostropheButNumbersAreNot()
    {
        var records = ParseRfc4180(Encoding.UTF8.GetString(Write(ExportFormat.Csv)).TrimStart('\uFEFF'));

        Assert.Equal("'=HYPERLINK(\"http://x\",\"bấm\")", records[2][0]);
        Assert.Equal("-5", records[2][1]);
        Assert.Equal("'+1+1", records[3][0]);
        Assert.Equal("'-2+3", records[4][0]);
        Assert.Equal("'@SUM(A1)", records[5][0]);
        Assert.Equal("'\tcmd", records[6][0]);
        Assert.Equal("ký tự  cấm  và  đảo chiều", records[7][0]);
    }

    static Dictionary<string, Cell> Cells(SpreadsheetDocument document) =>
        document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

    static string? FormatOf(Stylesheet styles, Cell cell)
    {
        var format = (CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
    }

    /// <summary>An independent RFC 4180 reader (quoted fields, doubled quotes, CRLF records, line breaks inside quotes).</summary>
    internal static List<List<string>> ParseRfc4180(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(record); // every record ends with CRLF
        return records;
    }
}
