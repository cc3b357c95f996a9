using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Local.Email;

/// <summary>One captured message: the SendGrid v3 body exactly as received, when, and the id given back in <c>X-Message-Id</c>.</summary>
public sealed record CapturedMessage(string Id, DateTimeOffset ReceivedAtUtc, JsonObject Message);

/// <summary>
/// The captured messages, in a blob container of the app's storage account (<c>{prefix}devoutbox</c>; Azurite locally),
/// so they survive restarts of the host. Blob names sort newest first.
/// </summary>
public sealed class OutboxStore(IOptions<StorageOptions> storage, TimeProvider time)
{
    readonly BlobContainerClient client = new BlobServiceClient(storage.Value.ConnectionString).GetBlobContainerClient(storage.Value.TableName("devoutbox"));
    volatile bool created;

    public async Task<CapturedMessage> AddAsync(JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var id = $"{long.MaxValue - now.UtcTicks:D19}-{Guid.NewGuid():N}";
        var blob = (await ContainerAsync(cancellationToken)).GetBlobClient(id + ".json");
        await blob.UploadAsync(BinaryData.FromString(message.ToJsonString()), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["receivedAtUtc"] = now.ToString("O") },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, cancellationToken);
        return new CapturedMessage(id, now, message);
    }

    /// <summary>The newest <paramref name="limit"/> messages, newest first.</summary>
    public async Task<IReadOnlyList<CapturedMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await ContainerAsync(cancellationToken);
        var messages = new List<CapturedMessage>();
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (messages.Count >= limit)
            {
                break;
            }

            var content = await client.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            var received = item.Metadata.TryGetValue("receivedAtUtc", out var at) ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : default;
            if (JsonNode.Parse(content.Value.Content.ToString()) is JsonObject message)
            {
                messages.Add(new CapturedMessage(Path.GetFileNameWithoutExtension(item.Name), received, message));
            }
        }

        return messages;
    }

    /// <summary>Deletes every captured message.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await ContainerAsync(cancellationToken);
        await foreach (var item in client.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            await client.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken);
        }
    }

    async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }

        return client;
    }
}
