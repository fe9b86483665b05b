using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary><c>GET /v3/application/shops/{shop_id}/receipts/{receipt_id}</c>, for the thin <c>order.paid</c> webhook.</summary>
public sealed class EtsyOrderFetcher : IOrderFetcher
{
    public string Adapter => "etsy";

    public Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shop = ChannelRequestExtensions.Segment(request.Account.Required("ShopId"));
        return OrderFetch.GetAsync(
            request,
            "getShopReceipt",
            $"v3/application/shops/{shop}/receipts/{ChannelRequestExtensions.Segment(channelOrderId)}",
            m => EtsyApi.Authorize(m, request.Account),
            answer => EtsyReceiptMapper.Map(answer, request.Account));
    }
}
