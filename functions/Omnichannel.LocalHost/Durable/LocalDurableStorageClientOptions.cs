using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// The Azure SDK client options the task hub's blob, queue and table clients are built from, for what host.json does
/// not cover, e.g. a pipeline policy that counts requests by service (the bench). The SDK's defaults unless
/// configured (<c>services.Configure&lt;LocalDurableStorageClientOptions&gt;(o =&gt; o.Table.AddPolicy(...))</c>);
/// the provider adds its own throttling, timeout and monitoring policies to them.
/// </summary>
public sealed class LocalDurableStorageClientOptions
{
    public BlobClientOptions Blob { get; } = new();

    public QueueClientOptions Queue { get; } = new();

    public TableClientOptions Table { get; } = new();
}
