namespace Omnichannel.Channels.Outbound;

/// <summary>
/// The stock side of one channel beyond <see cref="IChannelClient"/>: reading a listing's quantity and setting
/// several in one call. Resolve with <see cref="ChannelStockClients.Get(string)"/>; a custom or test channel may
/// implement it on its <see cref="IChannelClient"/>.
/// </summary>
public interface IChannelStockClient
{
    string Channel { get; }

    /// <summary>True when the channel's API can read a listing's quantity.</summary>
    bool CanReadStock { get; }

    /// <summary>The quantity the channel offers, or null when it does not know the listing. Throws <see cref="NotSupportedException"/> when <see cref="CanReadStock"/> is false.</summary>
    Task<int?> GetAvailableQuantityAsync(string store, ListingIds listing, CancellationToken cancellationToken);

    /// <summary>Most listings one stock call carries for the store; 1 when the channel has no batch call.</summary>
    int MaxQuantitiesPerCall(string store);

    /// <summary>
    /// Sets each listing's quantity with as few calls as the channel allows; one entry per listing, in order: null
    /// when accepted, else the channel's refusal. A call that fails as a whole fails each of its listings.
    /// </summary>
    Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(string store, IReadOnlyList<ListingQuantity> listings, CancellationToken cancellationToken);
}
