using System.Text;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Tests.Applications;

/// <summary>The form's closed lists (application-form.json): complete, per kind, and checked when read.</summary>
public class ApplicationFormTests
{
    static readonly ApplicationForm Form = ApplicationForm.Shipped;

    [Fact]
    public void Shipped_EveryCatalogueKind_HasItsRequiredDocuments()
    {
        var kinds = EmbeddedCatalogue.Load().Kinds.Select(k => k.Id).Order().ToArray();

        Assert.Equal(kinds, Form.Kinds.Keys.Order().ToArray());
        Assert.All(kinds, id => Assert.NotEmpty(Form.RequiredDocumentsFor(id)));
        Assert.Contains(Form.RequiredDocumentsFor("productivity-tools"), d => d.Name.StartsWith("Giấy chứng nhận đăng ký doanh nghiệp", StringComparison.Ordinal));
        Assert.Contains(Form.RequiredDocumentsFor("productivity-tools"), d => d.Name == "Báo cáo tài chính năm gần nhất");
    }

    [Fact]
    public void Shipped_Sectors_AreTheEightyEightVsicDivisions()
    {
        Assert.Equal(88, Form.Sectors.Count);
        Assert.Equal("Sản xuất, chế biến thực phẩm", Form.FindSector("10")!.Name);
        Assert.Null(Form.FindSector("04"));
    }

    [Fact]
    public void Shipped_RevenueBands_FollowDecree80Thresholds()
    {
        Assert.Equal(
            ["Đến 3 tỷ đồng", "Trên 3 tỷ đến 10 tỷ đồng", "Trên 10 tỷ đến 50 tỷ đồng", "Trên 50 tỷ đến 100 tỷ đồng", "Trên 100 tỷ đến 200 tỷ đồng",
                "Trên 200 tỷ đến 300 tỷ đồng", "Trên 300 tỷ đồng"],
            Form.RevenueBands.Select(b => b.Name));
    }

    [Fact]
    public void Shipped_Districts_IncludeDaNangAndFormerQuangNam()
    {
        Assert.Equal("Quận Hải Châu", Form.FindDistrict("hai-chau")!.Name);
        Assert.Equal("Thành phố Hội An", Form.FindDistrict("hoi-an")!.Name);
        Assert.Contains("01/07/2025", Form.DistrictsNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatedDistrictId_Throws()
    {
        const string json = """
            {"version":"t","districts":{"items":[{"id":"a","name":"A"},{"id":"a","name":"B"}]},"sectors":{"items":[{"code":"01","name":"x"}]},
             "revenueBands":{"items":[{"id":"b","name":"B"}]},"durationMonths":{"min":1,"max":2},"supportKinds":{}}
            """;

        var error = Assert.Throws<InvalidDataException>(() => ApplicationForm.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("districts repeats 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DurationMaxBelowMin_Throws()
    {
        const string json = """
            {"version":"t","districts":{"items":[{"id":"a","name":"A"}]},"sectors":{"items":[{"code":"01","name":"x"}]},
             "revenueBands":{"items":[{"id":"b","name":"B"}]},"durationMonths":{"min":3,"max":2},"supportKinds":{}}
            """;

        Assert.Throws<InvalidDataException>(() => ApplicationForm.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
