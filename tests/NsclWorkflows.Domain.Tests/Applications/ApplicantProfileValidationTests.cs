using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Domain.Tests.Applications;

/// <summary>The fields the council and the decision need: legal representative, head office, district, sector, size, own contribution, duration.</summary>
public class ApplicantProfileValidationTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    readonly SubmissionValidator validator = new(Catalogue);

    static SubmissionDraft PublicBody() => SubmissionDrafts.Valid() with
    {
        SupportKindId = "expert-training",
        OrganisationType = OrganisationTypes.PublicBody,
        EnterpriseCode = null,
        EnterpriseName = "Sở Xây dựng thành phố Đà Nẵng",
        RequestedAmountVnd = 20_000_000,
        Nominees = [new NomineeDraft("Lê Văn Cường", "Sở Xây dựng", "Chuyên viên")],
        SectorCode = null,
        Employees = null,
        RevenueBandId = null,
        DurationMonths = 6,
    };

    FieldError SingleError(SubmissionDraft draft)
    {
        var result = validator.Validate(draft);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Validate_AllProfileFields_AreKeptNormalised()
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with { LegalRepresentativeName = "  Trần   Văn Minh ", SectorCode = " 25 " });

        Assert.True(result.IsValid);
        var s = result.Value!;
        Assert.Equal("Trần Văn Minh", s.LegalRepresentativeName);
        Assert.Equal("Giám đốc", s.LegalRepresentativePosition);
        Assert.Equal("lien-chieu", s.DistrictId);
        Assert.Equal("25", s.SectorCode);
        Assert.Equal(45, s.Employees);
        Assert.Equal("tren-10-den-50-ty", s.RevenueBandId);
        Assert.Equal(100_000_000, s.OwnContributionVnd);
        Assert.Equal(12, s.DurationMonths);
        Assert.Equal("Nguyễn Thị Hạnh", s.ContactName);
    }

    [Theory]
    [InlineData(F.LegalRepresentativeName)]
    [InlineData(F.LegalRepresentativePosition)]
    [InlineData(F.Address)]
    [InlineData(F.DistrictId)]
    [InlineData(F.SectorCode)]
    [InlineData(F.Employees)]
    [InlineData(F.RevenueBandId)]
    [InlineData(F.OwnContributionVnd)]
    [InlineData(F.DurationMonths)]
    public void Validate_ProfileFieldMissing_IsRequiredWithVietnameseMessage(string field)
    {
        var draft = field switch
        {
            F.LegalRepresentativeName => SubmissionDrafts.Valid() with { LegalRepresentativeName = null },
            F.LegalRepresentativePosition => SubmissionDrafts.Valid() with { LegalRepresentativePosition = " " },
            F.Address => SubmissionDrafts.Valid() with { Address = null },
            F.DistrictId => SubmissionDrafts.Valid() with { DistrictId = null },
            F.SectorCode => SubmissionDrafts.Valid() with { SectorCode = null },
            F.Employees => SubmissionDrafts.Valid() with { Employees = null },
            F.RevenueBandId => SubmissionDrafts.Valid() with { RevenueBandId = "" },
            F.OwnContributionVnd => SubmissionDrafts.Valid() with { OwnContributionVnd = null },
            _ => SubmissionDrafts.Valid() with { DurationMonths = null },
        };

        var error = SingleError(draft);

        Assert.Equal(field, error.Field);
        Assert.Equal(ErrorCodes.Required, error.Code);
        // A closed list is chosen, not typed: "Vui lòng chọn ngành kinh tế chính (VSIC cấp 2)." keeps the acronym.
        Assert.StartsWith(field is F.DistrictId or F.SectorCode or F.RevenueBandId ? "Vui lòng chọn" : "Vui lòng nhập", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("vsic", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(F.DistrictId, "quan-9")]
    [InlineData(F.SectorCode, "00")]
    [InlineData(F.SectorCode, "251")]
    [InlineData(F.SectorCode, "04")]
    [InlineData(F.RevenueBandId, "duoi-1-ty")]
    public void Validate_ValueOutsideClosedList_IsNotInList(string field, string value)
    {
        var draft = field switch
        {
            F.DistrictId => SubmissionDrafts.Valid() with { DistrictId = value },
            F.SectorCode => SubmissionDrafts.Valid() with { SectorCode = value },
            _ => SubmissionDrafts.Valid() with { RevenueBandId = value },
        };

        var error = SingleError(draft);

        Assert.Equal((field, ErrorCodes.NotInList), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SubmissionValidator.MaxEmployees + 1)]
    public void Validate_EmployeesOutOfRange_IsOutOfRange(int employees)
    {
        var error = SingleError(SubmissionDrafts.Valid() with { Employees = employees });

        Assert.Equal((F.Employees, ErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_NegativeOwnContribution_IsOutOfRange()
    {
        var error = SingleError(SubmissionDrafts.Valid() with { OwnContributionVnd = -1 });

        Assert.Equal((F.OwnContributionVnd, ErrorCodes.OutOfRange), (error.Field, error.Code));
        Assert.Contains("không được âm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroOwnContribution_IsAccepted()
    {
        Assert.True(validator.Validate(SubmissionDrafts.Valid() with { OwnContributionVnd = 0 }).IsValid);
    }

    [Theory]
    [InlineData("productivity-tools", 0, false)]
    [InlineData("productivity-tools", 1, true)]
    [InlineData("productivity-tools", 24, true)]
    [InlineData("productivity-tools", 25, false)]
    [InlineData("pilot-model", 5, false)]
    [InlineData("pilot-model", 6, true)]
    [InlineData("expert-training", 13, false)]
    public void Validate_Duration_FollowsTheKindsBounds(string kind, int months, bool valid)
    {
        var draft = kind == "expert-training" ? PublicBody() with { DurationMonths = months } : SubmissionDrafts.Valid() with { SupportKindId = kind, DurationMonths = months };

        var result = validator.Validate(draft);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal((F.DurationMonths, ErrorCodes.OutOfRange), (error.Field, error.Code));
            var range = ApplicationForm.Shipped.DurationFor(kind);
            Assert.Contains($"từ {range.Min} đến {range.Max} tháng", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_PublicBodyWithoutSectorOrSize_IsAccepted()
    {
        var result = validator.Validate(PublicBody());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Field)));
        Assert.Null(result.Value!.SectorCode);
        Assert.Null(result.Value.Employees);
    }

    [Fact]
    public void Validate_PublicBodyWithoutLegalRepresentative_IsRefused()
    {
        var error = SingleError(PublicBody() with { LegalRepresentativeName = null });

        Assert.Equal((F.LegalRepresentativeName, ErrorCodes.Required), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(F.LegalRepresentativeName)]
    [InlineData(F.LegalRepresentativePosition)]
    [InlineData(F.Address)]
    public void Validate_HostileTextInProfile_IsInvalidCharacters(string field)
    {
        const string hostile = "Trần Văn\u202E Minh";
        var draft = field switch
        {
            F.LegalRepresentativeName => SubmissionDrafts.Valid() with { LegalRepresentativeName = hostile },
            F.LegalRepresentativePosition => SubmissionDrafts.Valid() with { LegalRepresentativePosition = hostile },
            _ => SubmissionDrafts.Valid() with { Address = hostile + " phường Hòa Khánh" },
        };

        var error = SingleError(draft);

        Assert.Equal((field, ErrorCodes.InvalidCharacters), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_AddressTooShort_IsTooShort()
    {
        var error = SingleError(SubmissionDrafts.Valid() with { Address = "Lô 1" });

        Assert.Equal((F.Address, ErrorCodes.TooShort), (error.Field, error.Code));
    }
}
