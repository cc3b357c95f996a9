using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>The indicator values' log on Azurite: entries round-trip exactly, per target, oldest first, never replaced.</summary>
[Collection(AzuriteCollection.Name)]
public class TableIndicatorValuesTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    TableIndicatorValues Store(string prefix) => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix })));

    static string NewPrefix() => "indicators" + Guid.NewGuid().ToString("N")[..8];

    static IndicatorValue Entry(string targetId, decimal value, IndicatorPeriod period, DateTimeOffset at, string? note = null) =>
        new($"{at.UtcDateTime:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}"[..34], targetId, value, period,
            "Viện Nghiên cứu Phát triển kinh tế – xã hội thành phố Đà Nẵng, Báo cáo số 45/BC-VNC ngày 20/01/2026", note,
            "oid-lanh-dao", "Lê Thị Ánh Dương", at);

    [Fact]
    public async Task AppendAndList_TwoEntriesOfATarget_ComeBackExactlyOldestFirstAndApartFromOtherTargets()
    {
        var store = Store(NewPrefix());
        var first = Entry("tfp-contribution-2025", 46.25m, IndicatorPeriod.OfYear(2025), Now);
        var correction = Entry("tfp-contribution-2025", -3.5m, new IndicatorPeriod(new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)), Now.AddMinutes(5),
            "Điều chỉnh theo số liệu chính thức.\nDòng thứ hai.");
        var other = Entry("experts-certified", 16m, IndicatorPeriod.OfYear(2026), Now.AddMinutes(1));

        await store.AppendAsync(correction, CancellationToken.None);
        await store.AppendAsync(first, CancellationToken.None);
        await store.AppendAsync(other, CancellationToken.None);
        var tfp = await store.ListAsync("tfp-contribution-2025", CancellationToken.None);
        var all = await store.AllAsync(CancellationToken.None);

        Assert.Equal([first, correction], tfp);
        Assert.Equal(3, all.Count);
        Assert.Contains(other, all);
        Assert.Empty(await store.ListAsync("st-tasks", CancellationToken.None));
    }

    [Fact]
    public async Task Append_SameEntryTwice_IsRefusedAndTheFirstStays()
    {
        var store = Store(NewPrefix());
        var entry = Entry("tfp-contribution-2025", 46.2m, IndicatorPeriod.OfYear(2025), Now);
        await store.AppendAsync(entry, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => store.AppendAsync(entry with { Value = 99m }, CancellationToken.None));

        Assert.Equal(409, conflict.Status);
        Assert.Equal([entry], await store.ListAsync(entry.TargetId, CancellationToken.None));
    }

    [Fact]
    public async Task AllAsync_NothingRecordedYet_IsEmptyAndCreatesTheTable()
    {
        var prefix = NewPrefix();

        Assert.Empty(await Store(prefix).AllAsync(CancellationToken.None));
        var found = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(t => t.Name == prefix + TableIndicatorValues.TableName))
        {
            found.Add(table.Name);
        }

        Assert.Equal([prefix + TableIndicatorValues.TableName], found);
    }
}
