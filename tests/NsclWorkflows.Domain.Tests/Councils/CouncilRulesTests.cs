using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Tests.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Councils;

/// <summary>
/// Councils, pure: founding (one chair, one secretary, the Department's minimum of members), declarations before
/// sheets, recusals excluded from the count, the quorum (two thirds of the members, the chair or a vice-chair among
/// them), the secretary's close and the result per application (the rubric, the majority, the lowest amount).
/// </summary>
public sealed class CouncilRulesTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly CouncilPolicy Policy = Catalogue.CouncilPolicy;
    static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Today = new(2026, 3, 2);
    const string AppA = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
    const string AppB = "bbbbbbbbbbbbbbbbbbbbbbbbbb";

    static CouncilMemberRequest M(string name, string role) => new(name, "PGS.TS.", "Đại học Đà Nẵng", $"{name.Replace(' ', '.')}@udn.vn".ToLowerInvariant(), role);

    static CouncilRequest Request(params CouncilMemberRequest[] members) => new("Hội đồng tư vấn thẩm định nhiệm vụ NSCL năm 2026", "appraisal", "call-2026-1",
        "15/QĐ-SKHCN", Today.AddDays(-1), "Nguyễn Văn Ký", "Phó Giám đốc", members, Today.AddDays(10));

    static readonly CouncilMemberRequest[] Five =
    [
        M("Le Chu Tich", "chair"), M("Tran Pho", "vice-chair"), M("Ngo Thu Ky", "secretary"), M("Pham Phan Bien", "reviewer"), M("Vo Uy Vien", "member"),
    ];

    static CouncilApplication App(string id, string code) => new(id, code, "Công ty " + code, "Nhiệm vụ " + code, "standards-management-systems", 300_000_000);

    public static Council Founded(params CouncilMemberRequest[] members)
    {
        var result = CouncilRules.Found(Request(members.Length == 0 ? Five : members), "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy,
            [App(AppA, "NSCL-A"), App(AppB, "NSCL-B")]);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    static ActionRequest Sheet(decimal share = 0.8m, bool recommends = true, long amount = 300_000_000) =>
        new(LifecycleAction.SubmitAppraisal, "member", "Council")
        {
            Positive = recommends,
            AmountVnd = recommends ? amount : 0,
            Scores = [.. Sheets.Appraisal(share).Select(s => s with { Comment = "Nhận xét về " + s.Criterion })],
        };

    static Council Ok(ValidationResult<Council> result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Message)));
        return result.Value!;
    }

    static Council DeclareAndScore(Council council, string member, decimal share = 0.8m, bool recommends = true, long amount = 300_000_000)
    {
        council = Ok(CouncilRules.Declare(council, member, false, null, null, Now));
        council = Ok(CouncilRules.Score(council, member, AppA, Sheet(share, recommends, amount), Sheets.AppraisalRubric, Now));
        return Ok(CouncilRules.Score(council, member, AppB, Sheet(share, recommends, amount), Sheets.AppraisalRubric, Now));
    }

    static ValidationResult<Council> Close(Council council, string member = "m3") =>
        CouncilRules.Close(council, member, Now.AddHours(-2), Now.AddHours(-1), _ => Sheets.AppraisalRubric, Policy, Now);

    [Fact]
    public void Policy_ShippedCatalogue_IsTheDepartmentDefaultOfFiveMembersAndTwoThirds()
    {
        Assert.Equal((5, 2, 3, CapSource.DepartmentDefault), (Policy.MinimumMembers, Policy.QuorumNumerator, Policy.QuorumDenominator, Policy.Source));
        Assert.Equal(4, Policy.QuorumOf(5));
        Assert.Equal(5, Policy.QuorumOf(7));
        Assert.Equal(6, Policy.QuorumOf(9));
    }

    [Fact]
    public void Found_TwoChairsNoSecretary_RefusedOnMembers()
    {
        var result = CouncilRules.Found(Request(M("A B", "chair"), M("C D", "chair"), M("E F", "member"), M("G H", "member"), M("I K", "reviewer")),
            "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy, [App(AppA, "NSCL-A")]);

        Assert.False(result.IsValid);
        Assert.Equal(["council_one_chair", "council_one_secretary"], result.Errors.Where(e => e.Field == "members").Select(e => e.Code));
    }

    [Fact]
    public void Found_EvaluationPurpose_FoundsAnEvaluationCouncil()
    {
        var result = CouncilRules.Found(Request(Five) with { Purpose = "evaluation" }, "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy, [App(AppA, "NSCL-A")]);
        var unknown = CouncilRules.Found(Request(Five) with { Purpose = "audit" }, "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy, [App(AppA, "NSCL-A")]);

        Assert.True(result.IsValid);
        Assert.Equal(CouncilPurpose.Evaluation, result.Value!.Purpose);
        Assert.Equal(("purpose", ErrorCodes.NotInList), (unknown.Errors[0].Field, unknown.Errors[0].Code));
    }

    [Fact]
    public void OpenCouncilHolding_FileInAnOpenCouncilOfThePurpose_NamesIt()
    {
        var open = Founded();
        var closed = open with { Id = "hd-2", State = CouncilState.Closed };
        var evaluation = open with { Id = "hd-3", Purpose = CouncilPurpose.Evaluation };

        var held = CouncilRules.OpenCouncilHolding([closed, evaluation, open], CouncilPurpose.Appraisal, ["zzz", AppB]);

        Assert.Equal(("hd-1", AppB), (held!.Value.Council.Id, held.Value.Application.ApplicationId));
        Assert.Null(CouncilRules.OpenCouncilHolding([closed, evaluation], CouncilPurpose.Appraisal, [AppA, AppB]));
        Assert.Null(CouncilRules.OpenCouncilHolding([open], CouncilPurpose.Appraisal, [AppA], exceptId: "hd-1"));
        Assert.Equal("hd-3", CouncilRules.OpenCouncilHolding([open, evaluation], CouncilPurpose.Evaluation, [AppA])!.Value.Council.Id);
    }

    [Fact]
    public void Relink_Member_ReplacesTheTokenAndJournalsIt()
    {
        var council = Founded();
        var m2 = council.Member("m2")! with { LinkNonce = "old", TokenHash = CouncilRules.HashToken("old-token"), MailedAtUtc = Now };
        council = council with { Members = [.. council.Members.Select(m => m.Id == "m2" ? m2 : m)] };

        var relinked = CouncilRules.Relink(council, "m2", "new", CouncilRules.HashToken("new-token"), "Lãnh đạo Sở", Now.AddHours(1)).Value!;

        var member = relinked.Member("m2")!;
        Assert.False(CouncilRules.TokenOpens(member, "old-token"));
        Assert.True(CouncilRules.TokenOpens(member, "new-token"));
        Assert.Equal(("new", (DateTimeOffset?)null), (member.LinkNonce, member.MailedAtUtc));
        Assert.Equal("link-revoked", relinked.Journal[^1].Step);
        Assert.Equal("council_unknown_member", CouncilRules.Relink(council, "m9", "n", "h", "x", Now).Errors[0].Code);
    }

    [Theory]
    [InlineData("\"minimumMembers\": 5", "\"minimumMembers\": 2")]
    [InlineData("\"quorumNumerator\": 2", "\"quorumNumerator\": 4")]
    [InlineData("\"source\": \"department-default\",\n    \"note\": \"Kế hoạch 37/KH-UBND không quy định số thành viên", "\"source\": \"guess\",\n    \"note\": \"Kế hoạch 37/KH-UBND không quy định số thành viên")]
    public void Load_CouncilPolicyOutOfBounds_RefusedAsMalformed(string shipped, string amended)
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("NsclWorkflows.Domain.Catalogue.catalogue.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        Assert.Contains(shipped, json, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse(json.Replace(shipped, amended, StringComparison.Ordinal)));

        Assert.Contains("councilPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Found_FourMembers_RefusedBelowTheMinimum()
    {
        var result = CouncilRules.Found(Request(Five[..4]), "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy, [App(AppA, "NSCL-A")]);

        Assert.Equal((ErrorCodes.TooShort, "members"), (result.Errors[0].Code, result.Errors[0].Field));
    }

    [Fact]
    public void Found_HostileNameBadEmailUnknownRole_FieldErrorsPerMember()
    {
        var result = CouncilRules.Found(Request([M("Le \u202Eabc", "chair"), new("Tran", null, null, "not-an-email", "boss"), .. Five[2..]]),
            "hd-1", "skhcn", "Lãnh đạo", Now, Today, Policy, [App(AppA, "NSCL-A")]);

        Assert.Contains(result.Errors, e => e is { Field: "members[0].fullName", Code: ErrorCodes.InvalidCharacters });
        Assert.Contains(result.Errors, e => e is { Field: "members[1].email", Code: ErrorCodes.InvalidFormat });
        Assert.Contains(result.Errors, e => e is { Field: "members[1].role", Code: ErrorCodes.NotInList });
    }

    [Fact]
    public void Score_BeforeDeclaring_RefusedAsNotDeclared()
    {
        var result = CouncilRules.Score(Founded(), "m1", AppA, Sheet(), Sheets.AppraisalRubric, Now);

        Assert.Equal(("declaration", CouncilRules.NotDeclared), (result.Errors[0].Field, result.Errors[0].Code));
    }

    [Fact]
    public void Score_MemberRecusedFromTheApplication_RefusedButScoresTheOther()
    {
        var council = Ok(CouncilRules.Declare(Founded(), "m5", true, AppA, "Là cổ đông của doanh nghiệp", Now));

        var refused = CouncilRules.Score(council, "m5", AppA, Sheet(), Sheets.AppraisalRubric, Now);
        var other = CouncilRules.Score(council, "m5", AppB, Sheet(), Sheets.AppraisalRubric, Now);

        Assert.Equal(CouncilRules.Recused, refused.Errors[0].Code);
        Assert.True(other.IsValid);
    }

    [Fact]
    public void Declare_RecusalWithoutReason_RefusedAndASecondDeclarationRefused()
    {
        Assert.Equal(("reason", ErrorCodes.Required), (CouncilRules.Declare(Founded(), "m1", true, null, " ", Now).Errors[0].Field,
            CouncilRules.Declare(Founded(), "m1", true, null, " ", Now).Errors[0].Code));
        var declared = Ok(CouncilRules.Declare(Founded(), "m1", false, null, null, Now));
        Assert.Equal(CouncilRules.AlreadyDeclared, CouncilRules.Declare(declared, "m1", true, null, "Người thân", Now).Errors[0].Code);
    }

    [Fact]
    public void Score_SheetWithoutACommentOrMissingACriterion_RefusedPerCriterion()
    {
        var council = Ok(CouncilRules.Declare(Founded(), "m1", false, null, null, Now));
        var noComment = Sheet() with { Scores = Sheets.Appraisal() };
        var missing = Sheet() with { Scores = Sheet().Scores!.Skip(1).ToList() };

        Assert.All(CouncilRules.Score(council, "m1", AppA, noComment, Sheets.AppraisalRubric, Now).Errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
        Assert.Equal("rubric_missing_criterion", CouncilRules.Score(council, "m1", AppA, missing, Sheets.AppraisalRubric, Now).Errors.Single().Code);
    }

    [Fact]
    public void Close_FiveMembersOneRecusedWholeCouncil_ConcludesOnTheFourCountedSheets()
    {
        var council = Founded();
        foreach (var m in new[] { "m1", "m2", "m3", "m4" })
        {
            council = DeclareAndScore(council, m, amount: m == "m4" ? 250_000_000 : 300_000_000);
        }

        council = Ok(CouncilRules.Declare(council, "m5", true, null, "Từng tư vấn cho doanh nghiệp", Now));

        var closed = Ok(Close(council));

        Assert.Equal(CouncilState.Closed, closed.State);
        var result = closed.Application(AppA)!.Result!;
        Assert.Equal(["m1", "m2", "m3", "m4"], result.CountedMemberIds);
        Assert.True(result.Outcome!.Passed);
        Assert.Equal(4, result.Outcome.Sheets);
        Assert.Equal(250_000_000, result.RecommendedAmountVnd); // a majority recommends: the lowest amount
        Assert.Equal((Now.AddHours(-2), Now.AddHours(-1), "Ngo Thu Ky"), (closed.MeetingStartUtc, closed.MeetingEndUtc, closed.ClosedBy));
    }

    [Fact]
    public void Close_RecusedMemberWhoScoredAnotherApplication_SheetCountsOnlyThere()
    {
        var council = Founded();
        foreach (var m in new[] { "m1", "m2", "m3", "m4" })
        {
            council = DeclareAndScore(council, m);
        }

        council = Ok(CouncilRules.Declare(council, "m5", true, AppA, "Là cổ đông", Now));
        council = Ok(CouncilRules.Score(council, "m5", AppB, Sheet(0.2m, recommends: false), Sheets.AppraisalRubric, Now));

        var closed = Ok(Close(council));

        Assert.DoesNotContain("m5", closed.Application(AppA)!.Result!.CountedMemberIds);
        Assert.Contains("m5", closed.Application(AppB)!.Result!.CountedMemberIds);
        Assert.Equal(4, closed.Application(AppA)!.Result!.Outcome!.Sheets);
        Assert.Equal(5, closed.Application(AppB)!.Result!.Outcome!.Sheets);
    }

    [Fact]
    public void Close_TwoRecusedOfFive_RefusedBelowQuorumAndStaysOpen()
    {
        var council = Founded();
        foreach (var m in new[] { "m1", "m2", "m3" })
        {
            council = DeclareAndScore(council, m);
        }

        council = Ok(CouncilRules.Declare(council, "m4", true, null, "Người thân làm việc tại doanh nghiệp", Now));
        council = Ok(CouncilRules.Declare(council, "m5", true, null, "Từng tư vấn cho doanh nghiệp", Now));

        var result = Close(council);

        Assert.False(result.IsValid);
        Assert.Equal(("quorum", CouncilRules.BelowQuorum), (result.Errors[0].Field, result.Errors[0].Code));
        Assert.Contains("cần ít nhất 4", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ChairAndViceChairRecused_RefusedEvenWithEnoughSheets()
    {
        var council = Founded([.. Five, M("Dang Uy Vien", "member")]);
        foreach (var m in new[] { "m3", "m4", "m5", "m6" })
        {
            council = DeclareAndScore(council, m);
        }

        council = Ok(CouncilRules.Declare(council, "m1", true, null, "Lý do", Now));
        council = Ok(CouncilRules.Declare(council, "m2", true, null, "Lý do", Now));

        var result = Close(council);

        Assert.Equal(CouncilRules.BelowQuorum, result.Errors[0].Code);
        Assert.Contains("Chủ tịch hoặc Phó Chủ tịch", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ByAMemberWhoIsNotTheSecretary_Refused()
    {
        Assert.Equal(("member", CouncilRules.NotSecretary), (Close(Founded(), "m1").Errors[0].Field, Close(Founded(), "m1").Errors[0].Code));
    }

    [Fact]
    public void Close_MeetingEndBeforeStart_RefusedOnTheField()
    {
        var result = CouncilRules.Close(Founded(), "m3", Now.AddHours(-1), Now.AddHours(-2), _ => Sheets.AppraisalRubric, Policy, Now);

        Assert.Equal(("meetingEnd", ErrorCodes.OutOfRange), (result.Errors[0].Field, result.Errors[0].Code));
    }

    [Fact]
    public void Close_FailingSheetsOrAMinorityRecommending_RecommendsNothing()
    {
        var council = Founded();
        council = DeclareAndScore(council, "m1", share: 0.4m);
        council = DeclareAndScore(council, "m2", share: 0.4m);
        council = DeclareAndScore(council, "m3", share: 0.4m);
        council = DeclareAndScore(council, "m4", share: 0.4m, recommends: false);

        var closed = Ok(Close(council));

        var result = closed.Application(AppA)!.Result!;
        Assert.False(result.Outcome!.Passed);
        Assert.Equal(0, result.RecommendedAmountVnd);
    }

    [Fact]
    public void Score_AfterClosing_RefusedAsClosed()
    {
        var council = Founded();
        foreach (var m in new[] { "m1", "m2", "m3", "m4" })
        {
            council = DeclareAndScore(council, m);
        }

        var closed = Ok(Close(council));

        Assert.Equal(("state", CouncilRules.Closed), (CouncilRules.Score(closed, "m1", AppA, Sheet(), Sheets.AppraisalRubric, Now).Errors[0].Field,
            CouncilRules.Score(closed, "m1", AppA, Sheet(), Sheets.AppraisalRubric, Now).Errors[0].Code));
        Assert.Empty(CouncilRules.Pending(closed));
    }

    [Fact]
    public void TokenOpens_RightTokenOnly()
    {
        var member = Founded().Member("m1")! with { TokenHash = CouncilRules.HashToken("secret-token") };

        Assert.True(CouncilRules.TokenOpens(member, "secret-token"));
        Assert.False(CouncilRules.TokenOpens(member, "secret-tokeN"));
        Assert.False(CouncilRules.TokenOpens(member, null));
        Assert.False(CouncilRules.TokenOpens(Founded().Member("m1")!, "secret-token"));
    }

    /// <summary>A verdict of four counted members of five (one recused), as the close path sends it.</summary>
    public static CouncilVerdict Verdict(decimal share = 0.8m)
    {
        string[] roles = ["chair", "vice-chair", "secretary", "reviewer", "member"];
        var seats = roles.Select((role, i) => new CouncilSeat("m" + (i + 1), "Thành viên " + (i + 1), "TS.", "Đại học Đà Nẵng", role, i < 4,
            i < 4 ? null : "Là cổ đông của doanh nghiệp")).ToList();
        var at = new DateTimeOffset(2025, 3, 3, 3, 0, 0, TimeSpan.Zero);
        return new CouncilVerdict(
            new CouncilSummary("hd-1", "Hội đồng tư vấn thẩm định", "15/QĐ-SKHCN", new DateOnly(2025, 3, 1), "Nguyễn Văn Ký", "Phó Giám đốc", seats, at, at.AddHours(2))
            {
                Quorum = 4,
            },
            [.. seats.Take(4).Select(s => new CouncilSeatSheet(s.MemberId, [.. Sheets.Appraisal(share).Select(x => x with { Comment = "Tốt" })], true,
                s.MemberId == "m2" ? 200_000_000 : 300_000_000, null, at))]);
    }

    /// <summary>
    /// An evaluation council's verdict (nghiệm thu): five members, one recused, four counted sheets against the kind's
    /// evaluation rubric at <paramref name="share"/> of each maximum, recommending 250 and 280 million (the lowest counts).
    /// </summary>
    public static CouncilVerdict EvaluationVerdict(decimal share = 0.8m)
    {
        var verdict = Verdict();
        var passes = share >= 0.5m;
        return new CouncilVerdict(verdict.Summary with { Name = "Hội đồng đánh giá, nghiệm thu", CouncilId = "hd-nt" },
            [.. verdict.Sheets.Select(s => s with
            {
                Scores = [.. Sheets.Evaluation(share).Select(x => x with { Comment = "Đạt yêu cầu" })],
                RecommendsSupport = passes,
                RecommendedAmountVnd = passes ? (s.MemberId == "m2" ? 250_000_000 : 280_000_000) : 0,
            })]);
    }

    [Fact]
    public void Machine_CouncilResultOnAFileUnderAppraisal_RecordsTheCountedSheetsAndTheCouncilThenAwaitsApproval()
    {
        var machine = new LifecycleMachine(Catalogue, new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));
        var start = new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
        var a = new Application("cccccccccccccccccccccccccc", "NSCL-2025-HD",
            new ApplicationSubmission("0101234567", "Công ty TNHH Hội Đồng", "Trần Thị B", "b@example.vn", "0912345678", "standards-management-systems", "Nhiệm vụ",
                "Tóm tắt", 300_000_000), Catalogue.Version, start, start.AddDays(5));
        StepCommand Next(ActionRequest? action, StepKind kind = StepKind.Action) => new(a.Id, a.LastSequence + 1, kind, start.AddHours(a.LastSequence + 1)) { Action = action };
        machine.Apply(a, Next(null, StepKind.Receive));
        machine.Apply(a, Next(new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer")));
        Assert.Equal(ApplicationStatus.UnderAppraisal, a.Status);

        var (audit, result) = machine.Apply(a, Next(new ActionRequest(LifecycleAction.RecordCouncilResult, "Hội đồng tư vấn thẩm định", "Council") { Council = Verdict() }));

        Assert.True(result.Applied, result.RefusalMessage);
        Assert.Equal(ApplicationStatus.AwaitingApproval, a.Status);
        Assert.Equal(["Thành viên 1", "Thành viên 2", "Thành viên 3", "Thành viên 4"], a.Lifecycle.Appraisals.Select(x => x.Appraiser));
        Assert.Equal(200_000_000, a.Lifecycle.RecommendedAmountVnd);
        Assert.Equal(4, a.Lifecycle.AppraisalOutcome!.Sheets);
        Assert.Equal("15/QĐ-SKHCN", a.Lifecycle.Council!.DecisionNumber);
        Assert.Contains("1 thành viên không tham gia do xung đột lợi ích", audit!.Detail, StringComparison.Ordinal);
        Assert.Null(EnterpriseDisclosure.Lifecycle(a.Lifecycle).Council);
        Assert.Empty(EnterpriseDisclosure.Lifecycle(a.Lifecycle).Appraisals);
        var shown = EnterpriseDisclosure.HistoryEntry(audit);
        Assert.NotNull(shown);
        Assert.DoesNotContain("Thành viên", shown!.Detail + shown.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public void Machine_CouncilResultWithASheetOffTheRubric_Refused()
    {
        var verdict = Verdict();
        var broken = verdict with { Sheets = [verdict.Sheets[0] with { Scores = verdict.Sheets[0].Scores.Skip(1).ToList() }, .. verdict.Sheets.Skip(1)] };
        var definition = NsclWorkflows.Domain.Lifecycle.Actions.ActionCatalog.Of(LifecycleAction.RecordCouncilResult);
        var a = new Application("cccccccccccccccccccccccccc", "NSCL-2025-HD",
            new ApplicationSubmission("0101234567", "Công ty", "B", "b@example.vn", "0912345678", "standards-management-systems", "N", "T", 300_000_000),
            Catalogue.Version, Now, Now);

        var errors = definition.Validate(new ActionRequest(LifecycleAction.RecordCouncilResult, "Hội đồng", "Council") { Council = broken }, a, Catalogue, Now);

        Assert.Equal("rubric_missing_criterion", Assert.Single(errors).Code);
        Assert.Equal(Actor.Council, definition.Actor);
    }
}
