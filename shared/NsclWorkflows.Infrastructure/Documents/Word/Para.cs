using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>Paragraphs and runs from plain text (typed elements: the SDK escapes &lt; and &amp;).</summary>
static class Para
{
    /// <summary>A paragraph of one style; "\n" in <paramref name="text"/> becomes a line break.</summary>
    public static Paragraph Of(string text, TextStyle style, Layout layout) =>
        new(Properties(layout), MakeRun(text, style));

    /// <summary>A paragraph of several runs (e.g. a bold lead-in followed by plain text).</summary>
    public static Paragraph Of(Layout layout, params (string Text, TextStyle Style)[] runs)
    {
        var paragraph = new Paragraph(Properties(layout));
        foreach (var (text, style) in runs)
        {
            paragraph.Append(MakeRun(text, style));
        }

        return paragraph;
    }

    /// <summary>Body text (14 pt, justified, first line indented).</summary>
    public static Paragraph Body(string text) => Of(text, TextStyle.Body, Layout.Body);

    /// <summary>A bold heading line of the body ("I. TÌNH HÌNH ...").</summary>
    public static Paragraph Heading(string text) =>
        Of(text, TextStyle.Body.WithBold(), Layout.Body with { Before = 120, KeepNext = true });

    /// <summary>Empty paragraph of the given height in points (for the signature space).</summary>
    public static Paragraph Space(double points = 14) => Of(string.Empty, new TextStyle(points), Layout.Cell());

    /// <summary>
    /// A short horizontal line under a centred heading: an empty paragraph with a top border, narrowed by indents to
    /// <paramref name="lineTwips"/> within <paramref name="availableTwips"/>.
    /// </summary>
    public static Paragraph Rule(int availableTwips, int lineTwips)
    {
        var indent = Math.Max(0, (availableTwips - lineTwips) / 2);
        var properties = new ParagraphProperties
        {
            ParagraphBorders = new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "000000" }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "80", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            Indentation = new Indentation { Left = Units.Twips(indent), Right = Units.Twips(indent) },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        return new Paragraph(properties, MakeRun(string.Empty, new TextStyle(2)));
    }

    public static ParagraphProperties Properties(Layout layout)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = Units.Twips(layout.Before),
                After = Units.Twips(layout.After),
                Line = Units.Twips(layout.Line),
                LineRule = LineSpacingRuleValues.Auto,
            },
            Justification = new Justification { Val = Justification(layout.Align) },
        };
        if (layout.KeepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        if (layout.FirstLine != 0 || layout.IndentLeft != 0 || layout.IndentRight != 0)
        {
            properties.Indentation = new Indentation
            {
                Left = Units.Twips(layout.IndentLeft),
                Right = Units.Twips(layout.IndentRight),
                FirstLine = layout.FirstLine > 0 ? Units.Twips(layout.FirstLine) : null,
            };
        }

        return properties;
    }

    /// <summary>A run: Times New Roman at the style's size; line breaks for "\n"; characters XML cannot hold dropped.</summary>
    public static Run MakeRun(string text, TextStyle style)
    {
        var size = Units.HalfPoints(style.Size);
        var properties = new RunProperties
        {
            FontSize = new FontSize { Val = size },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size },
        };
        if (style.Bold)
        {
            properties.Bold = new Bold();
        }

        if (style.Italic)
        {
            properties.Italic = new Italic();
        }

        if (style.Underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }

        var run = new Run(properties);
        var lines = Lines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>What a run holds of <paramref name="text"/>: cleaned, one string per line (a line break between them).</summary>
    public static string[] Lines(string text) => Clean(text).Split('\n');

    static JustificationValues Justification(Align align) => align switch
    {
        Align.Center => JustificationValues.Center,
        Align.Right => JustificationValues.Right,
        Align.Justify => JustificationValues.Both,
        _ => JustificationValues.Left,
    };

    /// <summary>
    /// What a run may hold: <see cref="TextSafety.Clean"/> drops what XML 1.0 cannot carry (controls, U+FFFE/U+FFFF,
    /// lone surrogates) and what spoofs display (bidi and other format controls, private use), for text stored before
    /// the input rule existed or arriving by another path; tabs become spaces; then NFC (safe now: no lone surrogate is left).
    /// </summary>
    static string Clean(string text) => TextSafety.Clean(text, multiLine: true).Replace('\t', ' ').Normalize(NormalizationForm.FormC);
}
