using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>The real repository on Azurite: the behaviour the in-memory fake of the unit tests imitates.</summary>
[Collection(AzuriteCollection.Name)]
public class TableApplicationRepositoryTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    TableApplicationRepository Repository() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "repotest" })));

    static Application NewApplication() => new(
        ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray()),
        "NSCL-2026-ABCDEF",
        new ApplicationSubmission("0401234567", "Công ty A", "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
            "Áp dụng 5S", "Triển khai 5S tại xưởng sản xuất chính của công ty.", 100_000_000),
        "test-1",
        Now,
        Now.AddDays(7));

    [Fact]
    public async Task TryAdd_SameIdTwice_SecondReturnsFalseAndKeepsOneAuditEntry()
    {
        var repository = Repository();
        var application = NewApplication();
        var entry = new AuditEntry(application.Id, Now, AuditKinds.Submitted, "a@congty.vn", "Nộp hồ sơ");

        Assert.True(await repository.TryAddAsync(application, entry, CancellationToken.None));
        Assert.False(await repository.TryAddAsync(application, entry, CancellationToken.None));

        Assert.Single(await repository.ReadAuditAsync(application.Id, CancellationToken.None));
        var read = await repository.FindAsync(application.Id, CancellationToken.None);
        Assert.Equal(("Công ty A", ApplicationStatus.Submitted, 100_000_000L), (read!.Submission.EnterpriseName, read.Status, read.Submission.RequestedAmountVnd));
    }

    [Fact]
    public async Task Update_ConcurrentChanges_NoneIsLostAndEachHasItsAuditEntry()
    {
        var repository = Repository();
        var application = NewApplication();
        await repository.TryAddAsync(application, new AuditEntry(application.Id, Now, AuditKinds.Submitted, "x", "x"), CancellationToken.None);

        // Ten writers race to acknowledge receipt: exactly one may change the state; the others see it changed.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => repository.UpdateAsync(application.Id, a =>
            a.AcknowledgeReceipt(Now.AddMinutes(i))
                ? new AuditEntry(a.Id, Now.AddMinutes(i), AuditKinds.ReceiptAcknowledged, "system", $"writer {i}")
                : new AuditEntry(a.Id, Now.AddMinutes(i), AuditKinds.ReceiptAcknowledgedAgain, "system", $"writer {i}"),
            CancellationToken.None)));

        var audit = await repository.ReadAuditAsync(application.Id, CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, o!.Status));
        Assert.Single(audit, e => e.Kind == AuditKinds.ReceiptAcknowledged);
        Assert.Equal(9, audit.Count(e => e.Kind == AuditKinds.ReceiptAcknowledgedAgain));
    }

    [Fact]
    public async Task Update_ChangeReturnsNull_WritesNothing()
    {
        var repository = Repository();
        var application = NewApplication();
        await repository.TryAddAsync(application, new AuditEntry(application.Id, Now, AuditKinds.Submitted, "x", "x"), CancellationToken.None);

        await repository.UpdateAsync(application.Id, _ => null, CancellationToken.None);

        Assert.Single(await repository.ReadAuditAsync(application.Id, CancellationToken.None));
        Assert.Null(await repository.UpdateAsync("nosuchapplicationnosuchapp", _ => null, CancellationToken.None));
    }
}
