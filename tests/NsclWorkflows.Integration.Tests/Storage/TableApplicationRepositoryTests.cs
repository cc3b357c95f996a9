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

    TableApplicationRepository Repository() => new(Tables());

    TableClientFactory Tables() => new(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "repotest" }));

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

    [Fact]
    public async Task FindAsync_SubmissionWithTheFormsParticulars_RoundTripsEveryField()
    {
        var repository = Repository();
        var original = NewApplication();
        var submission = original.Submission with
        {
            LegalRepresentativeName = "Trần Văn Minh",
            LegalRepresentativePosition = "Giám đốc",
            Address = "Lô 12, đường số 3, phường Hòa Khánh",
            DistrictId = "lien-chieu",
            SectorCode = "25",
            Employees = 45,
            RevenueBandId = "tren-10-den-50-ty",
            OwnContributionVnd = 0,
            DurationMonths = 12,
        };
        var application = new Application(original.Id, original.TrackingCode, submission, original.CatalogueVersion, Now, Now.AddDays(7));
        await repository.TryAddAsync(application, new AuditEntry(application.Id, Now, AuditKinds.Submitted, "x", "x"), CancellationToken.None);

        var read = await repository.FindAsync(application.Id, CancellationToken.None);

        Assert.Equal(submission, read!.Submission);
        Assert.Equal(0, read.Submission.OwnContributionVnd);
    }

    [Fact]
    public async Task UpdateAsync_ParticularsCorrectedWithCoFunding_StoredAndReadBack()
    {
        var repository = Repository();
        var original = NewApplication();
        var declared = original.Submission with { CoFunding = [new CoFundingSource("khuyen-cong", "Chương trình khuyến công thành phố Đà Nẵng", 50_000_000)] };
        var application = new Application(original.Id, original.TrackingCode, declared, original.CatalogueVersion, Now, Now.AddDays(7));
        await repository.TryAddAsync(application, new AuditEntry(application.Id, Now, AuditKinds.Submitted, "x", "x"), CancellationToken.None);
        Assert.Equal(declared.CoFunding, (await repository.FindAsync(application.Id, CancellationToken.None))!.Submission.CoFunding);

        var correction = new ParticularsCorrection { CoFunding = [new CoFundingDraft("khac", "Quỹ <Hiệp hội> & \"Doanh nghiệp\"", 30_000_000)] };
        var corrected = correction.ApplyTo(declared, NsclWorkflows.Domain.Catalogue.EmbeddedCatalogue.Load()).Corrected!;
        await repository.UpdateAsync(application.Id, stored =>
        {
            stored.CorrectParticulars(corrected);
            return new AuditEntry(application.Id, Now, AuditKinds.Approved, "x", "x");
        }, CancellationToken.None);

        var after = (await repository.FindAsync(application.Id, CancellationToken.None))!.Submission;
        Assert.Equal([new CoFundingSource("khac", "Quỹ <Hiệp hội> & \"Doanh nghiệp\"", 30_000_000)], after.CoFunding);
        Assert.Equal(declared.Title, after.Title);
    }

    [Fact]
    public async Task FindAsync_RowWrittenBeforeTheFormAskedForParticulars_ReadsWithTheFieldsNull()
    {
        var id = ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray());
        var table = await Tables().GetAsync(TableNames.Applications, CancellationToken.None);
        // The columns an application row had before the legal representative, address, sector, size, own contribution and duration.
        await table.AddEntityAsync(new TableEntity(id, "application")
        {
            ["TrackingCode"] = "NSCL-2025-OLD001", ["EnterpriseCode"] = "0401234567", ["EnterpriseName"] = "Công ty Cũ", ["ContactName"] = "Nguyễn Văn A",
            ["ContactEmail"] = "a@congty.vn", ["Phone"] = "0236382200", ["SupportKindId"] = "productivity-tools", ["Title"] = "Áp dụng 5S",
            ["Summary"] = "Triển khai 5S tại xưởng sản xuất chính của công ty.", ["RequestedAmountVnd"] = 100_000_000L, ["CatalogueVersion"] = "test-1",
            ["SubmittedAtUtc"] = Now, ["CompletenessDeadlineUtc"] = Now.AddDays(7), ["Status"] = "AwaitingCompletenessReview", ["UpdatedAtUtc"] = Now,
        });

        var read = await Repository().FindAsync(id, CancellationToken.None);

        Assert.Equal("Công ty Cũ", read!.Submission.EnterpriseName);
        Assert.Null(read.Submission.LegalRepresentativeName);
        Assert.Null(read.Submission.Address);
        Assert.Null(read.Submission.DistrictId);
        Assert.Null(read.Submission.SectorCode);
        Assert.Null(read.Submission.Employees);
        Assert.Null(read.Submission.OwnContributionVnd);
        Assert.Null(read.Submission.CoFunding);
        Assert.Null(read.Submission.DurationMonths);
        Assert.Null(read.Submission.FullAddress());
    }
}
