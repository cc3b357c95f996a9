using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>The per-mailbox submission count on Azurite: exact under races, a sliding 24 hours, replays free.</summary>
[Collection(AzuriteCollection.Name)]
public class TableContactEmailQuotaTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    TableContactEmailQuota Quota() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "quotatest" })));

    static string NewMailbox() => $"lien.he.{Guid.NewGuid():N}@congty.vn";

    [Fact]
    public async Task TryCount_TwentyAtOnceWithLimitThree_AllowsExactlyThree()
    {
        var quota = Quota();
        var email = NewMailbox();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => quota.TryCountAsync(email, $"key-{i}", 3, Now, CancellationToken.None)));

        Assert.Equal(3, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.InRange(d.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)));
    }

    [Fact]
    public async Task TryCount_SlidingDayAndReplays_CountEachKeyOnceWithin24Hours()
    {
        var quota = Quota();
        var email = NewMailbox();

        Assert.True((await quota.TryCountAsync(email, "a", 2, Now, CancellationToken.None)).Allowed);
        Assert.True((await quota.TryCountAsync(email.ToUpperInvariant().Replace("@", "+tag@", StringComparison.Ordinal), "b", 2, Now.AddHours(6), CancellationToken.None)).Allowed);
        var refused = await quota.TryCountAsync(email, "c", 2, Now.AddHours(7), CancellationToken.None);
        var replay = await quota.TryCountAsync(email, "a", 2, Now.AddHours(8), CancellationToken.None);
        var nextDay = await quota.TryCountAsync(email, "d", 2, Now.AddHours(24), CancellationToken.None);

        Assert.Equal((false, TimeSpan.FromHours(17)), (refused.Allowed, refused.RetryAfter));
        Assert.True(replay.Allowed);
        Assert.True(nextDay.Allowed); // "a" left the 24 hours
        Assert.False((await quota.TryCountAsync(email, "e", 2, Now.AddHours(25), CancellationToken.None)).Allowed);
    }
}
