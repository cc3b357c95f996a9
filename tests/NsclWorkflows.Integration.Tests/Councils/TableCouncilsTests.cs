using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Councils;

/// <summary>The councils table on Azurite: one council per id, listed by unit, and no sheet lost when members send at once.</summary>
[Collection(AzuriteCollection.Name)]
public class TableCouncilsTests(AzuriteFixture azurite)
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static Rubric Rubric => Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh");

    TableCouncils Store() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "hdtest" })));

    static Council Council(string id, string unit = "skhcn")
    {
        string[] roles = ["chair", "vice-chair", "secretary", "reviewer", "member"];
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var request = new CouncilRequest("Hội đồng thử", "appraisal", null, "1/QĐ-SKHCN", today, "Nguyễn Văn Ký", null,
            [.. roles.Select((r, i) => new CouncilMemberRequest($"Thành viên {i + 1}", null, null, $"tv{i + 1}@example.vn", r))], today.AddDays(5));
        var founded = CouncilRules.Found(request, id, unit, "Lãnh đạo", now, today, Catalogue.CouncilPolicy,
            [new("aaaaaaaaaaaaaaaaaaaaaaaaaa", "NSCL-A", "Công ty A", "Nhiệm vụ A", "standards-management-systems", 300_000_000)]);
        var council = founded.Value!;
        foreach (var m in council.Members.Select(m => m.Id))
        {
            council = CouncilRules.Declare(council, m, false, null, null, now).Value!;
        }

        return council;
    }

    static ActionRequest Sheet(string who) => new(LifecycleAction.SubmitAppraisal, who, "Council")
    {
        Positive = true,
        AmountVnd = 100_000_000,
        Scores = [.. Rubric.Criteria.Select(c => new CriterionScore(c.Id, c.MaxScore, c.MaxScore) { Comment = "Nhận xét của " + who })],
    };

    static Council ForFile(string id, string file) =>
        Council(id) with { Applications = [Council(id).Applications[0] with { ApplicationId = file }] };

    [Fact]
    public async Task TryClaimFiles_TwoFoundersAtOnce_ExactlyOneClaimsEachTime()
    {
        var store = Store();
        for (var round = 0; round < 10; round++)
        {
            var file = Guid.NewGuid().ToString("N")[..26];
            var a = ForFile("hd-a-" + Guid.NewGuid().ToString("N")[..8], file);
            var b = ForFile("hd-b-" + Guid.NewGuid().ToString("N")[..8], file);
            var now = DateTimeOffset.UtcNow;

            var claims = await Task.WhenAll(store.TryClaimFilesAsync(a, now, default), store.TryClaimFilesAsync(b, now, default));

            Assert.Single(claims, c => c is null);
            var refused = Assert.Single(claims, c => c is not null)!.Value;
            Assert.Equal(file, refused.ApplicationId);
            Assert.Contains(refused.CouncilId, new[] { a.Id, b.Id });
        }
    }

    [Fact]
    public async Task TryClaimFiles_HolderStoredOpenNeverStoredOrClosed_RefusedWhileItHoldsTakenOverAfter()
    {
        var store = Store();
        var file = Guid.NewGuid().ToString("N")[..26];
        var now = DateTimeOffset.UtcNow;
        var first = ForFile("hd-1-" + Guid.NewGuid().ToString("N")[..8], file);
        Assert.Null(await store.TryClaimFilesAsync(first, now, default));
        Assert.Null(await store.TryClaimFilesAsync(first, now, default)); // the same founding again: still its own

        // Claimed but not stored yet: held for the founding window, then free.
        var second = ForFile("hd-2-" + Guid.NewGuid().ToString("N")[..8], file);
        Assert.Equal((file, first.Id), await store.TryClaimFilesAsync(second, now.AddSeconds(30), default));
        Assert.Null(await store.TryClaimFilesAsync(second, now + CouncilRules.FoundingWindow + TimeSpan.FromSeconds(1), default));

        // Stored and open: held whatever the time; the other purpose is not held.
        Assert.True(await store.TryAddAsync(second, default));
        var third = ForFile("hd-3-" + Guid.NewGuid().ToString("N")[..8], file);
        Assert.Equal((file, second.Id), await store.TryClaimFilesAsync(third, now.AddHours(5), default));
        Assert.Null(await store.TryClaimFilesAsync(third with { Purpose = CouncilPurpose.Evaluation }, now.AddHours(5), default));

        // Closed: no longer held.
        await store.UpdateAsync(second.Id, c => ValidationResult<Council>.Ok(c with { State = CouncilState.Closed }), default);
        Assert.Null(await store.TryClaimFilesAsync(third, now.AddHours(5), default));
    }

    [Fact]
    public async Task TryAdd_SameIdTwice_KeepsTheFirstAndListsByUnit()
    {
        var store = Store();
        var id = "hd-t-" + Guid.NewGuid().ToString("N")[..8];
        var unit = "u" + Guid.NewGuid().ToString("N")[..6];

        Assert.True(await store.TryAddAsync(Council(id, unit), CancellationToken.None));
        Assert.False(await store.TryAddAsync(Council(id, unit) with { Name = "Khác" }, CancellationToken.None));

        Assert.Equal("Hội đồng thử", (await store.FindAsync(id, CancellationToken.None))!.Name);
        Assert.Equal([id], (await store.ListAsync(unit, CancellationToken.None)).Select(c => c.Id));
        Assert.Empty(await store.ListAsync("other-" + unit, CancellationToken.None));
    }

    [Fact]
    public async Task Update_TwoMembersScoreAtOnce_BothSheetsKept()
    {
        var store = Store();
        var id = "hd-t-" + Guid.NewGuid().ToString("N")[..8];
        await store.TryAddAsync(Council(id), CancellationToken.None);
        using var bothRead = new Barrier(2);
        var attempts = 0;

        ValidationResult<Council> Score(Council c, string member)
        {
            if (Interlocked.Increment(ref attempts) <= 2)
            {
                bothRead.SignalAndWait(TimeSpan.FromSeconds(10)); // both read the council without either sheet before either writes
            }

            return CouncilRules.Score(c, member, "aaaaaaaaaaaaaaaaaaaaaaaaaa", Sheet(member), Rubric, DateTimeOffset.UtcNow);
        }

        var results = await Task.WhenAll(
            Task.Run(() => store.UpdateAsync(id, c => Score(c, "m1"), CancellationToken.None)),
            Task.Run(() => store.UpdateAsync(id, c => Score(c, "m2"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r!.IsValid));
        Assert.True(attempts >= 3, "one of the two wrote on a stale read and was applied again");
        var stored = (await store.FindAsync(id, CancellationToken.None))!;
        Assert.Single(stored.Member("m1")!.Sheets);
        Assert.Single(stored.Member("m2")!.Sheets);
        Assert.Equal("Nhận xét của m2", stored.Member("m2")!.Sheets[0].Scores[0].Comment);
    }
}
