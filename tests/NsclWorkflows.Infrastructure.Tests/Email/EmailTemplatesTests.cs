using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email.Templates;

namespace NsclWorkflows.Infrastructure.Tests.Email;

/// <summary>The shipped templates: one per event, each renders with the facts its event promises, nothing left unreplaced.</summary>
public sealed class EmailTemplatesTests
{
    const string Marker = "<b>&</b>";
    static readonly EmailTemplates Templates = EmailTemplates.LoadEmbedded();
    static readonly Uri PublicBase = new("https://nscl.example.vn/");

    public static TheoryData<NotificationEvent> Events() => [.. Enum.GetValues<NotificationEvent>()];

    [Theory]
    [MemberData(nameof(Events))]
    public void Template_UsesOnlyFactsItsEventPromises(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);
        var allowed = NotificationFacts.Standard.Concat(spec.Required).Concat(spec.OptionalFacts).ToHashSet();

        var unknown = Templates[e].Names.Except(allowed).Order();
        Assert.Equal([], unknown);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryTemplateWithAllSampleFacts_LeavesNoPlaceholderAndEscapesValues(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);
        var email = new EmailRenderer(Templates).Render(e, SampleFacts(NotificationFacts.Standard.Concat(spec.Required).Concat(spec.OptionalFacts)));

        AssertComplete(email);
        Assert.DoesNotContain(Marker, email.Html);
        if (Templates[e].Names.Any(IsTextFact))
        {
            Assert.Contains("&lt;b&gt;&amp;&lt;/b&gt;", email.Html);
            Assert.Contains(Marker, email.Text);
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryTemplateWithoutOptionalFacts_StillRenders(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);

        AssertComplete(new EmailRenderer(Templates).Render(e, SampleFacts(NotificationFacts.Standard.Concat(spec.Required))));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_AnyRequiredFactMissing_Throws(NotificationEvent e)
    {
        var spec = NotificationFacts.For(e);
        foreach (var required in spec.Required)
        {
            var facts = SampleFacts(NotificationFacts.Standard.Concat(spec.Required).Where(n => n != required));

            var error = Assert.Throws<TemplateException>(() => new EmailRenderer(Templates).Render(e, facts));
            Assert.Contains(required, error.MissingNames);
        }
    }

    [Fact]
    public void Render_Receipt_IsVietnameseWithFormattedFacts()
    {
        var facts = FactFormatter.FormatAll(new Dictionary<string, string>
        {
            ["enterpriseName"] = "Công ty TNHH Cơ khí Hòa Khánh",
            ["enterpriseCode"] = "0401234567",
            ["trackingCode"] = "NSCL-2026-ABCD",
            ["applicationTitle"] = "Áp dụng Lean và 5S",
            ["contactName"] = "Nguyễn Thị Hạnh",
            ["requestedAmountVnd"] = "150000000",
            ["submittedDate"] = "2026-03-02T01:00:00Z",
            ["link"] = "/api/applications/x?access=secret",
            ["handlingUnit"] = "Sở Công Thương",
            ["dueDate"] = "2026-03-09",
        }, PublicBase);

        var email = new EmailRenderer(Templates).Render(NotificationEvent.Receipt, facts);

        Assert.Contains("Sở Công Thương đã tiếp nhận hồ sơ đề nghị hỗ trợ của Quý doanh nghiệp.", email.Text); // the sở that handles the file

        Assert.Equal("[NSCL] Đã tiếp nhận hồ sơ NSCL-2026-ABCD", email.Subject);
        Assert.Contains("150.000.000 đồng", email.Html);
        Assert.Contains("02/03/2026", email.Html);
        Assert.Contains("09/03/2026", email.Text);
        Assert.Contains("href=\"https://nscl.example.vn/api/applications/x?access=secret\"", email.Html);
        Assert.Contains("Kính gửi Nguyễn Thị Hạnh – Công ty TNHH Cơ khí Hòa Khánh,", email.Text);
        Assert.DoesNotContain("\n\n\n", email.Text);
    }

    static void AssertComplete(RenderedEmail email)
    {
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            Assert.DoesNotContain("{{", part);
            Assert.DoesNotContain("}}", part);
        }

        Assert.StartsWith("[NSCL] ", email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.StartsWith("<!DOCTYPE html>", email.Html);
        Assert.Contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ", email.Text);
    }

    static bool IsTextFact(string name) => SampleFacts([name])[name].Contains(Marker, StringComparison.Ordinal);

    /// <summary>A sample raw value for every name, by the naming conventions; text values carry HTML to prove escaping.</summary>
    static Dictionary<string, string> SampleFacts(IEnumerable<string> names)
    {
        var raw = names.Distinct().ToDictionary(n => n, n => n switch
        {
            _ when n.EndsWith("Date", StringComparison.Ordinal) => "2026-03-31",
            _ when n.EndsWith("AmountVnd", StringComparison.Ordinal) => "1234000000",
            _ when n.EndsWith("MillionVnd", StringComparison.Ordinal) => "1234",
            _ when n.EndsWith("Url", StringComparison.Ordinal) || n == NotificationFacts.Link => "/api/sample",
            NotificationFacts.Year => "2025",
            _ => $"Mẫu {n} {Marker}",
        });
        return FactFormatter.FormatAll(raw, PublicBase);
    }
}
