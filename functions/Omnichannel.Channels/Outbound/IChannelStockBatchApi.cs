using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>An adapter's batched stock call, where the channel's API sets several listings in one request.</summary>
public interface IChannelStockBatchApi
{
    string Adapter { get; }

    /// <summary>Most listings one call may carry for the account: the channel's documented limit, or a lower <c>StockBatchSize</c> setting.</summary>
    int MaxQuantitiesPerCall(ChannelAccount account);

    /// <summary>
    /// Sets at most <see cref="MaxQuantitiesPerCall"/> listings; returns one entry per listing, in order: null when the
    /// channel accepted it, else why not. Throws <see cref="ChannelApiException"/> when the whole call failed.
    /// </summary>
    Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(ChannelRequest request, IReadOnlyList<ListingQuantity> listings);
}
