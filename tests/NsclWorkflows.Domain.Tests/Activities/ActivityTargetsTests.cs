using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Tests.Activities;

public class ActivityTargetsTests
{
    static readonly ProgrammeCatalogue Shipped = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset Now = new(2025, 5, 1, 2, 0, 0, TimeSpan.Zero);

    static readonly ProgrammeTarget Classes = new("training-classes", "I.3", "Tổ chức bình quân 03 lớp/năm", TargetComparison.AtLeast, 11, "lớp", 2025, "I.3")
    {
        Measure = new TargetMeasure(TargetCount.ActivityOutputs, TargetStage.Completed, [], null) { OutputKinds = [ActivityOutputKind.ClassesHeld] },
    };

    static ProgrammeActivity Activity(string line, int year, int classes, bool close)
    {
        var a = ActivityRules.Plan("hd-" + Guid.NewGuid().ToString("N"), new("Lớp", line, year, 1_000_000, new(year, 4, 1), new(year, 4, 2), null),
            new("o", "Cán bộ"), Shipped.Programme, Now).Activity!;
        a = ActivityRules.RecordOutput(a, "o1", new(ActivityOutputKind.ClassesHeld, classes, null), "o", Now).Activity!;
        a = ActivityRules.RecordOutput(a, "o2", new(ActivityOutputKind.Participants, 40, null), "o", Now).Activity!;
        return close ? ActivityRules.Close(a, null, "o", Now).Activity! : a;
    }

    [Fact]
    public void Calculate_ClosedActivitiesOfTheLine_CountTheirOutputsOpenOnesPending()
    {
        ProgrammeActivity[] activities = [Activity("I.3", 2024, 2, close: true), Activity("I.3", 2025, 3, close: false), Activity("I.1", 2025, 7, close: true)];

        var progress = ActivityTargets.Calculate(Classes, activities, asOfYear: null);

        Assert.True(progress.Measured);
        Assert.Equal((2m, 3m, false), (progress.Achieved, progress.Pending, progress.Met));
        Assert.Equal(2m, progress.AchievedByYear[2024]);
    }

    [Fact]
    public void Calculate_ShippedI3Target_ClassesHeldOnClosedI3ActivitiesMoveItsAchievedCount()
    {
        ProgrammeActivity[] none = [Activity("I.1", 2025, 7, close: true)];
        ProgrammeActivity[] withI3 = [.. none, Activity("I.3", 2024, 2, close: true), Activity("I.3", 2025, 1, close: false)];

        var before = TargetProgressCalculator.Calculate(Shipped, [], null, none).Single(p => p.Target.Id == "i3-classes-held");
        var after = TargetProgressCalculator.Calculate(Shipped, [], null, withI3).Single(p => p.Target.Id == "i3-classes-held");

        Assert.True(before.Measured && after.Measured);
        Assert.Equal((0m, 0m), (before.Achieved, before.Pending));
        Assert.Equal((2m, 1m, false), (after.Achieved, after.Pending, after.Met)); // participants (40 each) are not classes
        Assert.Equal(2m, after.AchievedByYear[2024]);
    }

    [Fact]
    public void Load_MeasureWithOutputKinds_ParsedCountedByTheCalculatorAndUnknownKindRefused()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(CataloguePath()))!;
        json["targets"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            {"id":"training-classes","section":"I.3","text":"Lớp","comparison":"atLeast","value":11,"unit":"lớp","byYear":2025,"budgetLineId":"I.3",
             "measure":{"count":"activityOutputs","stage":"completed","outputKinds":["classesHeld"]}}
            """));
        using var good = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var catalogue = EmbeddedCatalogue.Parse(good);
        var loaded = catalogue.Programme.Targets.Single(t => t.Id == "training-classes");
        var progress = TargetProgressCalculator.Calculate(catalogue, [], null, [Activity("I.3", 2025, 2, close: true)]);

        var report = NsclWorkflows.Domain.Lifecycle.ProgrammeProgressProjection.Project([], catalogue,
            NsclWorkflows.Domain.Calendar.VietnamStatutoryCalendar.FromEmbeddedData(), 2025, new DateOnly(2025, 12, 15), [Activity("I.3", 2025, 3, close: true)]);

        Assert.Equal([ActivityOutputKind.ClassesHeld], loaded.Measure!.OutputKinds);
        Assert.Equal(2m, progress.Single(p => p.Target.Id == "training-classes").Achieved);
        Assert.Equal(3m, report.TargetResults.Single(t => t.TargetId == "training-classes").Actual); // the year-end report counts them too
        Assert.True(catalogue.Report.IsLoadable);
        json["targets"]!.AsArray().Last()!["measure"]!["outputKinds"] = new System.Text.Json.Nodes.JsonArray("lớp");
        using var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.ThrowsAny<Exception>(() => EmbeddedCatalogue.Parse(bad));
    }

    static string CataloguePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NsclWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "shared", "NsclWorkflows.Domain", "Catalogue", "catalogue.json");
    }
}
