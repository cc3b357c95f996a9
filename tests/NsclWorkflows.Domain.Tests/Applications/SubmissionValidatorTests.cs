using System.Text;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Applications;

public class SubmissionValidatorTests
{
    readonly SubmissionValidator validator = new(EmbeddedCatalogue.Load());

    [Fact]
    public void Validate_ValidDraft_ReturnsNormalisedSubmission()
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with
        {
            ContactEmail = "Hanh.Nguyen@CoKhiHoaKhanh.VN",
            EnterpriseName = "  Công ty   TNHH\tCơ khí  ",
        });

        Assert.True(result.IsValid);
        Assert.Equal("Hanh.Nguyen@cokhihoakhanh.vn", result.Value!.ContactEmail);
        Assert.Equal("Công ty TNHH Cơ khí", result.Value.EnterpriseName);
        Assert.Equal("02363822000", result.Value.Phone);
    }

    [Fact]
    public void Validate_DecomposedVietnamese_IsStoredAsNfc()
    {
        var decomposed = "Công ty Hòa Khánh".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Công ty Hòa Khánh", decomposed);

        var result = validator.Validate(SubmissionDrafts.Valid() with { EnterpriseName = decomposed });

        Assert.Equal("Công ty Hòa Khánh", result.Value!.EnterpriseName);
        Assert.True(result.Value.EnterpriseName.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("0401234567")]
    [InlineData("0401234567-001")]
    public void Validate_WellFormedEnterpriseCode_IsAccepted(string code)
    {
        Assert.True(validator.Validate(SubmissionDrafts.Valid() with { EnterpriseCode = code }).IsValid);
    }

    [Theory]
    [InlineData("040123456")]
    [InlineData("04012345678")]
    [InlineData("0401234567-01")]
    [InlineData("0401234567001")]
    [InlineData("04O1234567")]
    [InlineData("0401234567-0011")]
    public void Validate_MalformedEnterpriseCode_IsRefusedWithFieldReason(string code)
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with { EnterpriseCode = code });

        var error = Assert.Single(result.Errors);
        Assert.Equal(SubmissionFields.EnterpriseCode, error.Field);
        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
        Assert.Contains("Mã số doanh nghiệp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, ErrorCodes.OutOfRange)]
    [InlineData(-5L, ErrorCodes.OutOfRange)]
    [InlineData(10_000_000_001L, ErrorCodes.OutOfRange)]
    public void Validate_AmountOutOfRange_IsRefused(long amount, string code)
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { RequestedAmountVnd = amount }).Errors);
        Assert.Equal((SubmissionFields.RequestedAmountVnd, code), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_ExpertTrainingAboveTwentyMillion_IsRefusedWithTheKindsMaximum()
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with
        {
            SupportKindId = "expert-training", RequestedAmountVnd = 20_000_001, Nominees = [new NomineeDraft("Lê Văn Cường", "Công ty TNHH Cơ khí Hòa Khánh", "Trưởng phòng")],
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.ExceedsKindMaximum, error.Code);
        Assert.Contains("20.000.000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyDraft_ReportsEveryRequiredField()
    {
        var result = validator.Validate(new SubmissionDraft());

        // Who submits, the nominees, the call and the co-funding are optional: an enterprise by default, nominees only for kinds that nominate, a call only for kinds that are not rolling.
        var required = SubmissionFields.All.Except([SubmissionFields.OrganisationType, SubmissionFields.Nominees, SubmissionFields.CallId, SubmissionFields.CoFunding]);
        Assert.Equal(required.OrderBy(f => f), result.Errors.Select(e => e.Field).OrderBy(f => f));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
    }

    [Theory]
    [InlineData("khong-co-a-cong")]
    [InlineData("a@b")]
    [InlineData("hanh nguyen@congty.vn")]
    [InlineData("hanh@@congty.vn")]
    public void Validate_BadEmail_IsRefused(string email)
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { ContactEmail = email }).Errors);
        Assert.Equal((SubmissionFields.ContactEmail, ErrorCodes.InvalidFormat), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+1 202 555 0100")]
    [InlineData("09a1234567")]
    public void Validate_BadPhone_IsRefused(string phone)
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { Phone = phone }).Errors);
        Assert.Equal(SubmissionFields.Phone, error.Field);
    }

    [Fact]
    public void Validate_UnknownSupportKind_IsRefused()
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { SupportKindId = "free-money" }).Errors);
        Assert.Equal((SubmissionFields.SupportKindId, ErrorCodes.UnknownSupportKind), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_ControlCharacterInName_IsRefused()
    {
        var error = Assert.Single(validator.Validate(SubmissionDrafts.Valid() with { EnterpriseName = "Công ty\u0007 A" }).Errors);
        Assert.Equal(SubmissionFields.EnterpriseName, error.Field);
    }
}
