using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Api.Reports.Runs;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Infrastructure;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reports;

/// <summary>
/// A run's figures on the real ledger (Table storage on Azurite): the default yearly run the schedule opens on its
/// configured day is cut at its configured cut-off, and a movement recorded after the cut-off is not in its figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportRunFiguresTests(AzuriteFixture azurite)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    static readonly DateTimeOffset ScheduledOccurrence = new(2025, 12, 14, 18, 0, 0, TimeSpan.Zero); // 15/12/2025 01:00 in Đà Nẵng

    [Fact]
    public async Task Gather_DefaultYearlyRunOpenedOnItsDay_MovementAfterTheCutOffIsNotInItsFigures()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            [StorageOptions.TablePrefixSetting] = "rrcut" + Guid.NewGuid().ToString("N")[..6],
            ["Nscl:AccessLinks:SigningKey"] = "report-figures-tests-signing-key-0123456789",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSingleton(EmbeddedCatalogue.Load());
        services.AddNsclInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();
        var clock = new FakeTimeProvider(ScheduledOccurrence);
        var runs = new TableReportRuns(provider.GetRequiredService<TableClientFactory>());
        var opener = new DefaultYearlyRunOpener(runs, Options.Create(new YearEndReportOptions()), YearEndReportLayout.Default, clock);
        var ledger = provider.GetRequiredService<IBudgetLedger>();
        var key = new BudgetKey("I.3", 2025);
        var before = new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero); // 23:00 on the cut-off day in Đà Nẵng
        var after = new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero); // 00:30 on 1 January in Đà Nẵng
        Assert.True((await ledger.ApplyAsync(new("cut-before", key, "app-cut-1", BudgetMovementKind.Reserve, 5_000_000, "t", "trước", before), default)).Applied);
        Assert.True((await ledger.ApplyAsync(new("cut-after", key, "app-cut-2", BudgetMovementKind.Reserve, 7_000_000, "t", "sau", after), default)).Applied);
        Assert.True((await ledger.ApplyAsync(new("cut-after-commit", key, "app-cut-1", BudgetMovementKind.Commit, 2_000_000, "t", "sau", after), default)).Applied);

        Assert.True(await opener.OpenAsync(2025, YearEndReportScheduler.Actor, CancellationToken.None));
        var run = (await runs.FindAsync(DefaultYearlyRunOpener.IdOf(2025), default))!;
        var producer = new ReportRunProducer(provider.GetRequiredService<ProgrammeCatalogue>(), ledger, new NoProgress(),
            provider.GetRequiredService<IIndicatorValueStore>(), YearEndReportLayout.Default, provider.GetRequiredService<IDocumentStore>(), clock);
        var version = await producer.GatherAsync(run, "test", CancellationToken.None);

        var documents = provider.GetRequiredService<IDocumentStore>();
        await using var snapshot = (await documents.OpenAsync(ReportRunProducer.DataKind, run.Id, version, default))!;
        var figures = (await JsonSerializer.DeserializeAsync<YearEndReportData>(snapshot.Content, Json))!;
        Assert.Equal((new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31)), (run.DataCutOff, figures.AsOf));
        Assert.Equal(5_000_000, figures.BudgetRows.Single(r => r.LineId == "I.3").In(2025)!.ApprovedVnd); // not the 7 million after the cut-off
        Assert.Equal(12_000_000, (await ledger.GetBalanceAsync(key, default)).UsedVnd);                       // which the ledger holds now
    }

    sealed class NoProgress : IProgrammeProgressSource
    {
        public Task<ProgrammeProgress> GetProgressAsync(int year, DateOnly asOf, CancellationToken cancellationToken) => Task.FromResult(ProgrammeProgress.None);
    }
}
