namespace Omnichannel.Ledger.Catalogue;

/// <summary>A product as listed on one channel account.</summary>
/// <param name="Channel">Channel, lower case (e.g. <c>amazon</c>, <c>ebay</c>, <c>shopify</c>).</param>
/// <param name="Account">Store or seller account on that channel.</param>
/// <param name="ChannelItemId">The channel's item or variant id.</param>
/// <param name="SellerSku">The seller SKU used on the channel, if any.</param>
/// <param name="Sku">The catalogue SKU it sells.</param>
/// <param name="Rule">Its stock rule.</param>
public sealed record ChannelListing(string Channel, string Account, string ChannelItemId, string? SellerSku, string Sku, StockRule Rule)
{
    /// <summary>The listing's identity, unique per channel account (<see cref="CatalogueStore.ListingKey"/>).</summary>
    public string Key => CatalogueStore.ListingKey(Channel, Account, ChannelItemId);
}
