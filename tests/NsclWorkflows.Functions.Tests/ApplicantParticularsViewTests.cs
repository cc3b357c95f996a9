using NsclWorkflows.Api.Applications;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Attachments;

namespace NsclWorkflows.Functions.Tests;

/// <summary>What the pages show of the form's particulars and required documents, for new files and for files submitted before.</summary>
public class ApplicantParticularsViewTests
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    static ApplicationSubmission Old() => new("0401234567", "Công ty A", "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
        "Áp dụng 5S", "Triển khai 5S tại xưởng sản xuất chính của công ty.", 100_000_000);

    static ApplicationSubmission New() => Old() with
    {
        LegalRepresentativeName = "Trần Văn Minh", LegalRepresentativePosition = "Giám đốc", Address = "15 Bạch Đằng, phường Hải Châu", DistrictId = "hai-chau",
        SectorCode = "10", Employees = 12, RevenueBandId = "den-3-ty", OwnContributionVnd = 0, DurationMonths = 9,
    };

    static Application ApplicationOf(ApplicationSubmission s) => new("aaaaaaaaaaaaaaaaaaaaaaaaaa", "NSCL-2026-ABC123", s, "test", At, At.AddDays(7));

    static StoredAttachment File(string name, string? kind) => new(name, "application/pdf", 10, At, "enterprise") { DocumentKind = kind };

    [Fact]
    public void Profile_SubmittedBeforeTheFormAsked_IsNull()
    {
        Assert.Null(ApplicantProfileView.From(Old(), ApplicationForm.Shipped));
    }

    [Fact]
    public void Profile_NewSubmission_NamesTheListsEntries()
    {
        var profile = ApplicantProfileView.From(New(), ApplicationForm.Shipped)!;

        Assert.Equal("Quận Hải Châu", profile.DistrictName);
        Assert.Equal("Sản xuất, chế biến thực phẩm", profile.SectorName);
        Assert.Equal("Đến 3 tỷ đồng", profile.RevenueBandName);
        Assert.Equal(0, profile.OwnContributionVnd);
    }

    [Fact]
    public void RequiredDocuments_SubmittedBeforeTheFormAsked_AreNotListed()
    {
        Assert.Empty(RequiredDocumentView.Of(ApplicationOf(Old()), [File("a.pdf", null)]));
    }

    [Fact]
    public void RequiredDocuments_OneUploadedAsItsKind_IsAttachedAndTheOthersMissing()
    {
        var documents = RequiredDocumentView.Of(ApplicationOf(New()), [File("dkdn.pdf", "dang-ky-doanh-nghiep"), File("khac.pdf", null)]);

        Assert.Equal(ApplicationForm.Shipped.RequiredDocumentsFor("productivity-tools").Select(d => d.Id), documents.Select(d => d.Id));
        var attached = Assert.Single(documents, d => d.Attached);
        Assert.Equal(("dang-ky-doanh-nghiep", "dkdn.pdf"), (attached.Id, Assert.Single(attached.Files)));
        Assert.All(documents.Where(d => d.Id != "dang-ky-doanh-nghiep"), d => Assert.Empty(d.Files));
    }
}
