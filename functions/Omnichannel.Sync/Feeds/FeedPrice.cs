namespace Omnichannel.Sync.Feeds;

/// <summary>
/// The price a SKU is advertised at in the feeds. The catalogue has no prices, so the feeds keep their own
/// price list (<c>PUT /api/feeds/prices/{sku}</c>, table <c>Sync:PriceTable</c>); a SKU without a price is not
/// sellable through the feeds and is listed as skipped.
/// </summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Amount">Price, 0 or more, at most two decimals.</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>EUR</c>.</param>
/// <param name="Link">The product page, required by price-comparison sites.</param>
public sealed record FeedPrice(string Sku, decimal Amount, string Currency, Uri? Link);

/// <summary>The body of <c>PUT /api/feeds/prices/{sku}</c>.</summary>
/// <param name="Price">Price, 0 or more, at most two decimals.</param>
/// <param name="Currency">ISO 4217 code; default <c>Sync:DefaultCurrency</c>.</param>
/// <param name="Link">Absolute http(s) URL of the product page.</param>
public sealed record FeedPriceRequest(decimal? Price = null, string? Currency = null, string? Link = null);
