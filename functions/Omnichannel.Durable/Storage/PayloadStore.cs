using Azure.Storage.Blobs;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Storage;

/// <summary>
/// Moves values too large for a table property or queue message to blobs, leaving a reference. JSON never
/// starts with '@', so the reference cannot be mistaken for a value.
/// </summary>
internal sealed class PayloadStore(BlobContainerClient container)
{
    /// <summary>Table string properties hold 64 KB of UTF-16: 32K characters; keep a margin.</summary>
    public const int MaxTableChars = 30_000;

    /// <summary>Queue messages hold 64 KB after Base64: 48 KB of text; keep a margin.</summary>
    public const int MaxQueueBytes = 45_000;

    private const string Marker = "@blob:";

    public BlobContainerClient Container => container;

    public static bool IsReference(string? value) => value is not null && value.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The value itself when it fits in <paramref name="maxChars"/>, otherwise a reference to a new blob.</summary>
    public async Task<string?> StoreAsync(string instanceId, string? value, int maxChars, CancellationToken cancellationToken)
    {
        if (value is null || value.Length <= maxChars)
        {
            return value;
        }

        var name = $"{TableKeys.Escape(instanceId)}/{Guid.NewGuid():N}";
        await StorageCall.RunAsync(() => container.GetBlobClient(name).UploadAsync(BinaryData.FromString(value), overwrite: true, cancellationToken));
        return Marker + name;
    }

    /// <summary>The value behind a reference, or the value itself.</summary>
    public async Task<string?> ResolveAsync(string? stored, CancellationToken cancellationToken)
    {
        if (!IsReference(stored))
        {
            return stored;
        }

        var blob = container.GetBlobClient(stored![Marker.Length..]);
        var content = await StorageCall.RunAsync(() => blob.DownloadContentAsync(cancellationToken));
        return content.Value.Content.ToString();
    }

    /// <summary>Deletes every payload blob of an instance; returns how many.</summary>
    public async Task<int> DeleteForAsync(string instanceId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, TableKeys.Escape(instanceId) + "/", cancellationToken: cancellationToken))
        {
            await StorageCall.RunAsync(() => container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken));
            deleted++;
        }

        return deleted;
    }
}
