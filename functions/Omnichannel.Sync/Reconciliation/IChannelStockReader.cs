namespace Omnichannel.Sync.Reconciliation;

/// <summary>
/// Reads the quantity a channel shows for a listing, for reconciliation. Configured channels whose adapter can
/// read stock are read through their <see cref="Channels.Outbound.IChannelStockClient"/> (see <see cref="StockReaders"/>);
/// one registered in DI (<c>services.AddSingleton&lt;IChannelStockReader, ...&gt;()</c>) replaces that for its channel.
/// Channels without a read are reconciled against the recorded state only.
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
