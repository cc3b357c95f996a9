using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Tests.Email;

public sealed class TextTemplateTests
{
    static readonly Dictionary<string, string> Name = new() { ["enterpriseName"] = "Công ty <script>alert(1)</script> & Cộng sự \"A\" 'B'" };

    [Fact]
    public void Render_Html_EscapesScriptAmpersandAndQuotes()
    {
        var template = TextTemplate.Parse("<p title=\"{{enterpriseName}}\">{{enterpriseName}}</p>", "t");

        var html = template.Render(Name, TemplateEscaping.Html);

        const string Escaped = "Công ty &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cộng sự &quot;A&quot; &#39;B&#39;";
        Assert.Equal($"<p title=\"{Escaped}\">{Escaped}</p>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void Render_Text_KeepsValuesAsGiven()
    {
        var template = TextTemplate.Parse("Kính gửi {{enterpriseName}},", "t");

        Assert.Equal("Kính gửi Công ty <script>alert(1)</script> & Cộng sự \"A\" 'B',", template.Render(Name, TemplateEscaping.None));
    }

    [Fact]
    public void Render_HtmlValueWithLineBreaks_BecomesBrLines()
    {
        var template = TextTemplate.Parse("<p>{{items}}</p>", "t");

        var html = template.Render(new Dictionary<string, string> { ["items"] = "1. Giấy phép\r\n2. Báo cáo <tài chính>" }, TemplateEscaping.Html);

        Assert.Equal("<p>1. Giấy phép<br>\n2. Báo cáo &lt;tài chính&gt;</p>", html);
    }

    [Fact]
    public void Render_ListOfLines_IsAnHtmlListAndDashLinesInText()
    {
        var template = TextTemplate.Parse("Cần bổ sung:\n{{#list items}}", "t");
        var items = new Dictionary<string, string> { ["items"] = "Giấy phép kinh doanh\r\n\nBáo cáo <tài chính> & thuế" };

        Assert.Equal("Cần bổ sung:\n<ul style=\"margin:4px 0 12px 0;padding-left:24px\"><li>Giấy phép kinh doanh</li><li>Báo cáo &lt;tài chính&gt; &amp; thuế</li></ul>",
            template.Render(items, TemplateEscaping.Html));
        Assert.Equal("Cần bổ sung:\n- Giấy phép kinh doanh\n- Báo cáo <tài chính> & thuế", template.Render(items, TemplateEscaping.None));
        Assert.Equal(["items"], template.Names);
    }

    [Fact]
    public void Render_MissingValue_ThrowsNamingEveryMissingPlaceholder()
    {
        var template = TextTemplate.Parse("{{trackingCode}} {{dueDate}} {{enterpriseName}}", "Receipt.email (html)");

        var error = Assert.Throws<TemplateException>(() => template.Render(Name, TemplateEscaping.Html));

        Assert.Equal(["dueDate", "trackingCode"], error.MissingNames);
        Assert.Contains("Receipt.email (html)", error.Message);
    }

    [Fact]
    public void Render_EmptyValue_IsAValueNotAMissingOne()
    {
        var template = TextTemplate.Parse("[{{note}}]", "t");

        Assert.Equal("[]", template.Render(new Dictionary<string, string> { ["note"] = "" }, TemplateEscaping.Html));
    }

    [Theory]
    [InlineData("note", "Ghi chú: a&amp;b.")]
    [InlineData("other", ".")]
    public void Render_IfBlock_KeptOnlyWhenItsValueIsPresent(string key, string expected)
    {
        var template = TextTemplate.Parse("{{#if note}}Ghi chú: {{note}}{{/if}}.", "t");

        Assert.Equal(expected, template.Render(new Dictionary<string, string> { [key] = "a&b" }, TemplateEscaping.Html));
    }

    [Fact]
    public void Render_IfBlockSkipped_DoesNotRequireItsPlaceholders()
    {
        var template = TextTemplate.Parse("{{#if newDueDate}}Hạn mới {{newDueDate}} ({{reason}}){{/if}}xong", "t");

        Assert.Equal("xong", template.Render(new Dictionary<string, string>(), TemplateEscaping.None));
    }

    [Fact]
    public void Render_NestedIfBlocks_Work()
    {
        var template = TextTemplate.Parse("{{#if a}}A{{#if b}}B{{/if}}{{/if}}", "t");

        Assert.Equal("A", template.Render(new Dictionary<string, string> { ["a"] = "1" }, TemplateEscaping.None));
        Assert.Equal("AB", template.Render(new Dictionary<string, string> { ["a"] = "1", ["b"] = "1" }, TemplateEscaping.None));
    }

    [Fact]
    public void Names_ListsPlaceholdersAndConditions()
    {
        var template = TextTemplate.Parse("{{ a }} {{#if b}}{{c}}{{/if}}", "t");

        Assert.Equal(["a", "b", "c"], template.Names.Order());
    }

    [Theory]
    [InlineData("{{{enterpriseName}}}")]
    [InlineData("{{enterprise-name}}")]
    [InlineData("{{#each items}}")]
    [InlineData("{{>content}}")]
    [InlineData("{{ }}")]
    [InlineData("{{name")]
    [InlineData("{{/if}}")]
    [InlineData("{{#if a}}never closed")]
    public void Parse_UnknownOrUnbalancedTag_Throws(string source) =>
        Assert.Throws<TemplateException>(() => TextTemplate.Parse(source, "t"));
}
