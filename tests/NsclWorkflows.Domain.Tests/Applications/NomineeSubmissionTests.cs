using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Applications;

/// <summary>Expert training (I.2) nominates persons; a public body may nominate without a mã số doanh nghiệp; the cap is per person.</summary>
public class NomineeSubmissionTests
{
    readonly SubmissionValidator validator = new(EmbeddedCatalogue.Load());

    static SubmissionDraft Experts(params NomineeDraft[] nominees) => SubmissionDrafts.Valid() with
    {
        SupportKindId = "expert-training",
        RequestedAmountVnd = 20_000_000L * Math.Max(1, nominees.Length),
        Nominees = nominees,
    };

    static NomineeDraft Person(int i, string organisation = "Sở Khoa học và Công nghệ thành phố Đà Nẵng") => new($"Nguyễn Văn {(char)('A' + i)}", organisation, "Chuyên viên");

    [Fact]
    public void Validate_PublicBodyNominatingCivilServants_NeedsNoEnterpriseCode()
    {
        var result = validator.Validate(Experts(Person(0), Person(1)) with
        {
            OrganisationType = OrganisationTypes.PublicBody, EnterpriseCode = null, EnterpriseName = "Sở Khoa học và Công nghệ thành phố Đà Nẵng",
        });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal((string.Empty, true, 2), (result.Value!.EnterpriseCode, result.Value.IsPublicBody, result.Value.Nominees!.Count));
        Assert.Equal(new Nominee("Nguyễn Văn A", "Sở Khoa học và Công nghệ thành phố Đà Nẵng", "Chuyên viên"), result.Value.Nominees[0]);
    }

    [Fact]
    public void Validate_EnterpriseWithoutCode_IsStillRefused()
    {
        var error = Assert.Single(validator.Validate(Experts(Person(0)) with { EnterpriseCode = null }).Errors);

        Assert.Equal((SubmissionFields.EnterpriseCode, ErrorCodes.Required), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_PublicBodyAskingEnterpriseSupport_IsRefusedOnOrganisationType()
    {
        var errors = validator.Validate(SubmissionDrafts.Valid() with { OrganisationType = OrganisationTypes.PublicBody, EnterpriseCode = null }).Errors;

        Assert.Equal(
            [(SubmissionFields.EnterpriseCode, ErrorCodes.Required), (SubmissionFields.OrganisationType, ErrorCodes.OutOfRange)],
            errors.Select(e => (e.Field, e.Code)).OrderBy(e => e.Field));
    }

    [Fact]
    public void Validate_UnknownOrganisationType_IsRefused()
    {
        var error = Assert.Single(validator.Validate(Experts(Person(0)) with { OrganisationType = "ngo" }).Errors);

        Assert.Equal((SubmissionFields.OrganisationType, ErrorCodes.InvalidFormat), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_ExpertTrainingWithoutNominees_IsRefusedOnNominees()
    {
        var error = Assert.Single(validator.Validate(Experts()).Errors);

        Assert.Equal((SubmissionFields.Nominees, ErrorCodes.Required), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_NomineesForEnterpriseSupport_AreRefused()
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { Nominees = [Person(0)] }).Errors);

        Assert.Equal((SubmissionFields.Nominees, ErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_NomineeWithoutOrganisationAndHostileName_ReportsEachField()
    {
        var result = validator.Validate(Experts(Person(0), new NomineeDraft("Trần\u202EThị B", null, null)));

        Assert.Equal(
            [("nominees[1].name", ErrorCodes.InvalidCharacters), ("nominees[1].organisation", ErrorCodes.Required)],
            result.Errors.Select(e => (e.Field, e.Code)).OrderBy(e => e.Field));
    }

    [Fact]
    public void Validate_ExpertCap_IsTwentyMillionPerNominee()
    {
        var three = Experts(Person(0), Person(1), Person(2));

        Assert.True(validator.Validate(three with { RequestedAmountVnd = 60_000_000 }).IsValid);
        var error = Assert.Single(validator.Validate(three with { RequestedAmountVnd = 60_000_001 }).Errors);
        Assert.Equal((SubmissionFields.RequestedAmountVnd, ErrorCodes.ExceedsKindMaximum), (error.Field, error.Code));
        Assert.Contains("60.000.000 đồng (20.000.000 đồng/người × 3 người)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IntegratedKind_HasNoCapOfThisPlan()
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with { SupportKindId = "e-commerce", RequestedAmountVnd = 900_000_000 });

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_IvOneKindAboveTheDepartmentDefaultCap_IsRefused()
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { RequestedAmountVnd = 500_000_001 }).Errors);

        Assert.Equal((SubmissionFields.RequestedAmountVnd, ErrorCodes.ExceedsKindMaximum), (error.Field, error.Code));
    }
}
