using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// Walmart stock read: <c>GET /v3/inventory?sku=</c> (default ship node) → <c>quantity.amount</c>. No batch: the bulk
/// inventory feed is asynchronous (a feed id now, per-SKU results only once Walmart has processed it, to be polled),
/// so a failed SKU would surface minutes later; one <c>PUT /v3/inventory</c> per listing keeps results immediate.
/// </summary>
public sealed class WalmartStockApi : IChannelStockReadApi
{
    public string Adapter => "walmart";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        using var answer = await request.TryGetJsonAsync("getInventory", $"v3/inventory?sku={ChannelRequestExtensions.Segment(listing.ChannelSku)}", m => WalmartApi.Authorize(m, request.Account, Guid.NewGuid().ToString()));
        return answer?.RootElement.Quantity("quantity", "amount");
    }
}
