using System.Text.Json.Nodes;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using ApplicationDocumentMapper = NsclWorkflows.Domain.Documents.ApplicationDocumentMapper;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>
/// Rubrics (catalogue data) decide the appraisal and the final evaluation: every criterion scored once within its
/// maximum, averages per criterion, a weighted total against the pass mark, mandatory criteria at their minimum; the
/// number of appraisals comes from the kind's policy.
/// </summary>
public sealed class RubricTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EmbeddedCatalogue_EveryKindHasAnAppraisalAndAnEvaluationRubric_MarkedAsTheDepartmentsDefault()
    {
        Assert.All(Catalogue.Kinds, k =>
        {
            Assert.Equal("nscl-tham-dinh", Catalogue.RubricFor(k, RubricUse.Appraisal)?.Id);
            Assert.Equal("nscl-nghiem-thu", Catalogue.RubricFor(k, RubricUse.Evaluation)?.Id);
        });
        Assert.All(Catalogue.Rubrics, r =>
        {
            Assert.Equal(CapSource.DepartmentDefault, r.Source);
            Assert.Equal(100, r.MaxTotal);
            Assert.Contains("không quy định", r.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Load_KindPolicyNamesThreeAppraisersAndItsOwnRubric_BothRead()
    {
        var file = JsonNode.Parse(EmbeddedCatalogueJson())!;
        var rubrics = file["rubrics"]!.AsArray();
        rubrics.Add(JsonNode.Parse("""{ "id": "mo-hinh", "name": "Phiếu mô hình điểm", "source": "department-default", "passTotal": 15, "criteria": [ { "id": "a", "name": "A", "maxScore": 10, "weight": 2 } ] }"""));
        var pilot = file["supportKinds"]!.AsArray().Single(k => (string?)k!["id"] == "pilot-model")!;
        pilot["policy"]!["appraisersRequired"] = 3;
        pilot["rubrics"] = JsonNode.Parse("""{ "appraisal": "mo-hinh" }""");

        var catalogue = CatalogueLoader.Parse(file.ToJsonString());

        var kind = catalogue.FindKind("pilot-model")!;
        Assert.Equal(3, kind.Policy.AppraisersRequired);
        Assert.Equal(1, catalogue.FindKind("productivity-tools")!.Policy.AppraisersRequired);
        Assert.Equal(("mo-hinh", 20m), (catalogue.RubricFor(kind, RubricUse.Appraisal)!.Id, catalogue.RubricFor(kind, RubricUse.Appraisal)!.MaxTotal));
        Assert.Equal("nscl-nghiem-thu", catalogue.RubricFor(kind, RubricUse.Evaluation)!.Id);
    }

    [Theory]
    [InlineData("""{ "id": "x", "name": "X", "source": "department-default", "passTotal": 200, "criteria": [ { "id": "a", "name": "A", "maxScore": 10 } ] }""", "passTotal")]
    [InlineData("""{ "id": "x", "name": "X", "source": "department-default", "passTotal": 5, "criteria": [ { "id": "a", "name": "A", "maxScore": 10, "minScore": 11 } ] }""", "minScore")]
    [InlineData("""{ "id": "x", "name": "X", "source": "department-default", "passTotal": 5, "criteria": [ { "id": "a", "name": "A", "maxScore": 10 }, { "id": "a", "name": "B", "maxScore": 10 } ] }""", "trùng")]
    [InlineData("""{ "id": "x", "name": "X", "source": "somewhere", "passTotal": 5, "criteria": [ { "id": "a", "name": "A", "maxScore": 10 } ] }""", "source")]
    public void Load_MalformedRubric_RefusedNamingWhat(string rubric, string named)
    {
        var file = JsonNode.Parse(EmbeddedCatalogueJson())!;
        file["rubrics"]!.AsArray().Add(JsonNode.Parse(rubric));

        var error = Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse(file.ToJsonString()));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KindNamesARubricThatDoesNotExist_Refused()
    {
        var file = JsonNode.Parse(EmbeddedCatalogueJson())!;
        file["defaultRubrics"]!["appraisal"] = "khong-co";

        Assert.Contains("khong-co", Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse(file.ToJsonString())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SheetMissingOneCriterionWithAnUnknownOneAndOneOverItsMaximum_NamesEach()
    {
        var rubric = Sheets.AppraisalRubric;
        var sheet = Sheets.Appraisal().Skip(1).ToList();
        sheet[0] = sheet[0] with { Score = 26 }; // "noi-dung": at most 25
        sheet.Add(new CriterionScore("Tính sáng tạo", 5, 10));

        var problems = rubric.Check(sheet);

        Assert.Equal(
            [("noi-dung", RubricCodes.ScoreOutOfRange), ("Tính sáng tạo", RubricCodes.UnknownCriterion), ("can-thiet", RubricCodes.MissingCriterion)],
            problems.Select(p => (p.Criterion, p.Code)));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Check_CriteriaNamedByTheirNamesInAnyCase_Accepted()
    {
        var rubric = Sheets.AppraisalRubric;
        var sheet = rubric.Criteria.Select(c => new CriterionScore("  " + c.Name.ToUpperInvariant() + " ", c.MaxScore / 2, c.MaxScore)).ToList();

        Assert.Empty(rubric.Check(sheet));
        Assert.Equal(rubric.Criteria.Select(c => c.Name), rubric.Normalise(sheet).Select(s => s.Criterion));
    }

    [Fact]
    public void Assess_TotalAboveThePassMarkButAMandatoryCriterionBelowItsMinimum_Fails()
    {
        var rubric = Sheets.AppraisalRubric;
        // 15 + 25 + 20 + 12 + 15 = 87, but "hieu-qua" (mandatory, min 12.5) averages 12.
        var sheet = rubric.Criteria.Select(c => new CriterionScore(c.Id, c.Id == "hieu-qua" ? 12 : c.MaxScore, c.MaxScore)).ToList();

        var outcome = rubric.Assess([sheet]);

        Assert.Equal(87, outcome.Total);
        Assert.False(outcome.Passed);
        Assert.Equal("hieu-qua", Assert.Single(outcome.Unmet).Id);
        Assert.Contains("không đạt", outcome.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ThreeSheets_AveragesEachCriterionAndPassesAtTheMark()
    {
        var rubric = Sheets.AppraisalRubric;
        // Totals 60, 70 and 80: the average, 70, is exactly the pass mark.
        var outcome = rubric.Assess([Sheets.Of(rubric, 0.6m), Sheets.Of(rubric, 0.7m), Sheets.Of(rubric, 0.8m)]);

        Assert.Equal(70, outcome.Total);
        Assert.True(outcome.Passed);
        Assert.Equal(3, outcome.Sheets);
        Assert.Equal(17.5m, outcome.Criteria.Single(c => c.Id == "noi-dung").Average);
    }

    [Fact]
    public void Assess_WeightedCriterion_CountsItsWeight()
    {
        var rubric = new Rubric("w", "W", [new RubricCriterion("a", "A", 10, 2, false, null), new RubricCriterion("b", "B", 10, 1, false, null)], 25, CapSource.DepartmentDefault, null);

        var outcome = rubric.Assess([[new CriterionScore("a", 8, 10), new CriterionScore("b", 9, 10)]]);

        Assert.Equal((25m, 30m, true), (outcome.Total, outcome.MaxTotal, outcome.Passed));
    }

    [Fact]
    public void SubmitAppraisal_SheetMissingACriterion_RefusedByTheMachineWithTheCriterionNamed()
    {
        var (machine, application) = UnderAppraisal();
        var sheet = Sheets.Appraisal().Where(s => s.Criterion != "kinh-phi").ToList();

        var (audit, result) = Apply(machine, application, new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { Positive = true, AmountVnd = 200_000_000, Scores = sheet });

        Assert.False(result.Applied);
        Assert.Equal(RubricCodes.MissingCriterion, result.RefusalCode);
        Assert.Contains("Tính hợp lý của dự toán kinh phí", audit!.Detail, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
    }

    [Fact]
    public void SubmitAppraisal_BelowThePassMarkThoughSupportIsRecommended_RecommendsNothingAndRecordsTheResult()
    {
        var (machine, application) = UnderAppraisal();

        var (audit, _) = Apply(machine, application, new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser")
            { Positive = true, AmountVnd = 200_000_000, Scores = Sheets.Appraisal(0.6m) });

        Assert.Equal(ApplicationStatus.AwaitingApproval, application.Status);
        Assert.Equal(0, application.Lifecycle.RecommendedAmountVnd);
        var outcome = application.Lifecycle.AppraisalOutcome!;
        Assert.Equal((60m, false), (outcome.Total, outcome.Passed));
        Assert.Contains("không đạt", audit!.Detail, StringComparison.Ordinal);
        // The record is named and bounded by the rubric, whatever the client called the criteria.
        Assert.Equal(Sheets.AppraisalRubric.Criteria.Select(c => c.Name), application.Lifecycle.Appraisals.Single().Scores.Select(s => s.Criterion));
        var record = ApplicationDocumentMapper.Appraisal(application, Catalogue);
        Assert.Contains("không đạt yêu cầu", record.Conclusion, StringComparison.Ordinal);
        Assert.Contains("đề nghị không hỗ trợ", record.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitAppraisal_PassingSheetWithComments_RecommendsTheAmountAndKeepsTheComments()
    {
        var (machine, application) = UnderAppraisal();
        var sheet = Sheets.Appraisal().Select(s => s with { Comment = "Nhận xét " + s.Criterion }).ToList();

        Apply(machine, application, new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định", "Appraiser") { Positive = true, AmountVnd = 200_000_000, Scores = sheet });

        Assert.Equal(200_000_000, application.Lifecycle.RecommendedAmountVnd);
        Assert.True(application.Lifecycle.AppraisalOutcome!.Passed);
        Assert.Equal("Nhận xét can-thiet", application.Lifecycle.Appraisals.Single().Scores[0].Comment);
        Assert.Empty(EnterpriseDisclosure.Lifecycle(application.Lifecycle).Appraisals);
        Assert.Null(EnterpriseDisclosure.Lifecycle(application.Lifecycle).AppraisalOutcome);
    }

    [Theory]
    [InlineData(0.8, false)]
    [InlineData(0.4, true)]
    public void Evaluate_VerdictContradictsTheRubric_Refused(double share, bool passed)
    {
        var catalogue = Catalogue;
        var application = NewApplication();
        var kind = catalogue.FindKind(application.Submission.SupportKindId)!;
        var definition = ActionCatalog.Of(LifecycleAction.Evaluate);

        var errors = definition.Validate(new ActionRequest(LifecycleAction.Evaluate, "Lãnh đạo", "Leader")
            { Positive = passed, Note = "Kết luận", Scores = Sheets.Evaluation((decimal)share) }, application, catalogue, Start);

        Assert.Equal("nscl-nghiem-thu", catalogue.RubricFor(kind, RubricUse.Evaluation)!.Id);
        var error = Assert.Single(errors);
        Assert.Equal(("passed", RubricCodes.ContradictsRubric), (error.Field, error.Code));
    }

    static string EmbeddedCatalogueJson()
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream(
            typeof(EmbeddedCatalogue).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("catalogue.json", StringComparison.Ordinal)))!;
        return new StreamReader(stream).ReadToEnd();
    }

    static Application NewApplication() => new("eeeeeeeeeeeeeeeeeeeeeeeeee", "NSCL-2025-RUBR",
        new ApplicationSubmission("0101234567", "Công ty TNHH Phiếu Chấm", "Trần Thị B", "b@example.vn", "0912345678", "productivity-tools", "Nhiệm vụ", "Tóm tắt", 300_000_000),
        Catalogue.Version, Start, Start.AddDays(5));

    static (LifecycleMachine, Application) UnderAppraisal()
    {
        var machine = new LifecycleMachine(Catalogue, new DeadlinePlanner(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions()));
        var application = NewApplication();
        Apply(machine, application, null, StepKind.Receive);
        Apply(machine, application, new ActionRequest(LifecycleAction.AcceptCompleteness, "Cán bộ", "Officer"));
        Assert.Equal(ApplicationStatus.UnderAppraisal, application.Status);
        return (machine, application);
    }

    static (AuditEntry? Audit, StepResult Result) Apply(LifecycleMachine machine, Application application, ActionRequest? action, StepKind kind = StepKind.Action) =>
        machine.Apply(application, new StepCommand(application.Id, application.LastSequence + 1, kind, Start.AddHours(application.LastSequence + 1)) { Action = action });
}
