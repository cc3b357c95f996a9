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
