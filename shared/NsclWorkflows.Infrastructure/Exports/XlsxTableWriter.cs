using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Infrastructure.Documents.Packaging;

namespace NsclWorkflows.Infrastructure.Exports;

/// <summary>
/// One worksheet of SpreadsheetML written row by row through <see cref="OpenXmlWriter"/> straight into its ZIP entry
/// (<see cref="StreamedPackage"/>): 100,000 rows never sit in memory. Typed cells: numbers are number cells (đồng with
/// a thousands format), dates are serial numbers with a dd/mm/yyyy format (date and time: dd/mm/yyyy hh:mm, Vietnam
/// time), text is an inline string (never a formula, whatever it begins with; characters XML cannot hold are dropped,
/// <see cref="TextSafety.Clean"/>). The header row is bold and frozen, the table has an autofilter, columns their widths.
/// </summary>
public sealed class XlsxTableWriter : ITableExportWriter
{
    // Style indexes of the stylesheet below (cellXfs).
    const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, IntegerStyle = 4, DecimalStyle = 5, TextStyle = 6;
    static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    readonly StreamedPackage package;
    readonly OpenXmlWriter writer;
    readonly IReadOnlyList<ExportColumn> columns;
    readonly string[] letters;
    bool completed;

    public XlsxTableWriter(Stream destination, string sheetName, IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(destination);
        this.columns = columns ?? throw new ArgumentNullException(nameof(columns));
        if (columns.Count == 0)
        {
            throw new ArgumentException("An export needs at least one column.", nameof(columns));
        }

        letters = columns.Select((_, i) => ColumnName(i)).ToArray();
        using var skeleton = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = TextSafety.Clean(sheetName, multiLine: false);
            document.PackageProperties.Creator = "Sở Khoa học và Công nghệ thành phố Đà Nẵng";
            document.PackageProperties.Language = "vi-VN";
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            workbook.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(sheetName) }),
                // Excel's own name for an autofilter's range; the range grows with the rows (set from the sheet on open).
                new DefinedNames(new DefinedName($"'{SheetName(sheetName).Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${letters[^1]}$1")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
                }));
            sheetEntry = sheet.Uri.OriginalString.TrimStart('/');
        }

        package = StreamedPackage.Open(destination, skeleton, sheetEntry);
        writer = OpenXmlWriter.Create(package.Part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet(), [], [
            new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ]);
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { WorkbookViewId = 0, TabSelected = true }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteCells(1, columns.Select(c => (object?)c.Header).ToArray(), header: true);
    }

    public int RowCount { get; private set; }

    public void WriteRow(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        RowCount++;
        WriteCells(RowCount + 1, values, header: false);
    }

    public void Complete()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{letters[^1]}{(RowCount + 1).ToString(CultureInfo.InvariantCulture)}" });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        package.Close();
    }

    public void Dispose()
    {
        if (!completed)
        {
            completed = true;
            writer.Dispose();
            package.Close();
        }
    }

    /// <summary>"A" … "Z", "AA" …</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    static string SheetName(string name)
    {
        var clean = new string(TextSafety.Clean(name, multiLine: false).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    void WriteCells(int rowIndex, IReadOnlyList<object?> values, bool header)
    {
        var row = rowIndex.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row)]);
        for (var i = 0; i < columns.Count; i++)
        {
            var value = i < values.Count ? values[i] : null;
            if (value is null)
            {
                continue;
            }

            var reference = letters[i] + row;
            var kind = header ? ExportCellKind.Text : columns[i].Kind;
            writer.WriteElement(Cell(reference, kind, value, header));
        }

        writer.WriteEndElement();
    }

    static Cell Cell(string reference, ExportCellKind kind, object value, bool header)
    {
        switch (value)
        {
            case DateOnly date when kind is ExportCellKind.Date or ExportCellKind.DateTime:
                return Number(reference, (date.ToDateTime(TimeOnly.MinValue) - Epoch).TotalDays, DateStyle);
            case DateTimeOffset at when kind is ExportCellKind.Date or ExportCellKind.DateTime:
                var local = TableExportWriter.VietnamTime(at);
                return kind == ExportCellKind.Date
                    ? Number(reference, (local.Date - Epoch).TotalDays, DateStyle)
                    : Number(reference, (local - Epoch).TotalDays, DateTimeStyle);
            case long or int when kind is ExportCellKind.WholeNumber or ExportCellKind.Fraction:
                return new Cell { CellReference = reference, StyleIndex = IntegerStyle, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) };
            case decimal d when kind is ExportCellKind.WholeNumber or ExportCellKind.Fraction:
                return new Cell { CellReference = reference, StyleIndex = DecimalStyle, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) };
            default:
                var text = TextSafety.Clean(Convert.ToString(value, CultureInfo.InvariantCulture), multiLine: true);
                return new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = header ? HeaderStyle : TextStyle,
                };
        }
    }

    static Cell Number(string reference, double serial, uint style) =>
        new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(serial.ToString("0.##########", CultureInfo.InvariantCulture)) };

    static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy hh:mm" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
