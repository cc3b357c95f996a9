using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Calls;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Calls;

/// <summary>The real call repository on Azurite: the call's row round-trips, changes are ETag-guarded, the application index is idempotent.</summary>
[Collection(AzuriteCollection.Name)]
public class TableCallRepositoryTests(AzuriteFixture azurite)
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    TableCallRepository Repository() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "calltest" })), TimeProvider.System);

    static Call NewCall() => CallRules.Open(CallIds.FromRandom(Guid.NewGuid().ToByteArray()),
        new CallOpenRequest("Đợt tuyển chọn <b>2025</b> & NSCL", ["science-technology-task"], 2025, 500_000_000, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 14), null, null),
        new CallOfficer("oid-leader", "Lê Văn Lãnh Đạo"), Catalogue, ApplicationForm.Shipped, VietnamStatutoryCalendar.FromEmbeddedData(),
        new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero)).Call!;

    [Fact]
    public async Task TryAdd_ThenFind_RoundTripsAndRefusesTheSameIdTwice()
    {
        var repository = Repository();
        var call = NewCall();

        Assert.True(await repository.TryAddAsync(call, CancellationToken.None));
        Assert.False(await repository.TryAddAsync(call, CancellationToken.None));

        var read = (await repository.FindAsync(call.Id, CancellationToken.None))!;
        Assert.Equal((call.Title, call.ClosesOn, call.ClosesAtUtc, call.EnvelopeVnd, call.RubricId), (read.Title, read.ClosesOn, read.ClosesAtUtc, read.EnvelopeVnd, read.RubricId));
        Assert.Equal(call.SupportKindIds, read.SupportKindIds);
        Assert.Equal(call.RequiredDocuments, read.RequiredDocuments);
        Assert.Contains(await repository.ListAsync(CancellationToken.None), c => c.Id == call.Id);
        Assert.Null(await repository.FindAsync("hd-not-a-call", CancellationToken.None));
    }

    [Fact]
    public async Task Update_ConcurrentNotes_BothKept()
    {
        var repository = Repository();
        var call = NewCall();
        await repository.TryAddAsync(call, CancellationToken.None);

        await Task.WhenAll(
            repository.UpdateAsync(call.Id, c => Task.FromResult(CallRules.AddNote(c, "Ghi chú một", DateTimeOffset.UnixEpoch)), CancellationToken.None),
            repository.UpdateAsync(call.Id, c => Task.FromResult(CallRules.AddNote(c, "Ghi chú hai", DateTimeOffset.UnixEpoch)), CancellationToken.None));

        var notes = (await repository.FindAsync(call.Id, CancellationToken.None))!.Notes.Select(n => n.Text).Order();
        Assert.Equal(["Ghi chú hai", "Ghi chú một"], notes);
    }

    [Fact]
    public async Task AddApplication_Twice_ListedOnceInTheOrderReceived()
    {
        var repository = Repository();
        var call = NewCall();

        await repository.AddApplicationAsync(call.Id, "app-b", CancellationToken.None);
        await repository.AddApplicationAsync(call.Id, "app-a", CancellationToken.None);
        await repository.AddApplicationAsync(call.Id, "app-b", CancellationToken.None);

        Assert.Equal(["app-b", "app-a"], await repository.ApplicationIdsAsync(call.Id, CancellationToken.None));
        Assert.Empty(await repository.ApplicationIdsAsync(NewCall().Id, CancellationToken.None));
    }
}
