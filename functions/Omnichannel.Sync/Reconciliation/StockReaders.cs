using Omnichannel.Channels.Outbound;
using Omnichannel.Sync.Pushing;

namespace Omnichannel.Sync.Reconciliation;

/// <summary>
/// The stock read of each channel for reconciliation: an <see cref="IChannelStockReader"/> registered in DI for the
/// channel wins (tests, custom channels); otherwise the channel's <see cref="IChannelStockClient"/> when its API can read.
/// </summary>
public sealed class StockReaders(IEnumerable<IChannelStockReader> registered, ChannelPusher pusher, ListingQuantityMapper mapper)
{
    private readonly Dictionary<string, IChannelStockReader> _registered = registered.GroupBy(r => r.Channel, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel's reader, or null when its stock cannot be read.</summary>
    public IChannelStockReader? For(string channel) =>
        _registered.GetValueOrDefault(channel)
        ?? (pusher.ResolveStock(channel) is { CanReadStock: true } client ? new ClientReader(client, mapper) : null);

    private sealed class ClientReader(IChannelStockClient client, ListingQuantityMapper mapper) : IChannelStockReader
    {
        public string Channel => client.Channel;

        public Task<int?> GetAvailableQuantityAsync(string store, ListingRef listing, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(listing);
            return client.GetAvailableQuantityAsync(store, mapper.Ids(client.Channel, store, listing.ChannelItemId, listing.SellerSku), cancellationToken);
        }
    }
}
