using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>
/// WooCommerce stock read: <c>GET</c> the product (or its variation) → <c>stock_quantity</c>; null when the store
/// does not manage its stock (the field is null). Writes stay one <c>PUT</c> per listing: the REST API's batch
/// endpoints take products and each parent's variations separately, and our notes do not document how they report
/// a refused item.
/// </summary>
public sealed class WooCommerceStockApi : IChannelStockReadApi
{
    public string Adapter => "woocommerce";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var path = WooCommerceApi.StockPath(listing.ListingId, listing.VariantId);
        using var answer = await request.TryGetJsonAsync("stock_quantity", path, m => WooCommerceApi.Authorize(m, request.Account));
        return answer?.RootElement.Quantity("stock_quantity");
    }
}
