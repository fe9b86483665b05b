using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Configuration;

/// <summary>The events feature's tables, named by <see cref="EventsOptions"/>, created once per instance on first use.</summary>
public sealed class EventsStorage
{
    private readonly CreateOnce _created;

    public EventsStorage(StorageAccount account, IOptions<EventsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        var o = options.Value;
        Outbox = account.Tables.GetTableClient(o.OutboxTable);
        History = account.Tables.GetTableClient(o.HistoryTable);
        Destinations = account.Tables.GetTableClient(o.DestinationsTable);
        Queues = account.Queues;
        _created = new CreateOnce(CreateAsync);
    }

    public TableClient Outbox { get; }

    public TableClient History { get; }

    public TableClient Destinations { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Creates the tables if needed; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync() => _created.EnsureAsync();

    private Task CreateAsync() => Task.WhenAll(
            StorageCall.RunAsync(() => Outbox.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => History.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Destinations.CreateIfNotExistsAsync()));
}
