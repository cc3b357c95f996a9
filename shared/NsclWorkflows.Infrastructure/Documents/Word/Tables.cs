using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>Tables: borderless ones that lay out the heading and signatures, bordered ones that hold figures.</summary>
static class Tables
{
    /// <summary>Fixed-layout table properties of the given total width; <paramref name="bordered"/> draws single lines.</summary>
    public static TableProperties Properties(int totalWidth, bool bordered, int indent = 0)
    {
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = Units.Twips(totalWidth), Type = TableWidthUnitValues.Dxa },
            TableIndentation = new TableIndentation { Width = indent, Type = TableWidthUnitValues.Dxa },
            TableBorders = bordered ? Borders(BorderValues.Single) : Borders(BorderValues.None),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
        };
        return properties;
    }

    public static TableGrid Grid(IReadOnlyList<int> widths) =>
        new(widths.Select(w => new GridColumn { Width = Units.Twips(w) }));

    /// <summary>A whole table in memory (for small tables; large ones are streamed row by row).</summary>
    public static Table Make(IReadOnlyList<int> widths, bool bordered, IEnumerable<TableRow> rows, int indent = 0)
    {
        var table = new Table(Properties(widths.Sum(), bordered, indent), Grid(widths));
        table.Append(rows);
        return table;
    }

    /// <summary>A row; <paramref name="header"/> repeats it at the top of every page; rows never split across pages.</summary>
    public static TableRow Row(IEnumerable<TableCell> cells, bool header = false)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>A cell holding paragraphs (at least one is written, as the schema requires); centred vertically unless <paramref name="top"/>.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, MergedCellValues? verticalMerge = null, bool shaded = false, bool top = false)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Units.Twips(width), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = top ? TableVerticalAlignmentValues.Top : TableVerticalAlignmentValues.Center },
        };
        if (span > 1)
        {
            properties.GridSpan = new GridSpan { Val = span };
        }

        if (verticalMerge is { } merge)
        {
            properties.VerticalMerge = new VerticalMerge { Val = merge };
        }

        if (shaded)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" };
        }

        var cell = new TableCell(properties);
        var any = false;
        foreach (var paragraph in paragraphs)
        {
            cell.Append(paragraph);
            any = true;
        }

        if (!any)
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    /// <summary>A cell of one line of text.</summary>
    public static TableCell Text(int width, string text, TextStyle style, Align align = Align.Left, int span = 1, MergedCellValues? verticalMerge = null, bool shaded = false) =>
        Cell(width, [Para.Of(text, style, Layout.Cell(align))], span, verticalMerge, shaded);

    static TableBorders Borders(BorderValues value)
    {
        T Border<T>() where T : BorderType, new() =>
            new() { Val = value, Size = value == BorderValues.None ? 0U : 4U, Space = 0U, Color = value == BorderValues.None ? "auto" : "000000" };

        return new TableBorders(
            Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
            Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>());
    }
}

/// <summary>
/// The shape of a row of one-line text cells, built once by <see cref="Tables.Row"/> and <see cref="Tables.Text"/> as
/// any other row, then written for each of thousands of rows by <see cref="WordFile.AddTextRow"/> with only its texts
/// new: a row then costs its strings, not some thirty elements a cell (the year-end report's list of enterprises).
/// Belongs to one document being written (elements are not shared between threads).
/// </summary>
sealed class TextRowShape
{
    public TextRowShape(IReadOnlyList<int> widths, TextStyle style, IReadOnlyList<Align> aligns)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(aligns);
        if (widths.Count != aligns.Count)
        {
            throw new ArgumentException("One alignment per column.", nameof(aligns));
        }

        var prototype = Tables.Row(widths.Select((w, i) => Tables.Text(w, string.Empty, style, aligns[i])));
        RowProperties = prototype.TableRowProperties!;
        Columns = [.. prototype.Elements<TableCell>().Select(cell =>
        {
            var paragraph = cell.GetFirstChild<Paragraph>()!;
            return (cell.TableCellProperties!, paragraph.ParagraphProperties!, paragraph.GetFirstChild<Run>()!.RunProperties!);
        })];
    }

    public TableRowProperties RowProperties { get; }

    public IReadOnlyList<(TableCellProperties Cell, ParagraphProperties Paragraph, RunProperties Run)> Columns { get; }

    /// <summary>Start tags written for each row (their elements carry no content of their own).</summary>
    public TableRow RowStart { get; } = new();

    public TableCell CellStart { get; } = new();

    public Paragraph ParagraphStart { get; } = new();

    public Run RunStart { get; } = new();

    public Text TextStart { get; } = new() { Space = SpaceProcessingModeValues.Preserve };

    public Break Break { get; } = new();
}
