using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// <c>GET /v3/orders/{purchaseOrderId}</c>, for a PO_CREATED notification that carries no order lines. Our copy of the
/// docs shows no response body: the order is read under <c>order</c> (as in the list call) or at the root.
/// </summary>
public sealed class WalmartOrderFetcher : IOrderFetcher
{
    public string Adapter => "walmart";

    public Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OrderFetch.GetAsync(
            request,
            "getAnOrder",
            $"v3/orders/{ChannelRequestExtensions.Segment(channelOrderId)}",
            m => WalmartApi.Authorize(m, request.Account, Guid.NewGuid().ToString()),
            answer => WalmartOrderMapper.Map(JsonRead.Obj(answer, "order") ?? answer, request.Account));
    }
}
