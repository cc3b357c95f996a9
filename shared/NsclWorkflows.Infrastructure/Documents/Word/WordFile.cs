using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>
/// A .docx being written: styles (Times New Roman 14 pt, Vietnamese), the page-number headers, and a body streamed
/// through <see cref="OpenXmlWriter"/> one typed element (or table row) at a time, so a report with thousands of rows
/// never holds the whole document tree in memory; the body is deflated into its destination as it is written
/// (<see cref="Packaging.StreamedPackage"/>), so not even its XML stays in memory.
/// </summary>
sealed class WordFile : IDisposable
{
    const string Font = "Times New Roman";

    readonly MemoryStream? owned;
    readonly Packaging.StreamedPackage package;
    readonly OpenXmlWriter writer;
    readonly string pageNumberHeaderId;
    readonly string firstPageHeaderId;
    bool finished;

    WordFile(string title, Stream destination, MemoryStream? owned)
    {
        this.owned = owned;
        using var skeleton = new MemoryStream();
        string mainEntry;
        using (var document = WordprocessingDocument.Create(skeleton, WordprocessingDocumentType.Document))
        {
            // The title holds stored text (the enterprise's name): cleaned as every run is (see Para.MakeRun).
            document.PackageProperties.Title = NsclWorkflows.Domain.Text.TextSafety.Clean(title, multiLine: false);
            document.PackageProperties.Creator = "Sở Khoa học và Công nghệ thành phố Đà Nẵng";
            document.PackageProperties.Language = "vi-VN";
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var pageNumber = main.AddNewPart<HeaderPart>();
            pageNumber.Header = PageSetup.PageNumberHeader();
            var firstPage = main.AddNewPart<HeaderPart>();
            firstPage.Header = PageSetup.EmptyHeader();
            pageNumberHeaderId = main.GetIdOfPart(pageNumber);
            firstPageHeaderId = main.GetIdOfPart(firstPage);
            mainEntry = main.Uri.OriginalString.TrimStart('/');
        }

        package = Packaging.StreamedPackage.Open(destination, skeleton, mainEntry);
        writer = OpenXmlWriter.Create(package.Part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document(), [], [
            new KeyValuePair<string, string>("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
            new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ]);
        writer.WriteStartElement(new Body());
    }

    public static WordFile Create(string title, Stream destination) => new(title, destination, null);

    /// <summary>A small document built in memory (<see cref="Finish"/> returns its bytes).</summary>
    public static WordFile Create(string title)
    {
        var memory = new MemoryStream();
        return new(title, memory, memory);
    }

    public void Add(OpenXmlElement element) => writer.WriteElement(element);

    public void AddRange(IEnumerable<OpenXmlElement> elements)
    {
        foreach (var element in elements)
        {
            writer.WriteElement(element);
        }
    }

    /// <summary>
    /// A row of <paramref name="shape"/> holding <paramref name="texts"/>, one per column: the same XML as
    /// <c>Add(Tables.Row(... Tables.Text(...)))</c>, written from the shape's elements without building the row's.
    /// </summary>
    public void AddTextRow(TextRowShape shape, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count != shape.Columns.Count)
        {
            throw new ArgumentException("One text per column.", nameof(texts));
        }

        writer.WriteStartElement(shape.RowStart);
        writer.WriteElement(shape.RowProperties);
        for (var i = 0; i < texts.Count; i++)
        {
            var (cell, paragraph, run) = shape.Columns[i];
            writer.WriteStartElement(shape.CellStart);
            writer.WriteElement(cell);
            writer.WriteStartElement(shape.ParagraphStart);
            writer.WriteElement(paragraph);
            writer.WriteStartElement(shape.RunStart);
            writer.WriteElement(run);
            var lines = Para.Lines(texts[i]);
            for (var k = 0; k < lines.Length; k++)
            {
                if (k > 0)
                {
                    writer.WriteElement(shape.Break);
                }

                writer.WriteStartElement(shape.TextStart);
                writer.WriteString(lines[k]);
                writer.WriteEndElement();
            }

            writer.WriteEndElement(); // run
            writer.WriteEndElement(); // paragraph
            writer.WriteEndElement(); // cell
        }

        writer.WriteEndElement(); // row
    }

    /// <summary>Opens a table whose rows are then written one by one with <see cref="Add"/>.</summary>
    public void StartTable(IReadOnlyList<int> widths, bool bordered)
    {
        writer.WriteStartElement(new Table());
        writer.WriteElement(Tables.Properties(widths.Sum(), bordered));
        writer.WriteElement(Tables.Grid(widths));
    }

    public void EndTable() => writer.WriteEndElement();

    /// <summary>Ends the current section (its page setup goes in a paragraph of its own); the next starts on a new page.</summary>
    public void EndSection(bool landscape, bool numberFirstPage) =>
        writer.WriteElement(new Paragraph(new ParagraphProperties { SectionProperties = Section(landscape, numberFirstPage) }));

    /// <summary>Writes the last section's page setup, closes the package and returns the bytes of an in-memory document.</summary>
    public byte[] Finish(bool landscape, bool numberFirstPage)
    {
        Complete(landscape, numberFirstPage);
        return owned?.ToArray() ?? throw new InvalidOperationException("This document was written to a stream of its caller.");
    }

    /// <summary>Writes the last section's page setup and closes the package: the destination then holds the whole file.</summary>
    public void Complete(bool landscape, bool numberFirstPage)
    {
        writer.WriteElement(Section(landscape, numberFirstPage));
        writer.WriteEndElement(); // body
        writer.WriteEndElement(); // document
        writer.Close();
        package.Close();
        finished = true;
    }

    public void Dispose()
    {
        if (!finished)
        {
            writer.Dispose();
            package.Close();
        }

        owned?.Dispose();
    }

    SectionProperties Section(bool landscape, bool numberFirstPage) =>
        PageSetup.Section(landscape, pageNumberHeaderId, numberFirstPage ? null : firstPageHeaderId);

    static Styles Styles()
    {
        var size = Units.HalfPoints(14);
        var runDefaults = new RunPropertiesBaseStyle
        {
            RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            FontSize = new FontSize { Val = size },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size },
            Languages = new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" },
        };
        var paragraphDefaults = new ParagraphPropertiesBaseStyle
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
        };
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)),
            normal);
    }
}
