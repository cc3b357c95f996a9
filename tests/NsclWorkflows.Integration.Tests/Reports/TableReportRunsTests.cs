using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reports;

/// <summary>The report-run table on Azurite: one run per id, long narratives, and no lost update between two editors.</summary>
[Collection(AzuriteCollection.Name)]
public class TableReportRunsTests(AzuriteFixture azurite)
{
    TableReportRuns Store() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "rrtest" })));

    static ReportRun Run(string id) => ReportRunRules.Open(
        new("adHoc", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), "Bộ Khoa học và Công nghệ", new DateOnly(2099, 1, 1), null, null, null),
        id, "Nguyễn Văn Đức", DateTimeOffset.UtcNow, new DateOnly(2026, 1, 1)).Value! with { State = ReportRunState.Drafting };

    [Fact]
    public async Task TryAdd_SameIdTwice_KeepsTheFirst()
    {
        var store = Store();
        var id = "rr-t-" + Guid.NewGuid().ToString("N")[..8];

        Assert.True(await store.TryAddAsync(Run(id), CancellationToken.None));
        Assert.False(await store.TryAddAsync(Run(id) with { Addressee = "Khác" }, CancellationToken.None));
        Assert.Equal("Bộ Khoa học và Công nghệ", (await store.FindAsync(id, CancellationToken.None))!.Addressee);
    }

    [Fact]
    public async Task Update_NarrativeLongerThanOneTableProperty_RoundTripsWhole()
    {
        var store = Store();
        var id = "rr-t-" + Guid.NewGuid().ToString("N")[..8];
        await store.TryAddAsync(Run(id), CancellationToken.None);
        var text = string.Concat(Enumerable.Repeat("Đánh giá chung: các đơn vị phối hợp chặt chẽ. ", 400)); // ~19,000 characters, escaped far beyond 30,000

        var saved = await store.UpdateAsync(id, r => ReportRunRules.SaveNarrative(r, new(text, text, text, text), 0, "A", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.True(saved!.IsValid);
        var read = (await store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(text.Trim(), read.Narrative.Directions);
        Assert.Equal(1, read.Narrative.Revision);
    }

    [Fact]
    public async Task Update_TwoEditorsAtOnceFromTheSameRevision_OneSavesTheOtherIsRefused()
    {
        var store = Store();
        var id = "rr-t-" + Guid.NewGuid().ToString("N")[..8];
        await store.TryAddAsync(Run(id), CancellationToken.None);
        using var bothRead = new Barrier(2);

        ValidationResult<ReportRun> Save(ReportRun r, string who)
        {
            bothRead.SignalAndWait(TimeSpan.FromSeconds(10)); // both have read revision 0 before either writes (first attempt only)
            return ReportRunRules.SaveNarrative(r, new(who, who, who, who), 0, who, DateTimeOffset.UtcNow);
        }

        var attempts = 0;
        var results = await Task.WhenAll(
            Task.Run(() => store.UpdateAsync(id, r => Interlocked.Increment(ref attempts) <= 2 ? Save(r, "Cán bộ A") : ReportRunRules.SaveNarrative(r, new("A", "A", "A", "A"), 0, "Cán bộ A", DateTimeOffset.UtcNow), CancellationToken.None)),
            Task.Run(() => store.UpdateAsync(id, r => Interlocked.Increment(ref attempts) <= 2 ? Save(r, "Cán bộ B") : ReportRunRules.SaveNarrative(r, new("B", "B", "B", "B"), 0, "Cán bộ B", DateTimeOffset.UtcNow), CancellationToken.None)));

        Assert.Single(results, r => r!.IsValid);
        Assert.Equal("edited_by_someone_else", Assert.Single(results, r => !r!.IsValid)!.Errors[0].Code);
        Assert.Equal(1, (await store.FindAsync(id, CancellationToken.None))!.Narrative.Revision);
    }
}
