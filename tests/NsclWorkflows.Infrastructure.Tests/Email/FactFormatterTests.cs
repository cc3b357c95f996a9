using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Tests.Email;

public sealed class FactFormatterTests
{
    static readonly Uri PublicBase = new("https://nscl.example.vn/");

    [Theory]
    [InlineData("dueDate", "2026-03-31", "31/03/2026")]
    [InlineData("decisionDate", "2026-03-31T18:00:00Z", "01/04/2026")]
    [InlineData("decisionDate", "2026-03-31T18:00:00+07:00", "31/03/2026")]
    [InlineData("approvedAmountVnd", "1234000000", "1.234.000.000 đồng")]
    [InlineData("budgetMillionVnd", "1234", "1.234 triệu đồng")]
    [InlineData("budgetMillionVnd", "12.5", "12,5 triệu đồng")]
    [InlineData("reportUrl", "/api/reports/2025", "https://nscl.example.vn/api/reports/2025")]
    [InlineData("reportUrl", "https://other.example.vn/x?y=1&z=2", "https://other.example.vn/x?y=1&z=2")]
    [InlineData("periodName", "  Báo cáo kỳ 2  ", "Báo cáo kỳ 2")]
    public void Format_ByNameEnding_GivesWhatPeopleRead(string name, string raw, string expected) =>
        Assert.Equal(expected, FactFormatter.Format(name, raw, PublicBase));

    [Theory]
    [InlineData("dueDate", "31/03/2026")]
    [InlineData("dueDate", "ngày mai")]
    [InlineData("approvedAmountVnd", "1.234.000")]
    [InlineData("approvedAmountVnd", "12.5")]
    [InlineData("budgetMillionVnd", "1,5")]
    [InlineData("reportUrl", "javascript:alert(1)")]
    [InlineData("reportUrl", "//evil.example/x")]
    [InlineData("link", "data:text/html,hi")]
    public void Format_MalformedValue_Throws(string name, string raw) =>
        Assert.Throws<TemplateException>(() => FactFormatter.Format(name, raw, PublicBase));

    [Fact]
    public void Format_Text_IsNormalisedToNfc()
    {
        var decomposed = "Hòa Khánh".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Hòa Khánh".Normalize(System.Text.NormalizationForm.FormC), FactFormatter.Format("enterpriseName", decomposed, PublicBase));
    }
}
