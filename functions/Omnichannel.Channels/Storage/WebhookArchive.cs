using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// Writes every authentic payload to Blob storage before the hub answers, so nothing acknowledged is ever
/// lost; the blob name is the pointer that queue messages carry.
/// </summary>
public sealed class WebhookArchive(ChannelStorage storage)
{
    /// <summary>Archives the payload and returns its blob name. Names are unique (time + random), so no overwrite.</summary>
    public async Task<string> WriteAsync(ArchivedPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        await storage.EnsureCreatedAsync(cancellationToken);
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{payload.Channel}/{payload.Store}/{payload.ReceivedAt:yyyy/MM/dd/HHmmssfff}-{Guid.NewGuid():N}.json");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await StorageCall.RunAsync(() => storage.Archive.GetBlobClient(name).UploadAsync(
            new BinaryData(bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken));
        return name;
    }

    public async Task<ArchivedPayload> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = await StorageCall.RunAsync(() => storage.Archive.GetBlobClient(blobName).DownloadContentAsync(cancellationToken));
        return content.Value.Content.ToObjectFromJson<ArchivedPayload>()
            ?? throw new InvalidDataException($"Archived payload '{blobName}' is empty.");
    }
}
