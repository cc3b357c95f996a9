using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Applications;

/// <summary>A task's co-funding from other programmes and sources (lồng ghép) on the form, and an order's particulars corrected by its enterprise.</summary>
public class CoFundingTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    readonly SubmissionValidator validator = new(Catalogue);

    [Fact]
    public void Validate_CoFundingFromTheListAndAnother_RecordedWithTheListsNameTheGivenNameAndTheTotalCost()
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with
        {
            CoFunding = [new CoFundingDraft("khuyen-cong", null, 50_000_000), new CoFundingDraft(" khac ", "  Quỹ   đổi mới công nghệ quốc gia ", 30_000_000)],
        });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var submission = result.Value!;
        Assert.Equal([new CoFundingSource("khuyen-cong", "Chương trình khuyến công thành phố Đà Nẵng", 50_000_000),
            new CoFundingSource("khac", "Quỹ đổi mới công nghệ quốc gia", 30_000_000)], submission.CoFunding);
        Assert.Equal(80_000_000, submission.CoFundingVnd);
        Assert.Equal(150_000_000 + 100_000_000 + 80_000_000, submission.TotalCostVnd(submission.RequestedAmountVnd));
        Assert.Null(validator.Validate(SubmissionDrafts.Valid()).Value!.CoFunding); // optional
    }

    public static TheoryData<CoFundingDraft?[], string, string> Refused() => new()
    {
        { [new CoFundingDraft("quy-ngoai-danh-muc", null, 1_000_000)], "coFunding[0].sourceId", ErrorCodes.NotInList },
        { [new CoFundingDraft(null, null, 1_000_000)], "coFunding[0].sourceId", ErrorCodes.Required },
        { [new CoFundingDraft("khac", null, 1_000_000)], "coFunding[0].otherName", ErrorCodes.Required },
        { [new CoFundingDraft("khac", "Quỹ <script>alert(1)</script>\u202E", 1_000_000)], "coFunding[0].otherName", ErrorCodes.InvalidCharacters },
        { [new CoFundingDraft("khac", new string('a', 301), 1_000_000)], "coFunding[0].otherName", ErrorCodes.TooLong },
        { [new CoFundingDraft("khuyen-cong", "Tên thừa", 1_000_000)], "coFunding[0].otherName", ErrorCodes.OutOfRange },
        { [new CoFundingDraft("khuyen-cong", null, 0)], "coFunding[0].amountVnd", ErrorCodes.OutOfRange },
        { [new CoFundingDraft("khuyen-cong", null, null)], "coFunding[0].amountVnd", ErrorCodes.Required },
        { [new CoFundingDraft("khuyen-cong", null, 10_000_000_001)], "coFunding[0].amountVnd", ErrorCodes.OutOfRange },
        { [new CoFundingDraft("khuyen-cong", null, 1), new CoFundingDraft("khuyen-cong", null, 2)], "coFunding[1].sourceId", ErrorCodes.OutOfRange },
        { [null], "coFunding[0]", ErrorCodes.Required },
        { [.. Enumerable.Range(0, CoFundingRules.MaxSources + 1).Select(i => (CoFundingDraft?)new CoFundingDraft("khac", $"Nguồn {i}", 1))], "coFunding", ErrorCodes.TooLong },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Validate_CoFundingRefused_OneFieldErrorWithItsPathAndCode(CoFundingDraft?[] coFunding, string field, string code)
    {
        var result = validator.Validate(SubmissionDrafts.Valid() with { CoFunding = coFunding });

        var error = Assert.Single(result.Errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void ShippedForm_CoFundingSources_EndWithKhacAndAreUnique()
    {
        var sources = ApplicationForm.Shipped.CoFundingSources;

        Assert.True(sources.Count >= 3);
        Assert.Equal(CoFundingRules.Other, sources[^1].Id);
        Assert.Equal(sources.Count, sources.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void ApplyTo_EnterpriseCorrectsItsParticulars_NormalisedLikeASubmissionWithEachChangeNamed()
    {
        var current = validator.Validate(SubmissionDrafts.Valid()).Value! with { Selection = Selections.Order };

        var (corrected, changes, errors) = new ParticularsCorrection
        {
            ContactName = "  Lê   Thị Thu ", ContactEmail = "Thu.Le@CoKhiHoaKhanh.VN", Phone = "0905 123 456", DistrictId = "hai-chau",
            OwnContributionVnd = 120_000_000, CoFunding = [new CoFundingDraft("khuyen-cong", null, 40_000_000)],
        }.ApplyTo(current, Catalogue);

        Assert.Empty(errors);
        Assert.Equal(("Lê Thị Thu", "Thu.Le@cokhihoakhanh.vn", "0905123456", "hai-chau", 120_000_000L),
            (corrected!.ContactName, corrected.ContactEmail, corrected.Phone, corrected.DistrictId, corrected.OwnContributionVnd!.Value));
        Assert.Equal(40_000_000, corrected.CoFundingVnd);
        // What the officer fixed stays.
        Assert.Equal((current.Title, current.Summary, current.RequestedAmountVnd, current.SupportKindId, current.Selection),
            (corrected.Title, corrected.Summary, corrected.RequestedAmountVnd, corrected.SupportKindId, corrected.Selection));
        Assert.Contains("Người liên hệ: Nguyễn Thị Hạnh → Lê Thị Thu", changes);
        Assert.Contains("Kinh phí đối ứng của doanh nghiệp: 100.000.000 đồng → 120.000.000 đồng", changes);
        Assert.Contains(changes, c => c.StartsWith("Địa bàn (quận, huyện): Quận Liên Chiểu → ", StringComparison.Ordinal));
        Assert.Contains("Kinh phí lồng ghép từ chương trình, nguồn khác: (không có) → Chương trình khuyến công thành phố Đà Nẵng: 40.000.000 đồng", changes);
        Assert.Equal(5 + 1, changes.Count); // contact name, e-mail, phone, district, own contribution, co-funding
    }

    [Fact]
    public void ApplyTo_CorrectionBreakingTheSubmissionsRules_TheSubmissionsFieldErrors()
    {
        var current = validator.Validate(SubmissionDrafts.Valid()).Value!;

        var (corrected, _, errors) = new ParticularsCorrection { ContactEmail = "không-phải-email", SectorCode = "00", Employees = -1 }.ApplyTo(current, Catalogue);

        Assert.Null(corrected);
        Assert.Equal([(SubmissionFields.ContactEmail, ErrorCodes.InvalidFormat), (SubmissionFields.SectorCode, ErrorCodes.NotInList), (SubmissionFields.Employees, ErrorCodes.OutOfRange)],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void ValidateApprove_CoFundingCorrectedWrongly_FieldErrorsUnderCoFunding()
    {
        var application = new Application("eeeeeeeeeeeeeeeeeeeeeeeeee", "NSCL-2026-COFUND", validator.Validate(SubmissionDrafts.Valid()).Value!, Catalogue.Version,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(5));
        var body = new NsclWorkflows.Domain.Lifecycle.Actions.Approve.Body(100_000_000, null, null, [new CoFundingDraft("khuyen-cong", null, 1), new CoFundingDraft("khac", null, 2)]);
        var request = body.Into(new NsclWorkflows.Domain.Lifecycle.ActionRequest(NsclWorkflows.Domain.Lifecycle.LifecycleAction.Approve, "Lãnh đạo", "Leader"));

        var errors = NsclWorkflows.Domain.Lifecycle.Actions.ActionCatalog.Of(NsclWorkflows.Domain.Lifecycle.LifecycleAction.Approve).Validate(request, application, Catalogue, DateTimeOffset.UnixEpoch);
        var fine = NsclWorkflows.Domain.Lifecycle.Actions.ActionCatalog.Of(NsclWorkflows.Domain.Lifecycle.LifecycleAction.Approve).Validate(
            new NsclWorkflows.Domain.Lifecycle.Actions.Approve.Body(100_000_000, null, null, []).Into(new NsclWorkflows.Domain.Lifecycle.ActionRequest(NsclWorkflows.Domain.Lifecycle.LifecycleAction.Approve, "Lãnh đạo", "Leader")),
            application, Catalogue, DateTimeOffset.UnixEpoch);

        Assert.Equal(("coFunding[1].otherName", ErrorCodes.Required), (Assert.Single(errors).Field, errors[0].Code));
        Assert.Empty(fine); // [] removes the co-funding
    }

    [Fact]
    public void EnterpriseFields_AreTheCorrectionsPropertiesAndNoneTheOfficerFixed()
    {
        var properties = typeof(ParticularsCorrection).GetProperties().Where(p => p.Name != nameof(ParticularsCorrection.IsEmpty))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();

        Assert.Equal(properties.Order(StringComparer.Ordinal), ParticularsCorrection.EnterpriseFields.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(SubmissionFields.Title, ParticularsCorrection.EnterpriseFields);
        Assert.DoesNotContain(SubmissionFields.RequestedAmountVnd, ParticularsCorrection.EnterpriseFields);
        Assert.DoesNotContain(SubmissionFields.SupportKindId, ParticularsCorrection.EnterpriseFields);
    }
}
