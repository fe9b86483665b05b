using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary><c>GET /wp-json/wc/v3/orders/{id}</c> (after <c>order.deleted</c>: a trashed order reads as cancelled).</summary>
public sealed class WooCommerceOrderFetcher : IOrderFetcher
{
    public string Adapter => "woocommerce";

    public Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OrderFetch.GetAsync(
            request,
            "getOrder",
            $"wp-json/wc/v3/orders/{ChannelRequestExtensions.Segment(channelOrderId)}",
            m => WooCommerceApi.Authorize(m, request.Account),
            answer => WooCommerceOrderMapper.Map(answer, request.Account));
    }
}
