using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Targets;

public class IndicatorValueRulesTests
{
    static readonly ProgrammeCatalogue Shipped = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    const string Tfp = "tfp-contribution-2025";
    const string Source = "Cục Thống kê thành phố Đà Nẵng, Báo cáo số 12/BC-CTK ngày 15/01/2026";

    static IndicatorValueInput Input(decimal? value = 46.2m, int? year = 2025, DateOnly? from = null, DateOnly? to = null, string? source = Source, string? note = null) =>
        new(value, year, from, to, source, note);

    static ValidationResult<IndicatorValue> Validate(IndicatorValueInput input, string targetId = Tfp, IReadOnlyList<IndicatorValue>? existing = null, DateTimeOffset? now = null) =>
        IndicatorValueRules.Validate(Shipped, targetId, input, existing ?? [], "oid-1", "Lê Văn Lãnh Đạo", now ?? Now);

    static IReadOnlyList<FieldError> Errors(IndicatorValueInput input, string targetId = Tfp, IReadOnlyList<IndicatorValue>? existing = null) =>
        Validate(input, targetId, existing).Errors;

    static ProgrammeTarget Target(string id) => Shipped.Programme.Targets.Single(t => t.Id == id);

    static IndicatorValue Entry(string targetId, decimal value, IndicatorPeriod period, DateTimeOffset at, string id) =>
        new(id, targetId, value, period, Source, null, "oid-1", "Lê Văn Lãnh Đạo", at);

