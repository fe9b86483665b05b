using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Omnichannel.Channels.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// Writes every authentic payload to Blob storage before the hub answers, so nothing acknowledged is ever
/// lost; the blob name is the pointer that queue messages carry.
/// </summary>
public sealed class WebhookArchiveStore(ChannelStorage storage)
{
    /// <summary>Archives the payload and returns its blob name. Names are unique (time + random), so no overwrite.</summary>
    public async Task<string> WriteAsync(ArchivedPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var name = NewName(payload);
        await WriteAsync(name, payload, cancellationToken);
        return name;
    }

    /// <summary>Archives the payload under <paramref name="name"/> from <see cref="NewName"/> (known before the upload, so a claim can name it).</summary>
    public Task WriteAsync(string name, ArchivedPayload payload, CancellationToken cancellationToken) => UploadJsonAsync(name, payload, cancellationToken);

    /// <summary>A new, unique blob name for the payload: channel/store/date/time-random.json.</summary>
    public static string NewName(ArchivedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{payload.Channel}/{payload.Store}/{payload.ReceivedAt:yyyy/MM/dd/HHmmssfff}-{Guid.NewGuid():N}.json");
    }

    /// <summary>
    /// Keeps the order as mapped from an archived payload that no webhook adapter can read again (a poll page,
    /// a fetched order), beside that payload, so the order flow reads exactly what was forwarded. Overwrites:
    /// the same payload always maps to the same order.
    /// </summary>
    public Task WriteMappedOrderAsync(string archiveBlob, CanonicalOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return UploadJsonAsync(MappedOrderName(archiveBlob, order.ChannelOrderId), order, cancellationToken);
    }

    /// <summary>The order kept by <see cref="WriteMappedOrderAsync"/>; null when none was kept.</summary>
    public async Task<CanonicalOrder?> ReadMappedOrderAsync(string archiveBlob, string channelOrderId, CancellationToken cancellationToken)
    {
        var content = await StorageCall.TryGetAsync(() => storage.Archive.GetBlobClient(MappedOrderName(archiveBlob, channelOrderId)).DownloadContentAsync(cancellationToken));
        return content?.Value.Content.ToObjectFromJson<CanonicalOrder>();
    }

    public async Task<ArchivedPayload> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = await StorageCall.RunAsync(() => storage.Archive.GetBlobClient(blobName).DownloadContentAsync(cancellationToken));
        return content.Value.Content.ToObjectFromJson<ArchivedPayload>()
            ?? throw new InvalidDataException($"Archived payload '{blobName}' is empty.");
    }

    private static string MappedOrderName(string archiveBlob, string channelOrderId) =>
        $"{archiveBlob}.orders/{Uri.EscapeDataString(channelOrderId)}.json";

    private async Task UploadJsonAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await StorageCall.RunAsync(() => storage.Archive.GetBlobClient(name).UploadAsync(
            new BinaryData(JsonSerializer.SerializeToUtf8Bytes(value)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken));
    }
}
