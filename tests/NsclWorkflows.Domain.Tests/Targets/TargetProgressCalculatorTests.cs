using System.Text.Json.Nodes;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;
using S = NsclWorkflows.Domain.Applications.ApplicationStatus;

namespace NsclWorkflows.Domain.Tests.Targets;

public class TargetProgressCalculatorTests
{
    static readonly ProgrammeCatalogue Shipped = EmbeddedCatalogue.Load();
    static int next;

    static TargetRecord App(string kind, S status, int year, string enterprise = "0401234567", int persons = 1) =>
        new($"app{Interlocked.Increment(ref next)}", enterprise, kind, status, year, persons);

    static TargetProgress Of(string targetId, IEnumerable<TargetRecord> apps, int? asOfYear = null, ProgrammeCatalogue? catalogue = null) =>
        TargetProgressCalculator.Calculate(catalogue ?? Shipped, apps, asOfYear).Single(p => p.Target.Id == targetId);

    [Fact]
    public void Calculate_NoApplications_EveryCountedTargetAtZeroAndTfpNotMeasured()
    {
        var progress = TargetProgressCalculator.Calculate(Shipped, []);

        Assert.Equal(Shipped.Programme.Targets.Select(t => t.Id), progress.Select(p => p.Target.Id));
        Assert.All(progress.Where(p => p.Measured), p => Assert.Equal((0m, 0m, (bool?)false), (p.Achieved, p.Pending, p.Met)));
        var tfp = progress.Single(p => p.Target.Id == "tfp-contribution-2025");
        Assert.False(tfp.Measured);
        Assert.Null(tfp.Met);
        Assert.Equal("Chỉ tiêu không tính từ hồ sơ: số liệu do Viện Nghiên cứu Phát triển kinh tế xã hội thành phố Đà Nẵng cung cấp.", tfp.Summary);
        Assert.Equal(["experts-certified", "i3-classes-held", "st-tasks", "enterprises-supported", "pilot-model-enterprises"], progress.Where(p => p.Measured).Select(p => p.Target.Id));
    }

    [Fact]
    public void Calculate_Experts_CountsPersonsOfCompletedTrainingOnlyUpToTheTargetYear()
    {
        TargetRecord[] apps =
        [
            App("expert-training", S.Completed, 2023, persons: 5),
            App("expert-training", S.Completed, 2024, persons: 5),
            App("expert-training", S.Completed, 2025, persons: 6),
            App("expert-training", S.InImplementation, 2025, persons: 2),   // in training: pending
            App("expert-training", S.Failed, 2025, persons: 3),             // not certified
            App("expert-training", S.Completed, 2026, persons: 4),          // after 2025: not towards this target
            App("productivity-tools", S.Completed, 2024, persons: 9),       // another kind
        ];

        var p = Of("experts-certified", apps);

        Assert.Equal((16m, 2m, (bool?)true), (p.Achieved, p.Pending, p.Met));
        Assert.Equal(new Dictionary<int, decimal> { [2023] = 5, [2024] = 5, [2025] = 6 }, p.AchievedByYear);
        Assert.Equal(
            "Đạt 16 lượt chuyên gia đến năm 2025 (106%), chỉ tiêu ít nhất 15 lượt chuyên gia đến năm 2025; 2 lượt chuyên gia đang trong quy trình. Đã đạt chỉ tiêu.",
            p.Summary);
    }

    [Fact]
    public void Calculate_EnterprisesSupported_EachEnterpriseOnceInItsFirstYearBranchesIncluded()
    {
        TargetRecord[] apps =
        [
            App("productivity-tools", S.Completed, 2023, "0401234567"),
            App("certification", S.InImplementation, 2024, "0401234567"),      // same enterprise, later year
            App("gmp", S.AwaitingFinalEvaluation, 2024, "0401234567-001"),     // its branch
            App("pilot-model", S.Failed, 2024, "0400000001"),                 // approved and carried out, evaluated không đạt
            App("smart-manufacturing", S.Cancelled, 2024, "0400000002"),      // cancelled: not supported
            App("in-house-standards", S.Rejected, 2024, "0400000003"),
            App("standards-management-systems", S.AwaitingApproval, 2025, "0400000004"), // pending
            App("certification", S.UnderAppraisal, 2025, "0401234567"),       // pending, but already counted
            App("e-commerce", S.Completed, 2024, "0400000006"),               // IV.5 (Sở Công Thương, lồng ghép), not IV.1
            App("digital-management", S.InImplementation, 2024, "0400000007"), // IV.3 (lồng ghép), not IV.1
            App("traceability-gap", S.AwaitingApproval, 2025, "0400000008"),  // IV.4 (Sở NN&PTNT, lồng ghép), not IV.1
            App("expert-training", S.Completed, 2024, "0400000005"),           // line I.2, not IV.1
        ];

        var p = Of("enterprises-supported", apps);

        Assert.Equal((2m, 1m, (bool?)false), (p.Achieved, p.Pending, p.Met));
        Assert.Equal(new Dictionary<int, decimal> { [2023] = 1, [2024] = 1 }, p.AchievedByYear);
        Assert.Equal(
            "Đạt 2 doanh nghiệp đến năm 2025 (13%), chỉ tiêu ít nhất 15 doanh nghiệp đến năm 2025; 1 doanh nghiệp đang trong quy trình. Chưa đạt chỉ tiêu.",
            p.Summary);
    }