    [Fact]
    public void Validate_TfpShareForAYearWithItsSource_RecordsWhoWhenAndTheWholeYear()
    {
        var result = Validate(Input(note: "  Số liệu chính thức.  "));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var value = result.Value!;
        Assert.Equal((Tfp, 46.2m, Source, "Số liệu chính thức."), (value.TargetId, value.Value, value.Source, value.Note));
        Assert.Equal(new IndicatorPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), value.Period);
        Assert.Equal("năm 2025", value.Period.Label);
        Assert.Equal(("oid-1", "Lê Văn Lãnh Đạo", Now), (value.RecordedById, value.RecordedByName, value.RecordedAtUtc));
        Assert.StartsWith("20261201030000", value.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DateRange_IsThePeriodAndItsYearIsTheYearItEnds()
    {
        var result = Validate(Input(year: null, from: new DateOnly(2025, 7, 1), to: new DateOnly(2026, 6, 30)));

        Assert.True(result.IsValid);
        Assert.Equal(2026, result.Value!.Period.Year);
        Assert.False(result.Value.Period.IsWholeYear);
        Assert.Equal("từ 01/07/2025 đến 30/06/2026", result.Value.Period.Label);
    }

    [Theory]
    [InlineData("tfp-contribution-2026", "targetId", IndicatorValueRules.UnknownTarget)]
    [InlineData("tfp\u202E-contribution-2025", "targetId", ErrorCodes.InvalidCharacters)]
    public void Validate_TargetNotInTheCatalogue_IsAFieldError(string targetId, string field, string code)
    {
        var error = Assert.Single(Errors(Input(), targetId));

        Assert.Equal((field, code), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(100.01, ErrorCodes.OutOfRange)]
    [InlineData(-100.5, ErrorCodes.OutOfRange)]
    [InlineData(46.255, ErrorCodes.InvalidFormat)]
    public void Validate_PercentageOutOfRangeOrTooPrecise_IsAValueError(double value, string code)
    {
        var error = Assert.Single(Errors(Input(value: (decimal)value)));

        Assert.Equal(("value", code), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(-1, ErrorCodes.OutOfRange)]
    [InlineData(1_000_001, ErrorCodes.OutOfRange)]
    [InlineData(15.5, ErrorCodes.InvalidFormat)]
    public void Validate_CountTargetNegativeHugeOrFractional_IsAValueError(double value, string code)
    {
        var error = Assert.Single(Errors(Input(value: (decimal)value), "experts-certified"));

        Assert.Equal(("value", code), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_NegativeTfpShare_IsAccepted()
    {
        Assert.True(Validate(Input(value: -12.5m)).IsValid, "a share of growth can be negative in a bad year");
    }

    [Theory]
    [InlineData(2021, "year")]
    [InlineData(2031, "year")]
    [InlineData(2027, "year")] // not begun on 01/12/2026
    public void Validate_YearOutsideTheProgrammeOrNotBegun_IsAYearError(int year, string field)
    {
        var error = Assert.Single(Errors(Input(year: year)));

        Assert.Equal((field, ErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Fact]
    public void ProgrammeYears_ShippedCatalogue_RunFromTheFirstBudgetYearToTheLastTargetYear()
    {
        Assert.Equal((2022, 2030), IndicatorValueRules.ProgrammeYears(Shipped));
        Assert.True(Validate(Input(year: 2030), "tfp-contribution-2030", now: new DateTimeOffset(2031, 2, 1, 0, 0, 0, TimeSpan.Zero)).IsValid);
    }

    [Fact]
    public void Validate_RangeBackwardsOrHalfGivenOrBothYearAndRange_AreFieldErrors()
    {
        Assert.Equal("to", Assert.Single(Errors(Input(year: null, from: new DateOnly(2025, 6, 30), to: new DateOnly(2025, 1, 1)))).Field);
        Assert.Equal(("to", ErrorCodes.Required), Assert.Single(Errors(Input(year: null, from: new DateOnly(2025, 1, 1)))) is var e1 ? (e1.Field, e1.Code) : default);
        Assert.Equal(("year", ErrorCodes.Required), Assert.Single(Errors(Input(year: null))) is var e2 ? (e2.Field, e2.Code) : default);
        Assert.Equal("year", Assert.Single(Errors(Input(year: 2025, from: new DateOnly(2025, 1, 1), to: new DateOnly(2025, 6, 30)))).Field);
        Assert.Equal("from", Assert.Single(Errors(Input(year: null, from: new DateOnly(2021, 7, 1), to: new DateOnly(2022, 6, 30)))).Field);
    }

    [Theory]
    [InlineData(null, ErrorCodes.Required)]
    [InlineData("   ", ErrorCodes.Required)]
    [InlineData("CTK", ErrorCodes.TooShort)]
    public void Validate_SourceMissingOrTooShort_IsASourceError(string? source, string code)
    {
        var error = Assert.Single(Errors(Input(source: source)));

        Assert.Equal(("source", code), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("source", "Báo cáo số 12\u202E/BC-CTK")]
    [InlineData("source", "Báo cáo\u200B số 12/BC-CTK")]
    [InlineData("note", "Ghi chú \uFFFF")]
    [InlineData("note", "Ghi chú \u0007")]
    public void Validate_HostileText_IsAnInvalidCharactersError(string field, string text)
    {
        var input = field == "source" ? Input(source: text) : Input(note: text);

        var error = Assert.Single(Errors(input));

        Assert.Equal((field, ErrorCodes.InvalidCharacters), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_LoneSurrogateInTheSource_IsAnInvalidCharactersError()
    {
        var error = Assert.Single(Errors(Input(source: "Báo cáo số 12/BC-CTK \uD800")));

        Assert.Equal(("source", ErrorCodes.InvalidCharacters), (error.Field, error.Code));
    }

    [Fact]
    public void Validate_TooLongTexts_AreFieldErrors()
    {
        var errors = Errors(Input(source: new string('a', IndicatorValueRules.MaxSourceLength + 1), note: new string('b', IndicatorValueRules.MaxNoteLength + 1)));

        Assert.Equal([("source", ErrorCodes.TooLong), ("note", ErrorCodes.TooLong)], errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Validate_SecondValueForTheSamePeriodWithoutANote_AsksWhyItIsCorrected()
    {
        var first = Validate(Input()).Value!;

        var error = Assert.Single(Errors(Input(value: 47.1m), existing: [first]));
        var corrected = Validate(Input(value: 47.1m, note: "Cục Thống kê điều chỉnh số liệu sơ bộ."), existing: [first]);
        var otherYear = Validate(Input(value: 44m, year: 2024), existing: [first]);

        Assert.Equal(("note", ErrorCodes.Required), (error.Field, error.Code));
        Assert.True(corrected.IsValid);
        Assert.True(otherYear.IsValid, "another period is no correction");
    }

    [Fact]
    public void Validate_OfficerNameWithHostileCharacters_IsCleanedNotRefused()
    {
        var result = IndicatorValueRules.Validate(Shipped, Tfp, Input(), [], "oid-1", "Lê\u202E Văn", Now);

        Assert.Equal("Lê Văn", result.Value!.RecordedByName);
    }

    [Fact]
    public void Current_LatestPeriodWins_ThenTheLatestRecordedForThatPeriod()
    {
        var target = Target("tfp-contribution-2030");
        var y2025 = Entry(target.Id, 46.2m, IndicatorPeriod.OfYear(2025), Now.AddDays(-30), "a");
        var y2025Corrected = Entry(target.Id, 46.8m, IndicatorPeriod.OfYear(2025), Now.AddDays(-10), "c");
        var y2024LateBackfill = Entry(target.Id, 44.0m, IndicatorPeriod.OfYear(2024), Now, "d");
        var otherTarget = Entry("experts-certified", 20m, IndicatorPeriod.OfYear(2026), Now, "e");
        IndicatorValue[] values = [y2025, y2025Corrected, y2024LateBackfill, otherTarget];

        Assert.Same(y2025Corrected, IndicatorValueRules.Current(values, target));
        Assert.Same(y2024LateBackfill, IndicatorValueRules.Current(values, target, asOfYear: 2024));
        Assert.Null(IndicatorValueRules.Current(values, target, asOfYear: 2023));
    }

    [Fact]
    public void Current_ValueAfterTheTargetsYear_DoesNotCountForIt()
    {
        var target = Target(Tfp);
        var y2026 = Entry(target.Id, 50m, IndicatorPeriod.OfYear(2026), Now, "b");
        var y2025 = Entry(target.Id, 44m, IndicatorPeriod.OfYear(2025), Now.AddDays(-1), "a");

        Assert.Same(y2025, IndicatorValueRules.Current([y2025, y2026], target, asOfYear: 2026));
    }

    [Fact]
    public void Describe_Percentage_ShowsValuePeriodSourceDateAndWho()
    {
        var value = Validate(Input(value: 46.25m)).Value!;

        Assert.Equal($"46,25% (năm 2025); nguồn: {Source}; nhập ngày 01/12/2026 (Lê Văn Lãnh Đạo)", IndicatorValueRules.Describe(Target(Tfp), value));
        Assert.True(IndicatorValueRules.Reaches(Target(Tfp), 45m));
        Assert.False(IndicatorValueRules.Reaches(Target("tfp-contribution-2030"), 45m));
    }
}
