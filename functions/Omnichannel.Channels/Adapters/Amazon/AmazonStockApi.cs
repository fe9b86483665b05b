using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Amazon;

/// <summary>
/// Amazon stock read: Listings Items <c>getListingsItem</c> with <c>includedData=fulfillmentAvailability</c>; the
/// entry of the account's <c>FulfillmentChannelCode</c> (default DEFAULT) gives the quantity. No batch: the
/// <c>JSON_LISTINGS_FEED</c> needs a feed document, an upload, the feed and a later processing report per batch,
/// and reports per-SKU results minutes later, so one <c>patchListingsItem</c> per listing stays cheaper and faster.
/// </summary>
public sealed class AmazonStockApi : IChannelStockReadApi
{
    public string Adapter => "amazon";

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var account = request.Account;
        var path = $"listings/2021-08-01/items/{ChannelRequestExtensions.Segment(account.Required("SellerId"))}/{ChannelRequestExtensions.Segment(listing.ChannelSku)}" +
            $"?marketplaceIds={ChannelRequestExtensions.Segment(account.Required("MarketplaceId"))}&includedData=fulfillmentAvailability";
        using var answer = await request.TryGetJsonAsync("getListingsItem", path, m => AmazonApi.Authorize(m, account));
        var code = account["FulfillmentChannelCode"] ?? "DEFAULT";
        return answer is null ? null : JsonRead.Arr(answer.RootElement, "fulfillmentAvailability")
            .Where(a => JsonRead.Opt(a, "fulfillmentChannelCode") == code)
            .Select(a => a.Quantity("quantity"))
            .FirstOrDefault();
    }
}
