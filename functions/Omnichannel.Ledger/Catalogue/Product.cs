namespace Omnichannel.Ledger.Catalogue;

/// <summary>A catalogue product.</summary>
/// <param name="Sku">The catalogue SKU, the key every channel line is matched to.</param>
/// <param name="Title">Display title.</param>
/// <param name="Gtin">GTIN, EAN or UPC (8, 12, 13 or 14 digits, check digit verified).</param>
/// <param name="Mpn">Manufacturer part number.</param>
/// <param name="Asin">Amazon identifier.</param>
/// <param name="Brand">Brand.</param>
/// <param name="ReorderPoint">A low-stock alert fires when consolidated available falls below it; none when null.</param>
/// <param name="SafetyStock">Units held back from the consolidated available (never sold).</param>
public sealed record Product(string Sku, string Title, string? Gtin = null, string? Mpn = null, string? Asin = null, string? Brand = null, int? ReorderPoint = null, int SafetyStock = 0);

/// <summary>What a location is; channel-fulfilled stock (e.g. Amazon FBA) is only sold through its channel.</summary>
public enum LocationKind
{
    Store,
    Warehouse,
    ChannelFulfilled,
    ThirdPartyLogistics,
    Dropship,
}

/// <summary>A place that holds stock.</summary>
/// <param name="Id">Location id (e.g. <c>wh-berlin</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="ShipsOnline">Whether online orders ship from it; by default only such locations feed channel stock.</param>
/// <param name="Pickup">Whether it offers in-store pickup.</param>
/// <param name="FulfilledChannel">For <see cref="LocationKind.ChannelFulfilled"/>: the only channel that may sell it (e.g. <c>amazon</c>).</param>
public sealed record Location(string Id, string Name, LocationKind Kind, bool ShipsOnline = true, bool Pickup = false, string? FulfilledChannel = null);

/// <summary>How much of the stock one listing offers.</summary>
/// <param name="BufferUnits">Units held back from this listing.</param>
/// <param name="SharePercent">Share (0-100) of the eligible stock offered, rounded down.</param>
/// <param name="AllowedLocations">Locations it may sell from; empty means every location that ships online
/// (channel-fulfilled locations only for their own channel).</param>
public sealed record StockRule(int BufferUnits = 0, int SharePercent = 100, IReadOnlyList<string>? AllowedLocations = null);

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