    [Fact]
    public void Calculate_StTasks_EveryApprovedApplicationOnLineIV1()
    {
        TargetRecord[] apps =
        [
            App("productivity-tools", S.Completed, 2023),
            App("certification", S.InImplementation, 2024),
            App("pilot-model", S.AwaitingFinalEvaluation, 2024),
            App("smart-manufacturing", S.Failed, 2025, "0400000001"),
            App("in-house-standards", S.InImplementation, 2025, "0400000002"),
            App("expert-training", S.Completed, 2025),
            App("gmp", S.Withdrawn, 2025),
        ];

        var p = Of("st-tasks", apps);

        Assert.Equal((5m, (bool?)true), (p.Achieved, p.Met)); // the same enterprise's three tasks are three tasks
    }

    [Fact]
    public void Calculate_PilotModels_DistinctEnterprisesWithAnApprovedPilotModel()
    {
        TargetRecord[] apps =
        [
            App("pilot-model", S.InImplementation, 2023, "0400000001"),
            App("pilot-model", S.Completed, 2024, "0400000001"),
            App("pilot-model", S.Completed, 2024, "0400000002"),
            App("productivity-tools", S.Completed, 2024, "0400000003"),
            App("pilot-model", S.AwaitingApproval, 2025, "0400000004"),
        ];

        var p = Of("pilot-model-enterprises", apps);

        Assert.Equal((2m, 1m, (bool?)false), (p.Achieved, p.Pending, p.Met));
    }

    [Fact]
    public void Calculate_AsOfYear_CountsOnlyYearsUpToIt()
    {
        TargetRecord[] apps =
        [
            App("expert-training", S.Completed, 2023, persons: 5),
            App("expert-training", S.Completed, 2024, persons: 5),
        ];

        var p = Of("experts-certified", apps, asOfYear: 2023);

        Assert.Equal(5m, p.Achieved);
        Assert.StartsWith("Đạt 5 lượt chuyên gia đến năm 2023 (33%)", p.Summary);
    }

    [Fact]
    public void Calculate_SameApplicationTwice_CountsOnce()
    {
        var app = App("expert-training", S.Completed, 2023, persons: 5);

        Assert.Equal(5m, Of("experts-certified", [app, app]).Achieved);
    }

    [Fact]
    public void Calculate_AmendedMeasureInTheCatalogue_ChangesTheCountWithoutCode()
    {
        var amended = Amend(c =>
        {
            var target = c["targets"]!.AsArray().Single(t => (string?)t!["id"] == "enterprises-supported")!;
            target["measure"]!["kindIds"] = new JsonArray("certification");
            target["measure"]!["stage"] = "completed";
        });
        TargetRecord[] apps =
        [
            App("certification", S.Completed, 2024, "0400000001"),
            App("certification", S.InImplementation, 2024, "0400000002"),
            App("productivity-tools", S.Completed, 2024, "0400000003"),
        ];

        var p = Of("enterprises-supported", apps, catalogue: amended);

        Assert.Equal((1m, 1m), (p.Achieved, p.Pending));
    }

    [Fact]
    public void Load_MeasureCountingAnUnknownKind_IsABlockingFinding()
    {
        var ex = Assert.Throws<CatalogueValidationException>(() => Amend(c =>
            c["targets"]![0]!["measure"]!["kindIds"] = new JsonArray("expert-training", "no-such-kind")));

        var finding = Assert.Single(ex.Report.Blocking);
        Assert.Equal((CatalogueFindingCodes.UnknownSupportKind, "experts-certified"), (finding.Code, finding.LineId));
        Assert.Contains("\"no-such-kind\"", finding.Message);
    }

    [Fact]
    public void Load_MeasureWithAnUnknownCount_IsMalformed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Amend(c => c["targets"]![0]!["measure"]!["count"] = "hours"));

        Assert.Contains("measure.count", ex.Message);
    }

    [Fact]
    public void Load_ShippedCatalogue_MeasuresEveryTargetButTfp()
    {
        var measures = Shipped.Programme.Targets.ToDictionary(t => t.Id, t => t.Measure);

        Assert.Null(measures["tfp-contribution-2025"]);
        Assert.Null(measures["tfp-contribution-2030"]);
        Assert.Equal((TargetCount.Persons, TargetStage.Completed), (measures["experts-certified"]!.Count, measures["experts-certified"]!.Stage));
        Assert.Equal(["expert-training"], measures["experts-certified"]!.KindIds);
        Assert.All(measures.Values.OfType<TargetMeasure>(), m => Assert.False(string.IsNullOrWhiteSpace(m.Note)));
        Assert.Equal((TargetCount.Enterprises, TargetStage.Approved), (measures["pilot-model-enterprises"]!.Count, measures["pilot-model-enterprises"]!.Stage));
        Assert.Equal(["pilot-model"], measures["pilot-model-enterprises"]!.KindIds);
        Assert.Empty(measures["enterprises-supported"]!.KindIds); // every kind of line IV.1
    }

    static ProgrammeCatalogue Amend(Action<JsonNode> change)
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("NsclWorkflows.Domain.Catalogue.catalogue.json")!;
        var json = JsonNode.Parse(stream)!;
        change(json);
        return CatalogueLoader.Parse(json.ToJsonString());
    }
}
