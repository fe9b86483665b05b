namespace Omnichannel.Sync.Reconciliation;

/// <summary>
/// Reads the quantity a channel shows for a listing, for reconciliation. The channels' client has no read
/// call, so this is the sync's own seam: register one per channel whose API can read stock (DI,
/// <c>services.AddSingleton&lt;IChannelStockReader, ...&gt;()</c>); channels without one are reconciled
/// against the recorded state only.
/// </summary>
public interface IChannelStockReader
{
    /// <summary>Channel name, lower case.</summary>
    string Channel { get; }

    /// <summary>The quantity shown, or null when the channel does not know the listing.</summary>
    Task<int?> GetAvailableQuantityAsync(string store, ListingRef listing, CancellationToken cancellationToken);
}

/// <summary>A listing as the catalogue knows it.</summary>
/// <param name="ChannelItemId">The channel's item id.</param>
/// <param name="SellerSku">Seller SKU on the channel, if any.</param>
/// <param name="Sku">Catalogue SKU.</param>
public sealed record ListingRef(string ChannelItemId, string? SellerSku, string Sku);
