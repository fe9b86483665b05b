using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Omnichannel.Storage.Telemetry;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// The Azure SDK client options the task hub's blob, queue and table clients are built from, for what host.json does
/// not cover, e.g. a pipeline policy that counts requests by service (the bench, <see cref="CountWith"/>). The SDK's
/// defaults unless configured (<c>services.Configure&lt;LocalDurableStorageClientOptions&gt;(o =&gt; o.Table.AddPolicy(...))</c>);
/// the provider adds its own throttling, timeout and monitoring policies to them.
/// </summary>
public sealed class LocalDurableStorageClientOptions
{
    public BlobClientOptions Blob { get; } = new();

    public QueueClientOptions Queue { get; } = new();

    public TableClientOptions Table { get; } = new();

    /// <summary>Counts the task hub's requests (worker and client side, retries included) in <paramref name="counter"/>, by service.</summary>
    public void CountWith(StorageRequestCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        counter.CountOn(Blob, StorageService.Blob);
        counter.CountOn(Queue, StorageService.Queue);
        counter.CountOn(Table, StorageService.Table);
    }
}
