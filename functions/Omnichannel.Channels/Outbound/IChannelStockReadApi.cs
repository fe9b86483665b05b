namespace Omnichannel.Channels.Outbound;

/// <summary>
/// An adapter's stock read, where the channel's API can read what a listing offers (reconciliation).
/// Registered beside the adapter's <see cref="IChannelApi"/>, matched by <see cref="Adapter"/>.
/// </summary>
public interface IChannelStockReadApi
{
    string Adapter { get; }

    /// <summary>The quantity the channel offers, or null when it does not know the listing (404, or absent from the answer).</summary>
    Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing);
}
