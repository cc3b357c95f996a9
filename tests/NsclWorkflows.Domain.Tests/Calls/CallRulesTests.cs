using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Calls;

public class CallRulesTests
{
    internal static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    internal static readonly IWorkingDayCalendar Calendar = VietnamStatutoryCalendar.FromEmbeddedData();

    /// <summary>Monday 2 March 2026, 09:00 in Đà Nẵng.</summary>
    internal static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    static readonly CallOfficer Leader = new("oid-leader", "Lê Văn Lãnh Đạo");

    /// <summary>Open 2–13 March 2026: ten working days, the catalogue's minimum.</summary>
    internal static CallOpenRequest Request() => new("Đợt tuyển chọn nhiệm vụ KH&CN về NSCL năm 2026", ["science-technology-task"], 2026, 500_000_000,
        new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 13), null, null);

    internal static Call Opened(CallOpenRequest? request = null) =>
        CallRules.Open("dot-aaaaaaaaaaaaaaaaaaaaaaaaaa", request ?? Request(), Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now).Call!;

    [Fact]
    public void Load_ShippedCatalogue_OnlyTheSciencAndTechnologyTaskIsCallOnlyAndThePolicyIsTheDepartmentsDefault()
    {
        Assert.Equal(["science-technology-task"], Catalogue.Kinds.Where(k => !k.Rolling).Select(k => k.Id));
        Assert.Equal((10, 20, 5, CapSource.DepartmentDefault),
            (Catalogue.CallPolicy.MinimumOpenWorkingDays, Catalogue.CallPolicy.FinalisationWorkingDays, Catalogue.CallPolicy.EscalationWorkingDays, Catalogue.CallPolicy.Source));
    }

    [Fact]
    public void Open_ValidRequest_ReservesTheEnvelopeUnderTheCallsIdOnItsItemAndYear()
    {
        var outcome = CallRules.Open("dot-aaaaaaaaaaaaaaaaaaaaaaaaaa", Request(), Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        var call = outcome.Call!;
        Assert.Equal(("IV.1", "skhcn", 2026), (call.LineId, call.Unit, call.Year));
        var reserve = Assert.Single(outcome.Movements);
        Assert.Equal((BudgetMovementKind.Reserve, 500_000_000L, "dot-aaaaaaaaaaaaaaaaaaaaaaaaaa", new BudgetKey("IV.1", 2026)),
            (reserve.Kind, reserve.AmountVnd, reserve.ApplicationId, reserve.Key));
        Assert.Equal(CallRules.EnvelopeMovementId(call.Id), reserve.MovementId);
        Assert.Equal(["dang-ky-doanh-nghiep", "thuyet-minh", "du-toan", "bao-cao-tai-chinh"], call.RequiredDocuments.Select(d => d.Id));
        Assert.Equal("nscl-tham-dinh", call.RubricId);
    }

    [Fact]
    public void Open_Dates_OpenAtMidnightAndCloseAtTheEndOfTheCloseDateInDaNang()
    {
        var call = Opened();

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero), call.OpensAtUtc);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 17, 0, 0, TimeSpan.Zero), call.ClosesAtUtc);
        Assert.True(call.FinaliseDueUtc > call.ClosesAtUtc.AddDays(20));
        Assert.True(call.EscalateAtUtc > call.FinaliseDueUtc);
    }

    [Fact]
    public void Open_CloseDateOnASaturday_NotWorkingDay()
    {
        var outcome = CallRules.Open("dot-x", Request() with { ClosesOn = new DateOnly(2026, 3, 14) }, Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now);

        Assert.Contains(outcome.Errors, e => e.Field == "closesOn" && e.Code == CallErrorCodes.NotWorkingDay);
        Assert.Empty(outcome.Movements);
    }

    [Fact]
    public void Open_NineWorkingDays_PeriodTooShort()
    {
        var outcome = CallRules.Open("dot-x", Request() with { ClosesOn = new DateOnly(2026, 3, 12) }, Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("closesOn", CallErrorCodes.PeriodTooShort), (error.Field, error.Code));
        Assert.Contains("10 ngày làm việc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PeriodOverTet_CountsOnlyWorkingDays()
    {
        // Tết 2026 (16–20 February are days off): 10 February to 25 February is not ten working days.
        var request = Request() with { OpensOn = new DateOnly(2026, 2, 10), ClosesOn = new DateOnly(2026, 2, 25) };
        var outcome = CallRules.Open("dot-x", request, Leader, Catalogue, ApplicationForm.Shipped, Calendar, new DateTimeOffset(2026, 2, 9, 2, 0, 0, TimeSpan.Zero));

        Assert.Contains(outcome.Errors, e => e.Code == CallErrorCodes.PeriodTooShort);
    }

    [Fact]
    public void Open_BadInput_FieldErrorsForEach()
    {
        var request = new CallOpenRequest("Đợt\u202Egiả", ["science-technology-task", "e-commerce"], 2050, 0, new DateOnly(2026, 3, 1), null, ["khong-co"], "khong-co");

        var outcome = CallRules.Open("dot-x", request, Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now);

        var fields = outcome.Errors.Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("title", ErrorCodes.InvalidCharacters), fields);
        Assert.Contains(("supportKindIds", CallErrorCodes.KindsOnDifferentLines), fields);
        Assert.Contains(("year", ErrorCodes.OutOfRange), fields);
        Assert.Contains(("envelopeVnd", ErrorCodes.OutOfRange), fields);
        Assert.Contains(("opensOn", ErrorCodes.OutOfRange), fields);
        Assert.Contains(("closesOn", ErrorCodes.Required), fields);
        Assert.Contains(("requiredDocuments[0]", ErrorCodes.NotInList), fields);
        Assert.Contains(("rubricId", ErrorCodes.NotInList), fields);
        Assert.Null(outcome.Call);
        Assert.Empty(outcome.Movements);
    }

    [Fact]
    public void Open_KindsFundedElsewhere_NotFundedHere()
    {
        var outcome = CallRules.Open("dot-x", Request() with { SupportKindIds = ["e-commerce"] }, Leader, Catalogue, ApplicationForm.Shipped, Calendar, Now);

        Assert.Contains(outcome.Errors, e => e.Code == CallErrorCodes.NotFundedHere);
    }

    [Fact]
    public void StateAt_ByItsDatesAndFinalisation()
    {
        var call = Opened(Request() with { OpensOn = new DateOnly(2026, 3, 3), ClosesOn = new DateOnly(2026, 3, 16) });

        Assert.Equal(CallState.Scheduled, call.StateAt(Now));
        Assert.Equal(CallState.Open, call.StateAt(call.OpensAtUtc));
        Assert.Equal(CallState.Open, call.StateAt(call.ClosesAtUtc.AddSeconds(-1)));
        Assert.Equal(CallState.Closed, call.StateAt(call.ClosesAtUtc));
        Assert.Equal(CallState.Finalised, (call with { FinalisedAtUtc = call.ClosesAtUtc }).StateAt(call.ClosesAtUtc.AddDays(1)));
    }

    [Fact]
    public void CheckSubmission_CallOnlyKindWithoutACall_CallRequired()
    {
        var error = CallRules.CheckSubmission(Catalogue.FindKind("science-technology-task")!, null, null, Now);

        Assert.Equal(("callId", CallErrorCodes.CallRequired), (error!.Field, error.Code));
    }

    [Fact]
    public void CheckSubmission_RollingKindWithoutACall_Accepted() =>
        Assert.Null(CallRules.CheckSubmission(Catalogue.FindKind("productivity-tools")!, null, null, Now));

    [Fact]
    public void CheckSubmission_BeforeOpenAndAfterClose_CallNotOpen()
    {
        var call = Opened(Request() with { OpensOn = new DateOnly(2026, 3, 3), ClosesOn = new DateOnly(2026, 3, 16) });
        var kind = Catalogue.FindKind("science-technology-task")!;

        Assert.Equal(CallErrorCodes.CallNotOpen, CallRules.CheckSubmission(kind, call.Id, call, Now)!.Code);
        Assert.Null(CallRules.CheckSubmission(kind, call.Id, call, call.OpensAtUtc));
        var after = CallRules.CheckSubmission(kind, call.Id, call, call.ClosesAtUtc);
        Assert.Equal(CallErrorCodes.CallNotOpen, after!.Code);
        Assert.Contains("16/03/2026", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckSubmission_KindOutsideTheCall_KindNotInCall()
    {
        var call = Opened();

        var error = CallRules.CheckSubmission(Catalogue.FindKind("productivity-tools")!, call.Id, call, Now);

        Assert.Equal(("supportKindId", CallErrorCodes.KindNotInCall), (error!.Field, error.Code));
    }

    [Fact]
    public void CheckSubmission_UnknownCall_CallNotFound() =>
        Assert.Equal(CallErrorCodes.CallNotFound, CallRules.CheckSubmission(Catalogue.FindKind("productivity-tools")!, "dot-x", null, Now)!.Code);

    [Fact]
    public void Finalise_BeforeTheClose_WrongState()
    {
        var call = Opened();

        var outcome = CallRules.Finalise(call, null, Leader, 500_000_000, Now);

        Assert.True(outcome.IsStateConflict);
        Assert.Empty(outcome.Movements);
    }

    [Fact]
    public void Finalise_AfterTheClose_ReleasesWhatTheEnvelopeStillHoldsOnce()
    {
        var call = Opened();

        var outcome = CallRules.Finalise(call, "Xét chọn xong", Leader, 120_000_000, call.ClosesAtUtc.AddDays(3));

        var release = Assert.Single(outcome.Movements);
        Assert.Equal((BudgetMovementKind.Release, 120_000_000L, call.Id, CallRules.ReleaseMovementId(call.Id)),
            (release.Kind, release.AmountVnd, release.ApplicationId, release.MovementId));
        Assert.Equal(120_000_000, outcome.Call!.ReleasedVnd);
        Assert.True(CallRules.Finalise(outcome.Call, null, Leader, 0, call.ClosesAtUtc.AddDays(4)).IsStateConflict);
    }

    [Fact]
    public void Finalise_NothingLeft_NoMovement()
    {
        var call = Opened();

        var outcome = CallRules.Finalise(call, null, Leader, 0, call.ClosesAtUtc);

        Assert.True(outcome.IsValid);
        Assert.Empty(outcome.Movements);
    }

    [Fact]
    public void Rank_HighestTotalFirst_RunningTotalSaysWhichFitTheEnvelope()
    {
        var call = Opened(); // envelope 500.000.000
        var a = Facts("a", 72m, 200_000_000);
        var b = Facts("b", 91m, 250_000_000);
        var c = Facts("c", 85m, 100_000_000);
        var d = Facts("d", 80m, 120_000_000);
        var failed = Facts("e", 40m, 90_000_000) with { Passed = false };
        var notYet = Facts("f", null, null);

        var lines = CallRules.Rank(call, [a, b, c, d, failed, notYet]);

        Assert.Equal(["b", "c", "d", "a", "e", "f"], lines.Select(l => l.Application.ApplicationId));
        Assert.Equal([250_000_000L, 350_000_000, 470_000_000, 670_000_000, 670_000_000, 670_000_000], lines.Select(l => l.RunningTotalVnd));
        Assert.Equal([true, true, true, false, false, false], lines.Select(l => l.FitsEnvelope));
        Assert.Equal([1, 2, 3, 4, 5, 6], lines.Select(l => l.Rank));
    }

    [Fact]
    public void Rank_ApprovedAmountCountsBeforeTheRecommendation()
    {
        var call = Opened();

        var line = Assert.Single(CallRules.Rank(call, [Facts("a", 90m, 300_000_000) with { ApprovedAmountVnd = 280_000_000 }]));

        Assert.Equal(280_000_000, line.CountedVnd);
    }

    static CallApplicationFacts Facts(string id, decimal? total, long? recommended) => new(id, "NSCL-" + id, "Công ty " + id, "Nhiệm vụ " + id,
        "science-technology-task", total is null ? ApplicationStatus.UnderAppraisal : ApplicationStatus.AwaitingApproval, Now, 300_000_000, total,
        total is null ? null : true, recommended, null);
}
