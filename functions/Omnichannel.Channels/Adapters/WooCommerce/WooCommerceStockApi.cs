using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>
/// WooCommerce stock read: <c>GET</c> the product (or its variation) → <c>stock_quantity</c>; null when the store
/// does not manage its stock (the field is null). Core WooCommerce has no batch stock call that reports per item
/// beyond <c>products/batch</c>, which rewrites whole products: one <c>PUT</c> per listing.
/// </summary>
public sealed class WooCommerceStockApi : IChannelStockReadApi
{
    public string Adapter => "woocommerce";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var product = ChannelRequestExtensions.Segment(listing.ListingId ?? throw new ArgumentException("WooCommerce needs the product id (ListingId).", nameof(listing)));
        var path = listing.VariantId is { } variation
            ? $"wp-json/wc/v3/products/{product}/variations/{ChannelRequestExtensions.Segment(variation)}"
            : $"wp-json/wc/v3/products/{product}";
        using var answer = await request.TryGetJsonAsync("stock_quantity", path, m => WooCommerceApi.Authorize(m, request.Account));
        return answer?.RootElement.Quantity("stock_quantity");
    }
}
