using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Domain.Tests.Reports;

/// <summary>A report's "Nơi nhận" starts "Như trên;" and never names its addressee ("Kính gửi") again.</summary>
public sealed class ReportRecipientsTests
{
    [Fact]
    public void RecipientsFor_UsualListToTheCity_StartsNhưTrênAndEndsWithTheFilingLine()
    {
        var lines = YearEndReportLayout.Default.RecipientsFor("Ủy ban nhân dân thành phố Đà Nẵng");

        Assert.Equal(["Như trên;", "Bộ Khoa học và Công nghệ (để b/c);", "Sở Tài chính;", "Lãnh đạo Sở;", "Lưu: VT, QLKH."], lines);
    }

    [Fact]
    public void RecipientsFor_RunAddressedToTheMinistry_DropsTheMinistrysOwnLine()
    {
        var lines = YearEndReportLayout.Default.RecipientsFor("Bộ Khoa học và Công nghệ");

        Assert.Equal(["Như trên;", "Sở Tài chính;", "Lãnh đạo Sở;", "Lưu: VT, QLKH."], lines);
    }

    [Fact]
    public void RecipientsFor_SettingsWrittenBeforeTheRule_DropTheAbbreviatedAddresseeAndKeepOneNhưTrên()
    {
        var layout = YearEndReportLayout.Default with { Recipients = ["UBND thành phố (để b/c);", "Như trên;", "Sở Tài chính;", "Lưu: VT, QLKH."] };

        Assert.Equal(["Như trên;", "Sở Tài chính;", "Lưu: VT, QLKH."], layout.RecipientsFor("Ủy ban nhân dân thành phố Đà Nẵng"));
    }
}
