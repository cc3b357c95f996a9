using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Projections;

/// <summary>
/// The programme counters on Azurite against a full recount: after a randomized sequence of steps (applications moving
/// through statuses and budget years, enterprises with several applications and branches, some applied concurrently)
/// including replays of the same state, every target's progress from the counters equals
/// <see cref="TargetProgressCalculator"/> over the final applications, for every year.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ProgrammeAggregatesTests(AzuriteFixture azurite)
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    static readonly ApplicationStatus[] Statuses = Enum.GetValues<ApplicationStatus>();

    [Theory]
    [InlineData(1701)]
    [InlineData(20261201)]
    public async Task Apply_RandomStepsWithReplays_CountersEqualARecountForEveryYear(int seed)
    {
        var random = new Random(seed);
        var aggregates = new TableProgrammeAggregates(Factory($"agg{seed}"), Catalogue);
        var enterprises = Enumerable.Range(0, 6).Select(i => $"04012345{i:D2}").ToArray();
        var kinds = Catalogue.Kinds.Select(k => k.Id).ToArray();
        var applications = Enumerable.Range(0, 24).Select(i => New(random, i, enterprises, kinds)).ToList();
        var latest = new Dictionary<string, Application>(StringComparer.Ordinal);

        for (var round = 0; round < 8; round++)
        {
            // Some applications take a step (a new status, sometimes an approval in a year); each is applied, some twice.
            var moved = applications.Where(_ => random.NextDouble() < 0.6).ToList();
            foreach (var a in moved)
            {
                Step(random, a);
            }

            await Task.WhenAll(moved.Select(a => aggregates.ApplyAsync(Snapshot(a), CancellationToken.None)));
            var replays = moved.Where(_ => random.NextDouble() < 0.5).ToList();
            await Task.WhenAll(replays.Select(a => aggregates.ApplyAsync(Snapshot(a), CancellationToken.None)));
            foreach (var a in moved)
            {
                latest[a.Id] = Snapshot(a);
            }
        }

        await aggregates.MarkCompleteAsync(latest.Count, CancellationToken.None);
        var records = latest.Values.Select(TargetRecord.Of).ToList();
        foreach (var year in new int?[] { null, 2022, 2023, 2024, 2025, 2026, 2030 })
        {
            var recount = TargetProgressCalculator.Calculate(Catalogue, records, year);
            var counted = await aggregates.TargetProgressAsync(year, null, CancellationToken.None);
            Assert.NotNull(counted);
            Assert.Equal(
                recount.Select(p => (p.Target.Id, p.Achieved, p.Pending, p.Met, string.Join(",", p.AchievedByYear), p.Summary)),
                counted!.Select(p => (p.Target.Id, p.Achieved, p.Pending, p.Met, string.Join(",", p.AchievedByYear), p.Summary)));
        }

        Assert.Contains(TargetProgressCalculator.Calculate(Catalogue, records), p => p.Measured && (p.Achieved > 0 || p.Pending > 0)); // the data exercises counting
    }

    [Fact]
    public async Task TargetProgress_BeforeCompletion_IsNullSoReadersRecount()
    {
        var aggregates = new TableProgrammeAggregates(Factory("aggnotdone"), Catalogue);
        await aggregates.ApplyAsync(New(new Random(1), 0, ["0401234567"], ["productivity-tools"]), CancellationToken.None);

        Assert.Null(await aggregates.TargetProgressAsync(null, null, CancellationToken.None));
    }

    TableClientFactory Factory(string prefix) => new(new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix }));

    static Application New(Random random, int i, string[] enterprises, string[] kinds)
    {
        var kind = Catalogue.FindKind(kinds[random.Next(kinds.Length)])!;
        var code = enterprises[random.Next(enterprises.Length)] + (random.NextDouble() < 0.3 ? "-001" : string.Empty);
        var nominees = kind.Id == "expert-training" ? Enumerable.Range(0, random.Next(1, 4)).Select(n => new Nominee($"Chuyên gia {n}", "Công ty", null)).ToList() : null;
        var submission = new ApplicationSubmission(code, $"Công ty {i}", "Nguyễn Văn A", $"a{i}@congty.vn", "0236 3822 000", kind.Id, $"Nhiệm vụ {i}",
            "Tóm tắt", 100_000_000) { Nominees = nominees };
        var submitted = new DateTimeOffset(2022 + random.Next(0, 4), 3, 1, 2, 0, 0, TimeSpan.Zero);
        var application = new Application($"app-{i:D3}-{random.Next():x}", $"NSCL-{i:D4}", submission, Catalogue.Version, submitted, submitted.AddDays(10));
        application.RouteTo(Catalogue, kind);
        return application;
    }

    static void Step(Random random, Application a)
    {
        var status = Statuses[random.Next(Statuses.Length)];
        Application.Restore(a, status, a.ReceivedAtUtc, a.DecidedAtUtc, a.DecidedBy, a.DecisionNote, a.UpdatedAtUtc.AddHours(1));
        if (random.NextDouble() < 0.5)
        {
            a.Lifecycle.Approval = new ApprovalRecord("Lãnh đạo", 100_000_000, 2022 + random.Next(0, 5), null, a.UpdatedAtUtc);
        }
    }

    /// <summary>The application as a step's activity reads it from storage: a copy, so later steps do not change what was applied.</summary>
    static Application Snapshot(Application a)
    {
        var copy = new Application(a.Id, a.TrackingCode, a.Submission, a.CatalogueVersion, a.SubmittedAtUtc, a.CompletenessDeadlineUtc);
        copy.RouteTo(Catalogue, Catalogue.FindKind(a.Submission.SupportKindId)!);
        Application.Restore(copy, a.Status, a.ReceivedAtUtc, a.DecidedAtUtc, a.DecidedBy, a.DecisionNote, a.UpdatedAtUtc);
        copy.Lifecycle.Approval = a.Lifecycle.Approval;
        return copy;
    }
}
