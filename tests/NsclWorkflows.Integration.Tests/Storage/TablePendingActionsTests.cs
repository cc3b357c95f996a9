using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>Accepted actions kept on Azurite: read back whole and in acceptance order, removed once, however large their texts.</summary>
[Collection(AzuriteCollection.Name)]
public class TablePendingActionsTests(AzuriteFixture azurite)
{
    TablePendingActions NewStore() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = $"pa{Guid.NewGuid():N}"[..15] })));

    [Fact]
    public async Task AddListRemove_ReadsBackEveryFieldInAcceptanceOrderAndRemovesOnce()
    {
        var store = NewStore();
        var at = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var appraisal = new ActionRequest(LifecycleAction.SubmitAppraisal, "Thẩm định <b>", "Appraiser")
        {
            ActionId = "b2", Positive = true, AmountVnd = 200_000_000, ExpectedVersion = 3,
            Scores = [new CriterionScore("Tính khả thi", 35.5m, 40)], Note = "Đề nghị hỗ trợ; \"ổn\"",
        };
        var signed = new ActionRequest(LifecycleAction.RecordSignedDecision, "lanh.dao", "Leader") { ActionId = "a1", SignedOn = new DateOnly(2026, 12, 1) };
        await store.AddAsync("app1", appraisal, at.AddMinutes(1), default);
        await store.AddAsync("app1", signed, at, default);
        await store.AddAsync("app2", signed with { ActionId = "c3" }, at, default);

        var kept = await store.ListAsync("app1", default);

        Assert.Equal(["a1", "b2"], kept.Select(a => a.ActionId));
        Assert.Equal(new DateOnly(2026, 12, 1), kept[0].SignedOn);
        var read = kept[1];
        Assert.Equal((appraisal.Action, appraisal.ActorName, appraisal.Positive, appraisal.AmountVnd, appraisal.ExpectedVersion, appraisal.Note),
            (read.Action, read.ActorName, read.Positive, read.AmountVnd, read.ExpectedVersion, read.Note));
        Assert.Equal(appraisal.Scores, read.Scores);

        await store.RemoveAsync("app1", "a1", default);
        await store.RemoveAsync("app1", "a1", default); // a step's activity run twice

        Assert.Equal(["b2"], (await store.ListAsync("app1", default)).Select(a => a.ActionId));
        Assert.Single(await store.ListAsync("app2", default));
    }

    [Fact]
    public async Task Add_ActionOverOneProperty_StoredInPartsAndReadBackWhole()
    {
        var store = NewStore();
        // The largest body the rules allow: every list item at its longest, the note too (over 64 KiB as UTF-8).
        var items = Enumerable.Range(0, Domain.Lifecycle.Actions.BodyRules.MaxItems)
            .Select(i => $"{i:D2} " + new string('ư', Domain.Lifecycle.Actions.BodyRules.MaxItemLength - 3)).ToList();
        var action = new ActionRequest(LifecycleAction.RequestSupplementation, "can.bo", "Officer") { ActionId = "big", MissingItems = items, Note = new string('ệ', Domain.Lifecycle.Actions.BodyRules.MaxText) };

        await store.AddAsync("app", action, DateTimeOffset.UtcNow, default);

        var read = Assert.Single(await store.ListAsync("app", default));
        Assert.Equal(items, read.MissingItems);
        Assert.Equal(action.Note, read.Note);
    }
}
