using System.Text;
using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>How values are written into a template's output.</summary>
public enum TemplateEscaping
{
    /// <summary>As given (plain text, subject lines), less the characters <see cref="TextSafety"/> refuses.</summary>
    None,

    /// <summary>HTML-escaped (<c>&amp; &lt; &gt; " '</c>), line breaks as <c>&lt;br&gt;</c>: safe in element text and quoted attributes.</summary>
    Html,
}

/// <summary>
/// A small template language: <c>{{name}}</c> inserts a value; <c>{{#list name}}</c> inserts a value of one item a
/// line as a list (HTML: <c>&lt;ul&gt;&lt;li&gt;…</c>; text: one "- item" a line); <c>{{#if name}}…{{/if}}</c> keeps its
/// body only when <c>name</c> has a non-empty value (blocks nest). Names are letters and digits, starting with a letter. Nothing else
/// between <c>{{</c> and <c>}}</c> is accepted. A value the template needs and the caller lacks is an error, never an
/// empty string. Values are only ever inserted escaped for the output's kind: the template's own text is trusted,
/// values are not.
/// </summary>
public sealed partial class TextTemplate
{
    readonly IReadOnlyList<Node> nodes;

    TextTemplate(string name, IReadOnlyList<Node> nodes, IReadOnlySet<string> names)
    {
        Name = name;
        this.nodes = nodes;
        Names = names;
    }

    /// <summary>Where the template came from (for error messages).</summary>
    public string Name { get; }

    /// <summary>Every name the template refers to, in placeholders and conditions.</summary>
    public IReadOnlySet<string> Names { get; }

    public static TextTemplate Parse(string source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Name, List<Node> Body, int Line)>();
        var current = new List<Node>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                AddLiteral(current, source[position..]);
                break;
            }

            AddLiteral(current, source[position..open]);
            var match = Tag().Match(source, open);
            if (!match.Success || match.Index != open)
            {
                throw new TemplateException($"{name}, line {LineOf(source, open)}: unrecognised tag '{Excerpt(source, open)}'.");
            }

            if (match.Groups["if"].Success)
            {
                var condition = match.Groups["if"].Value;
                names.Add(condition);
                stack.Push((condition, current, LineOf(source, open)));
                current = [];
            }
            else if (match.Groups["end"].Success)
            {
                if (stack.Count == 0)
                {
                    throw new TemplateException($"{name}, line {LineOf(source, open)}: {{{{/if}}}} without {{{{#if}}}}.");
                }

                var (condition, parent, _) = stack.Pop();
                parent.Add(new Conditional(condition, current));
                current = parent;
            }
            else if (match.Groups["list"].Success)
            {
                var value = match.Groups["list"].Value;
                names.Add(value);
                current.Add(new ListPlaceholder(value));
            }
            else
            {
                var value = match.Groups["name"].Value;
                names.Add(value);
                current.Add(new Placeholder(value));
            }

            position = match.Index + match.Length;
        }

        if (stack.Count > 0)
        {
            throw new TemplateException($"{name}, line {stack.Peek().Line}: {{{{#if {stack.Peek().Name}}}}} is never closed.");
        }

        return new TextTemplate(name, current, names);
    }

    /// <summary>Renders with <paramref name="values"/>; throws <see cref="TemplateException"/> naming every value that is needed and missing.</summary>
    public string Render(IReadOnlyDictionary<string, string> values, TemplateEscaping escaping)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        Write(nodes, values, escaping, output, missing);
        if (missing.Count > 0)
        {
            throw new TemplateException($"{Name}: no value for {string.Join(", ", missing)}.") { MissingNames = [.. missing] };
        }

        return output.ToString();
    }

    static void Write(IReadOnlyList<Node> nodes, IReadOnlyDictionary<string, string> values, TemplateEscaping escaping, StringBuilder output, SortedSet<string> missing)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal literal:
                    output.Append(literal.Text);
                    break;
                case Placeholder placeholder when values.TryGetValue(placeholder.Name, out var value):
                    // Values are stored text: what TextSafety refuses is dropped for either kind of output.
                    output.Append(escaping == TemplateEscaping.Html ? HtmlText.Escape(value) : TextSafety.Clean(value, multiLine: true));
                    break;
                case Placeholder placeholder:
                    missing.Add(placeholder.Name);
                    break;
                case ListPlaceholder list when values.TryGetValue(list.Name, out var value):
                    output.Append(ListOf(value, escaping));
                    break;
                case ListPlaceholder list:
                    missing.Add(list.Name);
                    break;
                case Conditional conditional when values.TryGetValue(conditional.Name, out var value) && value.Length > 0:
                    Write(conditional.Body, values, escaping, output, missing);
                    break;
            }
        }
    }

    /// <summary>One item a line of <paramref name="value"/> (blank lines dropped), as an HTML list or "- item" lines.</summary>
    static string ListOf(string value, TemplateEscaping escaping)
    {
        var items = TextSafety.Clean(value, multiLine: true).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return escaping == TemplateEscaping.Html
            ? "<ul style=\"margin:4px 0 12px 0;padding-left:24px\">" + string.Concat(items.Select(i => "<li>" + HtmlText.Escape(i) + "</li>")) + "</ul>"
            : string.Join('\n', items.Select(i => "- " + i));
    }

    static void AddLiteral(List<Node> nodes, string text)
    {
        if (text.Length > 0)
        {
            nodes.Add(new Literal(text));
        }
    }

    static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    static string Excerpt(string source, int index) => source.Substring(index, Math.Min(30, source.Length - index)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"\{\{\s*(?:#if\s+(?<if>[A-Za-z][A-Za-z0-9]*)|#list\s+(?<list>[A-Za-z][A-Za-z0-9]*)|(?<end>/if)|(?<name>[A-Za-z][A-Za-z0-9]*))\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    abstract record Node;

    sealed record Literal(string Text) : Node;

    sealed record Placeholder(string Name) : Node;

    sealed record ListPlaceholder(string Name) : Node;

    sealed record Conditional(string Name, IReadOnlyList<Node> Body) : Node;
}
