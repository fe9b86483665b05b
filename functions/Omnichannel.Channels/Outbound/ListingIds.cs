namespace Omnichannel.Channels.Outbound;

/// <summary>The ids a channel's stock calls need to find one listing (see <see cref="ListingQuantity"/> for each id's meaning per channel).</summary>
/// <param name="ChannelSku">Seller SKU on the channel.</param>
/// <param name="ListingId">Channel listing/product/item id.</param>
/// <param name="VariantId">Variant/variation id where the channel needs it.</param>
/// <param name="LocationId">Channel location (Shopify location gid).</param>
/// <param name="OfferId">Offer id (eBay).</param>
public sealed record ListingIds(string ChannelSku, string? ListingId = null, string? VariantId = null, string? LocationId = null, string? OfferId = null)
{
    public ListingQuantity WithQuantity(int quantity) => new(ChannelSku, quantity, ListingId, VariantId, LocationId, OfferId);
}
