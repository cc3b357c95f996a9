using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>The blob document store on Azurite: versions are immutable, numbered without gaps, safe under races.</summary>
[Collection(AzuriteCollection.Name)]
public class BlobDocumentStoreTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Now = new(2025, 12, 15, 1, 0, 0, TimeSpan.FromHours(7));
    const string FileName = "Báo cáo kết quả thực hiện Kế hoạch năm 2025 <&>.docx";

    BlobDocumentStore Store() => new(
        new BlobServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "doctest" }));

    static string NewScope() => "s" + Guid.NewGuid().ToString("N");

    static NewDocument Doc(string scope, string text, string? source = null) => new(
        DocumentKinds.YearEndReport, scope, FileName, DocumentKinds.WordContentType, Encoding.UTF8.GetBytes(text),
        "Nguyễn Thị Hạnh", Now, source);

    [Fact]
    public async Task AddVersion_Twice_KeepsTheFirstVersionUnchangedAndOpensTheSecondAsLatest()
    {
        var store = Store();
        var scope = NewScope();

        var first = await store.AddVersionAsync(Doc(scope, "bản thứ nhất"), CancellationToken.None);
        var second = await store.AddVersionAsync(Doc(scope, "bản thứ hai"), CancellationToken.None);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal("bản thứ nhất", await ReadAsync(await store.OpenAsync(DocumentKinds.YearEndReport, scope, 1, CancellationToken.None)));
        Assert.Equal("bản thứ hai", await ReadAsync(await store.OpenLatestAsync(DocumentKinds.YearEndReport, scope, CancellationToken.None)));
        var listed = await store.ListVersionsAsync(DocumentKinds.YearEndReport, scope, CancellationToken.None);
        Assert.Equal([first, second], listed);
        Assert.Equal(FileName, listed[0].FileName);
        Assert.Equal("Nguyễn Thị Hạnh", listed[0].CreatedBy);
        Assert.Equal(Now, listed[0].CreatedAtUtc);
        Assert.Equal(DocumentKinds.WordContentType, listed[0].ContentType);
    }

    [Fact]
    public async Task AddVersion_EightWritersAtOnce_GivesEightDistinctVersionsEachWithItsOwnContent()
    {
        var store = Store();
        var scope = NewScope();

        var stored = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.AddVersionAsync(Doc(scope, $"nội dung {i}"), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 8), stored.Select(s => s.Version).Order());
        foreach (var version in stored)
        {
            var text = await ReadAsync(await store.OpenAsync(DocumentKinds.YearEndReport, scope, version.Version, CancellationToken.None));
            Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        }

        Assert.Equal(8, stored.Select(s => s.Sha256).Distinct().Count());
    }

    [Fact]
    public async Task AddVersion_SameSourceTwice_StoresOneVersion()
    {
        var store = Store();
        var scope = NewScope();

        var first = await store.AddVersionAsync(Doc(scope, "lần chạy 1", "year-end-2025-202512141800"), CancellationToken.None);
        var again = await store.AddVersionAsync(Doc(scope, "lần chạy 1 (chạy lại)", "year-end-2025-202512141800"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(await store.ListVersionsAsync(DocumentKinds.YearEndReport, scope, CancellationToken.None));
        Assert.Equal("lần chạy 1", await ReadAsync(await store.OpenLatestAsync(DocumentKinds.YearEndReport, scope, CancellationToken.None)));
    }

    [Fact]
    public async Task OpenLatest_NothingStored_ReturnsNull()
    {
        Assert.Null(await Store().OpenLatestAsync(DocumentKinds.ApprovalDecision, NewScope(), CancellationToken.None));
    }

    [Fact]
    public async Task AddVersion_BlobNames_AreKindScopeAndFourDigitVersion()
    {
        var store = Store();
        var scope = NewScope();
        await store.AddVersionAsync(Doc(scope, "a"), CancellationToken.None);
        await store.AddVersionAsync(Doc(scope, "b"), CancellationToken.None);

        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("doctest" + BlobDocumentStore.ContainerSuffix);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{DocumentKinds.YearEndReport}/{scope}/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        Assert.Equal([$"year-end-report/{scope}/0001.docx", $"year-end-report/{scope}/0002.docx"], names);
    }

    [Fact]
    public async Task AddVersion_FromAStream_StoresItsWholeContentWithItsLengthAndHashAndIsIdempotentPerSource()
    {
        var store = Store();
        var scope = NewScope();
        var text = string.Concat(Enumerable.Repeat("Báo cáo năm 2026 – Hòa Khánh; ", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        await file.WriteAsync(bytes);

        var stored = await store.AddVersionAsync(Doc(scope, string.Empty, "run-1") with { Content = ReadOnlyMemory<byte>.Empty }, file, CancellationToken.None);
        var again = await store.AddVersionAsync(Doc(scope, string.Empty, "run-1") with { Content = ReadOnlyMemory<byte>.Empty }, file, CancellationToken.None);

        Assert.Equal(stored, again);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(text, await ReadAsync(await store.OpenLatestAsync(DocumentKinds.YearEndReport, scope, CancellationToken.None)));
    }

    static async Task<string> ReadAsync(DocumentContent? content)
    {
        Assert.NotNull(content);
        await using (content)
        {
            using var reader = new StreamReader(content.Content, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }
}
