namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>How a run of text looks: size in points, bold, italic, underline, upper case.</summary>
readonly record struct TextStyle(double Size = 14, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public static TextStyle Body => new(14);

    public TextStyle WithBold() => this with { Bold = true };

    public TextStyle WithItalic() => this with { Italic = true };
}

/// <summary>Paragraph alignment.</summary>
enum Align
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>
/// Paragraph layout, in twips: first-line indent, space before and after, line spacing (240 = single),
/// left/right indents, keep with next.
/// </summary>
readonly record struct Layout(
    Align Align = Align.Justify,
    int FirstLine = 0,
    int Before = 0,
    int After = 120,
    int Line = 276,
    int IndentLeft = 0,
    int IndentRight = 0,
    bool KeepNext = false)
{
    /// <summary>Body text: justified, first line indented 1,27 cm, 6 pt after, 1,15 lines.</summary>
    public static Layout Body => new(Align.Justify, FirstLine: 720);

    public static Layout Centered => new(Align.Center, After: 0, Line: 240);

    /// <summary>Text in a table cell: no indent, no space, single lines.</summary>
    public static Layout Cell(Align align = Align.Left) => new(align, After: 0, Line: 240);
}
