using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The year-end report's signer, addressee and "Nơi nhận" from the settings both hosts read.</summary>
public sealed class YearEndReportLayoutTests
{
    static YearEndReportLayout Resolve(Dictionary<string, string?> settings)
    {
        // Environment variables use "__"; the environment provider turns them into ":" as below.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddNsclReports(configuration).BuildServiceProvider();
        return provider.GetRequiredService<YearEndReportLayout>();
    }

    [Fact]
    public void Settings_DeputySignsWithOwnRecipients_ReplaceTheUsualListRatherThanAppend()
    {
        var layout = Resolve(new()
        {
            ["Nscl:Reports:Layout:SignerName"] = "  Trần Thị Bích Ngọc ",
            ["Nscl:Reports:Layout:SignerTitle"] = "PHÓ GIÁM ĐỐC",
            ["Nscl:Reports:Layout:SignerCapacity"] = "KT. GIÁM ĐỐC",
            ["Nscl:Reports:Layout:Recipients:0"] = "Bộ Khoa học và Công nghệ (để b/c);",
            ["Nscl:Reports:Layout:Recipients:1"] = "Lưu: VT.",
        });

        Assert.Equal(new Signatory("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bích Ngọc"), layout.Signatory);
        Assert.Equal(["Bộ Khoa học và Công nghệ (để b/c);", "Lưu: VT."], layout.Recipients);
        Assert.Equal(YearEndReportLayout.Default.Addressee, layout.Addressee);
    }

    [Fact]
    public void Settings_Unset_KeepTheDepartmentsUsualLayout()
    {
        var layout = Resolve([]);

        Assert.Equal(YearEndReportLayout.Default.Signatory, layout.Signatory);
        Assert.Equal(YearEndReportLayout.Default.Addressee, layout.Addressee);
        Assert.Equal(YearEndReportLayout.Default.Recipients, layout.Recipients);
    }

    [Fact]
    public void Settings_OnlyTheName_KeepsTheDirectorAsSigner()
    {
        var layout = Resolve(new() { ["Nscl:Reports:Layout:SignerName"] = "Lê Văn Hùng", ["Nscl:Reports:Layout:Recipients:0"] = " " });

        Assert.Equal(Signatory.DepartmentDirector("Lê Văn Hùng"), layout.Signatory);
        Assert.Equal(YearEndReportLayout.Default.Recipients, layout.Recipients);
    }
}
