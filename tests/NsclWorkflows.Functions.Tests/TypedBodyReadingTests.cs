using System.Text.Json;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// The bodies of activities and report runs are read as actions and submissions are: strictly into their records
/// (<see cref="TypedJsonBody"/>), then their FluentValidation field rules; every unknown field and wrong type is named,
/// and the rules of the other fields still answer.
/// </summary>
public class TypedBodyReadingTests
{
    static readonly DateOnly Today = new(2026, 12, 2);

    static (T? Body, (string Field, string Code)[] Errors) Read<T>(string json, FluentValidation.IValidator<T>? rules)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        var (body, errors) = TypedJsonBody.Read(document.RootElement, rules);
        return (body, [.. errors.Select(e => (e.Field, e.Code))]);
    }

    [Fact]
    public void ActivityPlan_UnknownFieldAndBadDate_EachNamedBesideTheOtherFieldsRules()
    {
        var (body, errors) = Read("""{"title":"Lớp đào tạo","colour":"đỏ","plannedStart":"2026-13-01","year":2019}""", ActivityBodyRules.Plan);

        Assert.Null(body);
        Assert.Contains(("colour", ErrorCodes.UnknownField), errors);
        Assert.Contains(("plannedStart", ErrorCodes.InvalidFormat), errors);
        Assert.Contains(("year", ErrorCodes.OutOfRange), errors);
        Assert.Contains(("estimatedCostVnd", ErrorCodes.Required), errors);
        Assert.DoesNotContain(errors, e => e.Field == "plannedStart" && e.Code == ErrorCodes.Required); // refused as malformed, not also missing
    }

    [Fact]
    public void ActivityPlan_Valid_IsReadWithItsDatesAndAmounts()
    {
        var (body, errors) = Read("""
            {"title":"Lớp đào tạo Lean","lineId":"I.3","year":2026,"estimatedCostVnd":40000000,"plannedStart":"2026-03-01","plannedEnd":"2026-03-02"}
            """, ActivityBodyRules.Plan);

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2026, 3, 2), body!.PlannedEnd);
        Assert.Equal(40_000_000, body.EstimatedCostVnd);
    }

    [Fact]
    public void ActivityOutput_KindNotInTheList_IsInvalidFormat_AndAStringQuantityIsAWrongType()
    {
        var (body, errors) = Read("""{"kind":"pizzas","quantity":"3"}""", ActivityBodyRules.OutputBody);

        Assert.Null(body);
        Assert.Equal([("quantity", ErrorCodes.WrongType), ("kind", ErrorCodes.InvalidFormat)], errors);
    }

    [Fact]
    public void LeadUnitInput_AFigureWithoutAValue_IsNamedByItsPlace_AndTheSenderIsRequired()
    {
        var (body, errors) = Read("""{"figures":[{"label":"Doanh nghiệp","value":12,"unit":"DN"},{"label":"Lớp"}]}""", ReportRunBodyRules.LeadUnitInput);

        Assert.Null(body);
        Assert.Equal([("figures[1]", ErrorCodes.WrongType), ("submittedBy", ErrorCodes.Required)], errors);
    }

    [Fact]
    public void LeadUnitInput_AFigureThatIsNoObject_IsNamedByItsPlaceWithTheShapeItShouldHave()
    {
        using var document = JsonDocument.Parse("""{"submittedBy":"Trần Bình","figures":[{"label":"Lớp","value":1},"7"]}""");
        var (_, errors) = TypedJsonBody.Read(document.RootElement, ReportRunBodyRules.LeadUnitInput);

        var error = Assert.Single(errors);
        Assert.Equal(("figures[1]", ErrorCodes.WrongType, ReportRunBodyRules.FigureShape), (error.Field, error.Code, error.Message));
    }

    [Fact]
    public void OpenReportRun_UnknownUnitAndMissingFields_AllReportedTogether()
    {
        var (_, errors) = Read("""{"kind":"sixMonthly","leadUnits":["sct","moon"],"dueDate":"2026-01-01"}""",
            ReportRunBodyRules.Open(Today, ["sct", "snn"]));

        Assert.Contains(("leadUnits", "unknown_unit"), errors);
        Assert.Contains(("periodFrom", ErrorCodes.Required), errors);
        Assert.Contains(("addressee", ErrorCodes.Required), errors);
        Assert.Contains(("dueDate", "due_in_past"), errors);
    }

    [Fact]
    public void ReportRunDecision_ApproveAsText_IsAWrongTypeOnly()
    {
        var (_, errors) = Read("""{"approve":"yes"}""", ReportRunBodyRules.Decision);

        Assert.Equal([("approve", ErrorCodes.WrongType)], errors);
    }
}
