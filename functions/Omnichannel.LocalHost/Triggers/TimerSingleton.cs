using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Makes a timer run once per tick across every host sharing the storage account, as the Functions host
/// does: a host takes the blob lease on <c>hub-timers/{function}</c>, reads the last tick run from the blob,
/// and runs only a newer tick. A host that finds the lease taken skips the tick: the holder runs it.
/// </summary>
internal sealed class TimerSingleton(StorageAccount storage)
{
    public const string ContainerName = "hub-timers";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>The schedule status recorded for a timer, or null when it has never run.</summary>
    public async Task<TimerStatus?> ReadAsync(string function, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(function, cancellationToken);
        var content = await StorageCall.TryGetAsync(async () => (await blob.DownloadContentAsync(cancellationToken)).Value.Content);
        return content is null || content.ToMemory().IsEmpty ? null : content.ToObjectFromJson<TimerStatus>(JsonSerializerOptions.Web);
    }

    /// <summary>
    /// Claims <paramref name="tick"/>: returns a claim to run it under, or null when another host holds the
    /// timer or the tick already ran.
    /// </summary>
    public async Task<TimerClaim?> TryClaimAsync(string function, DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(function, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        // Taking the lease is the claim: a 409 means another host holds it and runs the tick, so this one skips it.
        if (!await StorageCall.TryCreateAsync(() => lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken)))
        {
            return null;
        }

        var conditions = new BlobRequestConditions { LeaseId = lease.LeaseId };
        var content = (await blob.DownloadContentAsync(conditions, cancellationToken)).Value.Content;
        var status = content.ToMemory().IsEmpty ? null : content.ToObjectFromJson<TimerStatus>(JsonSerializerOptions.Web);
        if (status is not null && status.Last >= tick)
        {
            await lease.ReleaseAsync(cancellationToken: cancellationToken);
            return null;
        }

        return new TimerClaim(blob, lease, status?.Last);
    }

    private async Task<BlobClient> BlobAsync(string function, CancellationToken cancellationToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient(function);
        await StorageCall.TryCreateAsync(() => blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken));
        return blob;
    }
}

/// <summary>What a timer's blob records: the last tick that ran and the next one due.</summary>
internal sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset? Next);

/// <summary>A held timer lease; completing records the tick, disposing releases the lease.</summary>
internal sealed class TimerClaim(BlobClient blob, BlobLeaseClient lease, DateTimeOffset? last) : IAsyncDisposable
{
    public DateTimeOffset? Last { get; } = last;

    public Task RenewAsync(CancellationToken cancellationToken) => lease.RenewAsync(cancellationToken: cancellationToken);

    public Task CompleteAsync(TimerStatus status, CancellationToken cancellationToken) =>
        blob.UploadAsync(
            BinaryData.FromObjectAsJson(status, JsonSerializerOptions.Web),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
#pragma warning disable CA1031 // The lease expired or was lost, or storage is down: it frees itself within its 60 s.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            _ = e;
        }
    }
}
