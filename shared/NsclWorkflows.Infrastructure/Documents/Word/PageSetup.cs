using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>
/// A4 pages with the margins of Nghị định 30/2020 (Phụ lục I): top and bottom 20 mm (20–25), left 30 mm (30–35),
/// right 15 mm (15–20). Page numbers go in the middle of the top margin, not on the first page.
/// </summary>
static class PageSetup
{
    public const int A4ShortTwips = 11906;
    public const int A4LongTwips = 16838;
    public static readonly int Top = Units.MmToTwips(20);
    public static readonly int Bottom = Units.MmToTwips(20);
    public static readonly int Left = Units.MmToTwips(30);
    public static readonly int Right = Units.MmToTwips(15);
    public static readonly int HeaderDistance = Units.MmToTwips(10);
    public static readonly int FooterDistance = Units.MmToTwips(10);

    /// <summary>Width of the text between the margins.</summary>
    public static int TextWidth(bool landscape) => (landscape ? A4LongTwips : A4ShortTwips) - Left - Right;

    /// <summary>
    /// Section properties in schema order: header references, section type, page size, margins, title page.
    /// <paramref name="firstPageHeaderId"/> (an empty header) hides the number on the section's first page.
    /// </summary>
    public static SectionProperties Section(bool landscape, string pageNumberHeaderId, string? firstPageHeaderId)
    {
        var section = new SectionProperties();
        section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = pageNumberHeaderId });
        if (firstPageHeaderId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = firstPageHeaderId });
        }

        section.Append(new SectionType { Val = SectionMarkValues.NextPage });
        section.Append(landscape
            ? new PageSize { Width = (UInt32Value)(uint)A4LongTwips, Height = (UInt32Value)(uint)A4ShortTwips, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (UInt32Value)(uint)A4ShortTwips, Height = (UInt32Value)(uint)A4LongTwips, Orient = PageOrientationValues.Portrait });
        section.Append(new PageMargin
        {
            Top = Top,
            Bottom = Bottom,
            Left = (UInt32Value)(uint)Left,
            Right = (UInt32Value)(uint)Right,
            Header = (UInt32Value)(uint)HeaderDistance,
            Footer = (UInt32Value)(uint)FooterDistance,
            Gutter = 0U,
        });
        if (firstPageHeaderId is not null)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    /// <summary>The header with the page number: a centred PAGE field, 13 pt, upright.</summary>
    public static Header PageNumberHeader()
    {
        var run = Para.MakeRun("1", new TextStyle(13));
        var field = new SimpleField(run) { Instruction = " PAGE " };
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        return new Header(new Paragraph(properties, field));
    }

    /// <summary>An empty header, for first pages.</summary>
    public static Header EmptyHeader() => new(new Paragraph());
}
