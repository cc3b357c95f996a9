using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>The idempotency store on Azurite, on a fake clock: keys are remembered for the retention, then forgotten and cleaned.</summary>
[Collection(AzuriteCollection.Name)]
public class TableIdempotencyStoreTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider clock = new(Start);

    TableIdempotencyStore Store(string prefix, int retentionHours = 72) => new(
        new TableClientFactory(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix })),
        Options.Create(new IdempotencyOptions { RetentionHours = retentionHours }),
        clock,
        NullLogger<TableIdempotencyStore>.Instance);

    IdempotencyRecord Candidate(string key, string fingerprint = "f1") =>
        new(key, fingerprint, "app" + Guid.NewGuid().ToString("N")[..20], "NSCL-2026-ABCDEF", clock.GetUtcNow());

    static string Prefix() => "idem" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GetOrAdd_RepeatWithinRetention_ReturnsTheFirstRecordWithItsLinkGeneration()
    {
        var store = Store(Prefix());
        var first = Candidate("key-within") with { AccessGeneration = 0 };
        Assert.Same(first, await store.GetOrAddAsync(first, CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(71));
        var repeat = await store.GetOrAddAsync(Candidate("key-within"), CancellationToken.None);

        Assert.Equal((first.ApplicationId, first.RequestFingerprint, first.CreatedAtUtc, 0), (repeat.ApplicationId, repeat.RequestFingerprint, repeat.CreatedAtUtc, repeat.AccessGeneration));
    }

    [Fact]
    public async Task GetOrAdd_RepeatAfterRetention_KeyStandsForTheNewRequestFromThenOn()
    {
        var store = Store(Prefix());
        var first = Candidate("key-expired");
        await store.GetOrAddAsync(first, CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(72));
        var later = Candidate("key-expired", fingerprint: "f2");
        var answered = await store.GetOrAddAsync(later, CancellationToken.None);
        var again = await store.GetOrAddAsync(Candidate("key-expired", fingerprint: "f3"), CancellationToken.None);

        Assert.Same(later, answered);
        Assert.Equal((later.ApplicationId, "f2"), (again.ApplicationId, again.RequestFingerprint));
    }

    [Fact]
    public async Task RemoveExpired_MixOfAges_DeletesOnlyTheExpiredRows()
    {
        var prefix = Prefix();
        var store = Store(prefix, retentionHours: 24);
        await store.GetOrAddAsync(Candidate("old-1"), CancellationToken.None);
        await store.GetOrAddAsync(Candidate("old-2"), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(20));
        var young = Candidate("young");
        await store.GetOrAddAsync(young, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(5)); // old ones: 25 h; young: 5 h

        var removed = await store.RemoveExpiredAsync(CancellationToken.None);
        var second = await store.RemoveExpiredAsync(CancellationToken.None);

        Assert.Equal((2, 0), (removed, second));
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + TableNames.IdempotencyKeys);
        var left = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            left.Add(row);
        }

        Assert.Equal(young.ApplicationId, Assert.Single(left).GetString("ApplicationId"));
        Assert.Equal(young.ApplicationId, (await store.GetOrAddAsync(Candidate("young"), CancellationToken.None)).ApplicationId);
    }
}
