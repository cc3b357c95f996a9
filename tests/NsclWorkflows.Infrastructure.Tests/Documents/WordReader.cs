using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>Reads a generated .docx back: validation errors, paragraph text, tables as text grids, page setup.</summary>
sealed class WordReader : IDisposable
{
    readonly MemoryStream stream;

    public WordReader(byte[] docx)
    {
        stream = new MemoryStream(docx, writable: false);
        Document = WordprocessingDocument.Open(stream, false);
    }

    public WordprocessingDocument Document { get; }

    public Body Body => Document.MainDocumentPart!.Document.Body!;

    /// <summary>Every schema or semantic error, one line each ("" when valid).</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(Document)
            .Select(e => $"{e.ErrorType} {e.Path?.XPath}: {e.Description}")
            .ToList();

    /// <summary>Text of every paragraph of the body (tables included), line breaks as "\n".</summary>
    public IReadOnlyList<string> Paragraphs() => Body.Descendants<Paragraph>().Select(Text).ToList();

    public string AllText() => string.Join("\n", Paragraphs());

    /// <summary>Every table as rows of cell texts.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables() =>
        Body.Descendants<Table>().Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Elements<TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(Text))).ToList())
            .ToList()).ToList();

    public IReadOnlyList<SectionProperties> Sections() => Body.Descendants<SectionProperties>().ToList();

    public static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break b when b.Type is null => "\n",
            _ => string.Empty,
        }));

    /// <summary>"5.310" → 5310, "12,5" → 12.5, "-" → 0, "" → null.</summary>
    public static decimal? Number(string text) => text switch
    {
        "" => null,
        "-" => 0m,
        _ => decimal.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'), CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }
}
