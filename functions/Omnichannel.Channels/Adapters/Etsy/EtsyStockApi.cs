using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary>
/// Etsy stock read: <c>getListingInventory</c> (<c>GET /v3/application/listings/{id}/inventory</c>) → the quantity
/// of the first offering of the product with the channel SKU; null when the listing or the SKU is not there.
/// No batch: <c>updateListingInventory</c> is per listing and already carries all of its products.
/// </summary>
public sealed class EtsyStockApi : IChannelStockReadApi
{
    public string Adapter => "etsy";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var id = ChannelRequestExtensions.Segment(listing.ListingId ?? throw new ArgumentException("Etsy needs the listing id (ListingId).", nameof(listing)));
        using var answer = await request.TryGetJsonAsync("getListingInventory", $"v3/application/listings/{id}/inventory", m => EtsyApi.Authorize(m, request.Account));
        return answer is null ? null : JsonRead.Arr(answer.RootElement, "products")
            .Where(p => JsonRead.Opt(p, "sku") == listing.ChannelSku)
            .SelectMany(p => JsonRead.Arr(p, "offerings").Take(1))
            .Select(o => o.Quantity("quantity"))
            .FirstOrDefault();
    }
}
