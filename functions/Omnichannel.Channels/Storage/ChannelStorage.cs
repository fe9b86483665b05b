using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// The feature's tables, queue and container, created on first use (once per process; a failed attempt is
/// tried again on the next call instead of being cached).
/// </summary>
public sealed class ChannelStorage(StorageAccount account, IOptions<ChannelsOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public TableClient Dedupe { get; } = account.Tables.GetTableClient(options.Value.DedupeTable);

    public TableClient Quarantine { get; } = account.Tables.GetTableClient(options.Value.QuarantineTable);

    public TableClient Cursors { get; } = account.Tables.GetTableClient(options.Value.CursorTable);

    public QueueClient Orders { get; } = account.Queues.GetQueueClient(options.Value.OrderQueue);

    /// <summary>Webhook deliveries handed on by the receiving request, for the forward function.</summary>
    public QueueClient Deliveries { get; } = account.Queues.GetQueueClient(options.Value.DeliveryQueue);

    public BlobContainerClient Archive { get; } = account.Blobs.GetBlobContainerClient(options.Value.ArchiveContainer);

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await StorageCall.RunAsync(() => Task.WhenAll(
                    Dedupe.CreateIfNotExistsAsync(cancellationToken),
                    Quarantine.CreateIfNotExistsAsync(cancellationToken),
                    Cursors.CreateIfNotExistsAsync(cancellationToken),
                    Orders.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                    Deliveries.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                    Archive.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
