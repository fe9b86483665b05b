using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// The feature's tables, queues and container, created on first use (once per process; a failed attempt is
/// tried again on the next call instead of being cached).
/// </summary>
public sealed class ChannelStorage
{
    private readonly CreateOnce _created;

    public ChannelStorage(StorageAccount account, IOptions<ChannelsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        Dedupe = account.Tables.GetTableClient(options.Value.DedupeTable);
        Quarantine = account.Tables.GetTableClient(options.Value.QuarantineTable);
        Cursors = account.Tables.GetTableClient(options.Value.CursorTable);
        Orders = account.Queues.GetQueueClient(options.Value.OrderQueue);
        Deliveries = account.Queues.GetQueueClient(options.Value.DeliveryQueue);
        Archive = account.Blobs.GetBlobContainerClient(options.Value.ArchiveContainer);
        _created = new CreateOnce(CreateAsync);
    }

    public TableClient Dedupe { get; }

    public TableClient Quarantine { get; }

    public TableClient Cursors { get; }

    public QueueClient Orders { get; }

    /// <summary>Webhook deliveries handed on by the receiving request, for the forward function.</summary>
    public QueueClient Deliveries { get; }

    public BlobContainerClient Archive { get; }

    /// <summary>Creates them once; the caller's token stops its wait, not the shared attempt.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync().WaitAsync(cancellationToken);

    private Task CreateAsync() => StorageCall.RunAsync(() => Task.WhenAll(
        Dedupe.CreateIfNotExistsAsync(),
        Quarantine.CreateIfNotExistsAsync(),
        Cursors.CreateIfNotExistsAsync(),
        Orders.CreateIfNotExistsAsync(),
        Deliveries.CreateIfNotExistsAsync(),
        Archive.CreateIfNotExistsAsync()));
}
