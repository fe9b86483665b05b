using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// <c>GET /admin/api/{version}/orders/{id}.json</c>: the REST order resource, the same shape the <c>orders/*</c>
/// webhooks carry, so one mapper serves both (needed after <c>refunds/create</c>, which names only the order).
/// </summary>
public sealed class ShopifyOrderFetcher : IOrderFetcher
{
    public string Adapter => "shopify";

    public Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OrderFetch.GetAsync(
            request,
            "getOrder",
            ShopifyApi.AdminPath(request.Account, $"orders/{ChannelRequestExtensions.Segment(channelOrderId)}.json"),
            m => ShopifyApi.Authorize(m, request.Account),
            answer => ShopifyOrderMapper.Map(JsonRead.Obj(answer, "order") ?? throw new Ingestion.PayloadException("Field 'order' is missing."), request.Account));
    }
}
