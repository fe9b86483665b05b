using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Omnichannel.Storage.Errors;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Feeds;

/// <summary>
/// The latest feed per name in Blob storage, <c>{name}/latest.tsv</c> or <c>{name}/latest.csv</c>, replaced
/// in one upload (readers see the old or the new file, never a mix), its generation time in the blob's
/// <c>generatedat</c> metadata.
/// </summary>
public sealed class FeedStore(SyncStorage storage)
{
    public static string BlobName(string name, FeedKind kind) => $"{name}/latest.{(kind == FeedKind.GoogleLocalInventory ? "tsv" : "csv")}";

    public static string ContentType(FeedKind kind) => kind == FeedKind.GoogleLocalInventory ? "text/tab-separated-values; charset=utf-8" : "text/csv; charset=utf-8";

    public async Task<string> WriteAsync(string name, FeedKind kind, string content, DateTimeOffset generatedAt, int items, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var blobName = BlobName(name, kind);
        var blob = storage.Feeds.GetBlobClient(blobName);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(kind) },
            Metadata = new Dictionary<string, string>
            {
                ["generatedat"] = generatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["items"] = items.ToString(CultureInfo.InvariantCulture),
            },
        };
        await StorageCall.RunAsync(() => blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), upload, cancellationToken));
        return blobName;
    }

    /// <summary>The latest feed and when it was generated, or null when it was never generated.</summary>
    public async Task<StoredFeed?> ReadAsync(string name, FeedKind kind, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var blob = storage.Feeds.GetBlobClient(BlobName(name, kind));
        var download = await StorageCall.TryGetAsync(async () => (await blob.DownloadContentAsync(cancellationToken)).Value);
        if (download is null)
        {
            return null;
        }

        var generatedAt = download.Details.Metadata.TryGetValue("generatedat", out var at) ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : download.Details.LastModified;
        return new StoredFeed(download.Content.ToArray(), ContentType(kind), generatedAt);
    }
}

/// <summary>A stored feed's bytes, content type and generation time.</summary>
public sealed record StoredFeed(byte[] Content, string ContentType, DateTimeOffset GeneratedAt);
