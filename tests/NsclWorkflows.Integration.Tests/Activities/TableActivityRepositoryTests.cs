using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Activities;

/// <summary>The real activity repository on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class TableActivityRepositoryTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Now = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);
    static readonly Programme Programme = EmbeddedCatalogue.Load().Programme;

    TableActivityRepository Repository() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "acttest" })));

    static ProgrammeActivity NewActivity(string line = "I.3") => ActivityRules.Plan(
        "HD-" + Guid.NewGuid().ToString("N")[..12],
        new("Lớp tập huấn Lean cho doanh nghiệp quận Liên Chiểu", line, 2025, 1_000_000, new DateOnly(2025, 4, 10), new DateOnly(2025, 4, 12), "2 lớp"),
        new ResponsibleOfficer("o-1", "Trần Thị Bình"), Programme, Now).Activity!;

    [Fact]
    public async Task TryAdd_ThenFind_RoundTripsEveryFieldAndRefusesTheSameIdTwice()
    {
        var repository = Repository();
        var activity = ActivityRules.RecordOutput(NewActivity(), "O1", new(ActivityOutputKind.Participants, 85, "12 doanh nghiệp"), "o-1", Now).Activity!;
        activity = ActivityRules.RecordSpending(activity, "S1", new(500_000, 200_000, "HĐ 01/2025", null), "o-1", Now).Activity!;

        Assert.True(await repository.TryAddAsync(activity, CancellationToken.None));
        Assert.False(await repository.TryAddAsync(activity, CancellationToken.None));

        var read = await repository.FindAsync(activity.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal((activity.Title, activity.State, activity.PlannedEnd, 85, 300_000L), (read.Title, read.State, read.PlannedEnd, read.Quantity(ActivityOutputKind.Participants), read.HeldCommittedVnd));
        Assert.Equal("HĐ 01/2025", Assert.Single(read.Spending).DocumentReference);
    }

    [Fact]
    public async Task Update_ConcurrentOutputs_NoneIsLost()
    {
        var repository = Repository();
        var activity = NewActivity();
        await repository.TryAddAsync(activity, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => repository.UpdateAsync(activity.Id,
            a => Task.FromResult(ActivityRules.RecordOutput(a, $"O{i}", new(ActivityOutputKind.ClassesHeld, 1, null), "o-1", Now).Activity),
            CancellationToken.None)));

        var read = await repository.FindAsync(activity.Id, CancellationToken.None);
        Assert.Equal(6, read!.Quantity(ActivityOutputKind.ClassesHeld));
    }

    [Fact]
    public async Task List_ByYearAndLine_OnlyThatLine()
    {
        var repository = Repository();
        var survey = NewActivity("III.1");
        var media = NewActivity("I.1");
        await repository.TryAddAsync(survey, CancellationToken.None);
        await repository.TryAddAsync(media, CancellationToken.None);

        var listed = await repository.ListAsync(2025, "III.1", CancellationToken.None);

        Assert.Contains(listed, a => a.Id == survey.Id);
        Assert.DoesNotContain(listed, a => a.Id == media.Id);
        Assert.All(listed, a => Assert.Equal(("III.1", 2025), (a.LineId, a.Year)));
    }
}
