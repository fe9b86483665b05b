using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Sync.Configuration;

/// <summary>The sync's tables and container, named by <see cref="SyncOptions"/>, created once per instance on first use.</summary>
public sealed class SyncStorage
{
    private readonly CreateOnce _created;

    public SyncStorage(StorageAccount account, IOptions<SyncOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        var o = options.Value;
        State = account.Tables.GetTableClient(o.StateTable);
        Prices = account.Tables.GetTableClient(o.PriceTable);
        Feeds = account.Blobs.GetBlobContainerClient(o.FeedsContainer);
        _created = new CreateOnce(CreateAsync);
    }

    public TableClient State { get; }

    public TableClient Prices { get; }

    public BlobContainerClient Feeds { get; }

    /// <summary>Creates the tables and container if needed; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync() => _created.EnsureAsync();

    private Task CreateAsync() => Task.WhenAll(
            StorageCall.RunAsync(() => State.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Prices.CreateIfNotExistsAsync()),
            StorageCall.RunAsync(() => Feeds.CreateIfNotExistsAsync()));
}
