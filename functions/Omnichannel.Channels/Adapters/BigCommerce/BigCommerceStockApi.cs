using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.BigCommerce;

/// <summary>
/// BigCommerce stock read: <c>GET /v3/catalog/products/{id}</c> (or <c>/variants/{id}</c>) → <c>data.inventory_level</c>.
/// Not in our copy of the channel notes: this follows BigCommerce's public v3 catalog reference. One call per listing
/// for writes (the variants batch endpoint is not in our notes either).
/// </summary>
public sealed class BigCommerceStockApi : IChannelStockReadApi
{
    public string Adapter => "bigcommerce";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var path = BigCommerceApi.StockPath(listing.ListingId, listing.VariantId);
        using var answer = await request.TryGetJsonAsync("inventory_level", path, m => BigCommerceApi.Authorize(m, request.Account));
        return answer?.RootElement.Quantity("data", "inventory_level");
    }
}
