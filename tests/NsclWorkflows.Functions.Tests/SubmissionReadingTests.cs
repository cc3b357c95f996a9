using System.Text.Json;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// A submission is read strictly into <see cref="SubmissionDraft"/> and checked by <see cref="SubmissionValidator"/>'s
/// rules: every type error and unknown field is named once, and the rules of the other fields still answer.
/// </summary>
public class SubmissionReadingTests
{
    static readonly SubmissionValidator Validator = new(EmbeddedCatalogue.Load());

    static (string Field, string Code)[] Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var (draft, typeErrors, refused) = SubmissionJsonReader.Read(document.RootElement);
        return [.. typeErrors.Concat(Validator.Validate(draft).Errors.Besides(refused)).Select(e => (e.Field, e.Code))];
    }

    const string Expert = """
        "enterpriseName":"Sở Xây dựng thành phố Đà Nẵng","contactName":"Nguyễn Thị Hạnh","contactEmail":"hanh@danang.gov.vn",
        "phone":"0236 3822 000","supportKindId":"expert-training","organisationType":"public-body","title":"Đào tạo chuyên gia năng suất",
        "summary":"Cử hai cán bộ tham gia khóa đào tạo chuyên gia năng suất của Chương trình.",
        "legalRepresentativeName":"Lê Văn Sở","legalRepresentativePosition":"Giám đốc Sở","address":"24 Trần Phú, phường Hải Châu",
        "districtId":"hai-chau","ownContributionVnd":0,"durationMonths":6
        """;

    /// <summary>The expert-training submission with <paramref name="rest"/>'s fields.</summary>
    static string Body(string rest) => "{" + Expert + "," + rest + "}";

    [Fact]
    public void Read_UnknownFieldOfANominee_IsNamedAndTheCapStillCountsTheNominees()
    {
        var errors = Errors(Body("""
            "requestedAmountVnd":40000000,
            "nominees":[{"name":"Lê Văn Cường","organisation":"Sở Xây dựng","role":"x"},{"name":"Phan Thị Dung","organisation":"Sở Xây dựng"}]
            """));

        Assert.Equal([("nominees[0].role", ErrorCodes.UnknownField)], errors);
    }

    [Fact]
    public void Read_WrongTypesAndMissingFields_AreEachNamedOnce()
    {
        var errors = Errors(Body("""
            "requestedAmountVnd":"40000000","enterpriseCode":401234567,"nominees":[{"name":"Lê Văn Cường","organisation":"Sở Xây dựng"}],"extra":1
            """));

        Assert.Equal(
            [("enterpriseCode", ErrorCodes.WrongType), ("extra", ErrorCodes.UnknownField), ("requestedAmountVnd", ErrorCodes.WrongType)],
            errors.OrderBy(e => e.Field));
    }

    [Theory]
    [InlineData("1.5", ErrorCodes.WrongType)]
    [InlineData("1e300", ErrorCodes.OutOfRange)]
    [InlineData("-99999999999999999999", ErrorCodes.OutOfRange)]
    [InlineData("20000001", ErrorCodes.ExceedsKindMaximum)]
    public void Read_AmountsNoFieldHoldsOrAboveTheCap_AreFieldErrors(string amount, string code)
    {
        var errors = Errors(Body($"\"requestedAmountVnd\":{amount}," + """
            "nominees":[{"name":"Lê Văn Cường","organisation":"Sở Xây dựng"}]
            """));

        Assert.Equal([("requestedAmountVnd", code)], errors);
    }
}
